//===- metis-bench.cpp - Time the interpreter on the benchmarks -----------===//
//
// metis-bench [--shared DIR] [--benchmark_filter=REGEX ...]
//
// Registers `interp/<group>/<name>/<case>` for every evmone-legacy case and
// every revmc bench that runs on its own code (BenchInputs.h), running the code
// directly with no deployment. Each benchmark checks its output (and gas, where
// known) once before timing; a mismatch marks it as errored and makes the exit
// status non-zero. `precompile/point_evaluation` times one valid 0x0a call (the
// trusted setup is loaded before timing); `precompile/ec*` time 0x06..0x08
// the same way. DIR defaults to the shared folder beside the checkout, found
// from the executable's path (<build>/bin/../../../shared).
//
//===----------------------------------------------------------------------===//
#include "metis/harness/BenchInputs.h"
#include "metis/runtime/Precompiles.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>

namespace fs = std::filesystem;
using namespace metis;

namespace {

/// One registered benchmark. The runner is built on first use, so benchmarks
/// the filter leaves out cost nothing.
struct Entry {
  bench::BenchCase benchCase;
  std::unique_ptr<bench::Runner> runner;
  std::optional<std::string> error;
  int64_t gasUsed = 0;
};

std::atomic<bool> anyError{false};

void runEntry(benchmark::State &state, Entry &e) {
  if (!e.runner) {
    e.runner = std::make_unique<bench::Runner>(e.benchCase);
    Result r = e.runner->run();
    e.gasUsed = e.runner->gasUsed(r);
    e.error = bench::checkResult(e.benchCase, r, e.gasUsed);
  }
  if (e.error) {
    state.SkipWithError(e.error->c_str());
    anyError = true;
    return;
  }
  for (auto _ : state) {
    Result r = e.runner->run();
    benchmark::DoNotOptimize(r);
  }
  state.counters["gas_used"] = double(e.gasUsed);
  state.counters["gas_rate"] =
      benchmark::Counter(double(e.gasUsed), benchmark::Counter::kIsIterationInvariantRate);
}

/// Takes `--shared DIR` or `--shared=DIR` out of argv, leaving the rest to
/// Google Benchmark.
std::optional<std::string> takeSharedFlag(int &argc, char **argv) {
  std::optional<std::string> dir;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--shared") == 0 && i + 1 < argc)
      dir = argv[++i];
    else if (std::strncmp(argv[i], "--shared=", 9) == 0)
      dir = argv[i] + 9;
    else
      argv[out++] = argv[i];
  }
  argc = out;
  argv[argc] = nullptr;
  return dir;
}

/// A valid KZG proof (the state tests' correct_proof_392169c16a2e5ef6): the
/// full pairing check, as every accepted call pays.
void pointEvaluation(benchmark::State &state) {
  const Bytes input =
      *fromHex("014edfed8547661f6cb416eba53061a2f6dce872c0497e6dd485a876fe2567f1"
               "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
               "304962b3598a0adf33189fdfd9789feab1096ff40006900400000003fffffffc"
               "a421e229565952cfff4ef3517100a97da1d4fe57956fa50a442f92af03b1bf37adacc8ad"
               "4ed209b31287ea5bb94d9d06"
               "aa86c458b3065e7ec244033a2ade91a7499561f482419a3a372c42a636dad98262a2ce92"
               "6d142fd7cfe26ca148efe8b4");
  constexpr int64_t kGas = 50000;
  if (std::string_view error = precompiles::loadTrustedSetup(); !error.empty()) {
    state.SkipWithError(std::string(error).c_str());
    anyError = true;
    return;
  }
  if (precompiles::execute(10, input, kGas).status != precompiles::Status::Success) {
    state.SkipWithError("point evaluation rejected a valid proof");
    anyError = true;
    return;
  }
  for (auto _ : state) {
    precompiles::Result r = precompiles::execute(10, input, kGas);
    benchmark::DoNotOptimize(r);
  }
  state.counters["gas_rate"] =
      benchmark::Counter(double(kGas), benchmark::Counter::kIsIterationInvariantRate);
}

/// Calls precompile `id` on `input` once and checks the result with `valid` (a failed call
/// never passes), then times the call; the rate counter is in gas per second.
template <typename Check>
void timePrecompile(benchmark::State &state, unsigned id, const Bytes &input, int64_t gas,
                    Check valid, const char *error) {
  precompiles::Result first = precompiles::execute(id, input, gas);
  if (first.status != precompiles::Status::Success || !valid(first)) {
    state.SkipWithError(error);
    anyError = true;
    return;
  }
  for (auto _ : state) {
    precompiles::Result r = precompiles::execute(id, input, gas);
    benchmark::DoNotOptimize(r);
  }
  state.counters["gas_rate"] =
      benchmark::Counter(double(first.gasUsed), benchmark::Counter::kIsIterationInvariantRate);
}

/// One 0x06..0x08 call on fixed valid input, checked once before timing. The
/// pairing inputs are (G1, G2), (-G1, G2) repeated, whose product is one.
void bn254Precompile(benchmark::State &state, unsigned id, std::string hex,
                     std::string_view expected) {
  timePrecompile(
      state, id, *fromHex(hex), 1'000'000,
      [&](const precompiles::Result &r) { return toHex(r.output) == expected; },
      "wrong BN254 precompile output");
}

/// modexp (0x05) at EIP-2565's expensive end: a 256-byte base and modulus with a 256-byte
/// exponent of all ones (2,048 squarings and multiplications). The result is checked against
/// the same call's gas once (it must succeed), then timed.
void modexpWorstCase(benchmark::State &state) {
  Bytes input(96 + 3 * 256, 0xff);
  for (int i = 0; i < 3; ++i) { // three 32-byte lengths of 256
    std::fill(input.begin() + 32 * i, input.begin() + 32 * i + 32, 0);
    input[32 * i + 30] = 0x01;
  }
  timePrecompile(
      state, 5, input, 10'000'000,
      [](const precompiles::Result &r) { return r.output.size() == 256; }, "modexp failed");
}

void registerBn254Benchmarks() {
  const std::string g1 = "0000000000000000000000000000000000000000000000000000000000000001"
                         "0000000000000000000000000000000000000000000000000000000000000002";
  const std::string negG1 = "0000000000000000000000000000000000000000000000000000000000000001"
                            "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";
  const std::string twoG1 = "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
                            "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
  const std::string g2 = "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                         "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                         "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                         "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
  const std::string one("0000000000000000000000000000000000000000000000000000000000000001");
  const std::string pairs2 = g1 + g2 + negG1 + g2;
  struct Case {
    const char *name;
    unsigned id;
    std::string input, expected;
  } cases[] = {
      {"precompile/ecpairing_2", 8, pairs2, one},
      {"precompile/ecpairing_4", 8, pairs2 + pairs2, one},
      // [r - 1]G = -G: a full-length scalar.
      {"precompile/ecmul", 7,
       g1 + "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000", negG1},
      {"precompile/ecadd", 6, g1 + twoG1,
       "0769bf9ac56bea3ff40232bcb1b6bd159315d84715b8e679f2d355961915abf0"
       "2ab799bee0489429554fdb7c8d086475319e63b40b9c5b57cdf1ff3dd9fe2261"},
  };
  for (Case &c : cases)
    benchmark::RegisterBenchmark(c.name, bn254Precompile, c.id, c.input, c.expected)
        ->Unit(benchmark::kMicrosecond);
}

fs::path defaultSharedDir(const char *argv0) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec)
    exe = fs::absolute(argv0);
  return (exe.parent_path() / "../../../shared").lexically_normal();
}

} // namespace

int main(int argc, char **argv) {
  std::optional<std::string> sharedFlag = takeSharedFlag(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  const fs::path shared = sharedFlag ? fs::path(*sharedFlag) : defaultSharedDir(argv[0]);

  static std::vector<std::unique_ptr<Entry>> entries;
  for (auto loaded : {bench::loadEvmoneLegacy(shared / "bench/evmone-legacy"),
                      bench::loadRevmc(shared / "bench/revmc"),
                      bench::loadEvmBenchmarks(shared / "bench/evm-benchmarks/benchmarks"),
                      bench::loadInputsFolder(METIS_BENCH_DIR "/mlp", "metis")}) {
    if (auto *err = std::get_if<bench::BenchError>(&loaded)) {
      std::fprintf(stderr, "metis-bench: %s\n", err->message.c_str());
      return 1;
    }
    for (auto &c : std::get<std::vector<bench::BenchCase>>(loaded))
      entries.push_back(std::make_unique<Entry>(Entry{std::move(c), nullptr, {}, 0}));
  }
  for (auto &e : entries) {
    Entry *entry = e.get();
    benchmark::RegisterBenchmark(("interp/" + entry->benchCase.id()).c_str(),
                                 [entry](benchmark::State &s) { runEntry(s, *entry); })
        ->Unit(benchmark::kMicrosecond);
  }

  benchmark::RegisterBenchmark("precompile/modexp_2048bit", modexpWorstCase)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("precompile/point_evaluation", pointEvaluation)
      ->Unit(benchmark::kMicrosecond);

  registerBn254Benchmarks();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return anyError ? 1 : 0;
}
