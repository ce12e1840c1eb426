//===- metis-bench.cpp - Time the tiers and the compiler on the benchmarks ===//
//
// metis-bench [--shared DIR] [--modes interp,jit,aot,compile] [--level baseline|fast|default]
//             [--llvm-passes PIPELINE] [--no-summary] [--summary-markdown FILE]
//             [--benchmark_filter=REGEX ...]
//
// For every benchmark case (BenchInputs.h: evmone-legacy, revmc, evm-benchmarks and this
// repository's bench/), run directly with no deployment:
//   interp/<group>/<name>/<case>   the reference interpreter;
//   jit/<group>/<name>/<case>      the ORC JIT at --level (compile excluded: it happens on the
//                                  checked first run, before timing);
//   aot/<group>/<name>/<case>      a shared library compiled at --level, loaded;
// and per contract compile/fast/<group>/<name> and compile/default/<group>/<name>, one whole
// compile to an in-memory object per iteration (compileToObject: what the JIT pays before
// linking). Each run benchmark checks its output (and gas, where known) once before timing; a
// mismatch marks it as errored and makes the exit status non-zero. `precompile/*` time single
// precompile calls on valid input. After the runs a summary prints each case's speedup over
// the interpreter, the geometric means (all cases, and the compute set of issue 12) and the
// compile times in ms and ms/KB: on stdout after the console table, on stderr when
// --benchmark_format is json or csv so that stdout stays machine-readable. DIR defaults to the
// shared folder beside the checkout, found from the executable's path.
//
//===----------------------------------------------------------------------===//
#include "metis/Target/Engine.h"
#include "metis/harness/BenchInputs.h"
#include "metis/runtime/Precompiles.h"

#include "llvm/ADT/StringExtras.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace metis;

namespace {

/// What the command line asks for beyond Google Benchmark's own flags.
struct BenchOptions {
  std::optional<std::string> shared;
  std::set<std::string> modes{"interp", "jit", "aot", "compile"};
  CompileOptions compile; ///< for the jit and aot rows
  bool summary = true;
  /// --summary-markdown FILE: the summary as the markdown tables scripts/bench puts in
  /// docs/performance.md.
  std::optional<std::string> markdownFile;
};

/// The compute set of issue 12's run-speed target: contracts whose time is arithmetic, not state.
bool isCompute(const bench::BenchCase &c) {
  static const std::set<std::string> names{
      "snailtracer",  "sha1_divs",          "sha1_shifts", "blake2b_huff", "blake2b_shifts",
      "weierstrudel", "fibonacci-calldata", "factorial",   "hash_10k",     "bswap64",
      "mlp"};
  return names.count(c.name) != 0;
}

/// The compiled tiers, created on first use so that filtered-out modes cost nothing.
class Engines {
public:
  explicit Engines(CompileOptions options) : options_(std::move(options)) {}
  /// The engine called `name`, or null after recording why it could not be created.
  Engine *get(std::string_view name, std::optional<std::string> &error) {
    auto &slot = engines_[std::string(name)];
    if (!slot) {
      auto engine = Engine::create(name, options_);
      if (!engine) {
        error = llvm::toString(engine.takeError());
        return nullptr;
      }
      slot = std::move(*engine);
    }
    return slot.get();
  }

private:
  CompileOptions options_;
  std::map<std::string, std::unique_ptr<Engine>> engines_;
};

/// One registered benchmark. The runner is built on first use, so benchmarks
/// the filter leaves out cost nothing.
struct Entry {
  bench::BenchCase benchCase;
  std::string engine; ///< Engine::kInterp, kJit or kAot
  Engines *engines = nullptr;
  std::unique_ptr<bench::Runner> runner;
  std::optional<std::string> error;
  int64_t gasUsed = 0;
};

std::atomic<bool> anyError{false};

void runEntry(benchmark::State &state, Entry &e) {
  if (!e.runner && !e.error) {
    Executor *executor = nullptr;
    Engine *engine = nullptr;
    if (e.engine != Engine::kInterp) {
      engine = e.engines->get(e.engine, e.error);
      executor = engine ? engine->executor() : nullptr;
    }
    if (!e.error) {
      const size_t fallbacks = engine ? engine->fallbackCount() : 0;
      e.runner = std::make_unique<bench::Runner>(e.benchCase, executor);
      Result r = e.runner->run(); // compiles, outside the timed loop
      e.gasUsed = e.runner->gasUsed(r);
      e.error = bench::checkResult(e.benchCase, r, e.gasUsed);
      // A frame this case ran that could not compile was interpreted: not the tier's time.
      if (!e.error && engine && engine->fallbackCount() != fallbacks)
        e.error = "compiling failed: " + engine->firstError();
    }
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

/// One compile of a contract per iteration, at `level`.
void compileContract(benchmark::State &state, const bench::BenchCase &c, CompileLevel level,
                     const CompileOptions &base) {
  CompileOptions options = base;
  options.level = level;
  options.name = c.name;
  for (auto _ : state) {
    auto object = compileToObject(*c.code, options);
    if (!object) {
      std::string message = llvm::toString(object.takeError());
      state.SkipWithError(message.c_str());
      anyError = true;
      return;
    }
    benchmark::DoNotOptimize(object->get());
  }
  state.counters["bytes"] = double(c.code->size());
}

/// Takes metis-bench's own flags (`--name VALUE` or `--name=VALUE`) out of argv, leaving the rest
/// to Google Benchmark. Returns an error message for a bad value.
std::optional<std::string> takeOwnFlags(int &argc, char **argv, BenchOptions &options) {
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string_view name) -> std::optional<std::string> {
      if (arg == name && i + 1 < argc)
        return std::string(argv[++i]);
      if (arg.starts_with(name) && arg.size() > name.size() && arg[name.size()] == '=')
        return std::string(arg.substr(name.size() + 1));
      return std::nullopt;
    };
    if (arg == "--no-summary") {
      options.summary = false;
    } else if (auto v = value("--summary-markdown")) {
      options.markdownFile = *v;
    } else if (auto v = value("--shared")) {
      options.shared = *v;
    } else if (auto v = value("--llvm-passes")) {
      options.compile.llvmPasses = *v;
    } else if (auto v = value("--level")) {
      auto level = parseCompileLevel(*v);
      if (!level)
        return "unknown compile level '" + *v +
               "' (available: " + llvm::join(compileLevelNames(), ", ") + ")";
      options.compile.level = *level;
    } else if (auto v = value("--modes")) {
      options.modes.clear();
      llvm::SmallVector<llvm::StringRef> parts;
      llvm::StringRef(*v).split(parts, ',', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef part : parts) {
        if (part != "interp" && part != "jit" && part != "aot" && part != "compile")
          return "unknown mode '" + part.str() + "' (available: interp, jit, aot, compile)";
        options.modes.insert(part.str());
      }
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  argv[argc] = nullptr;
  return std::nullopt;
}

/// Forwards everything to the reporter the flags chose and keeps each benchmark's time for the
/// summary.
class SummaryReporter final : public benchmark::BenchmarkReporter {
public:
  SummaryReporter() : inner_(benchmark::CreateDefaultDisplayReporter()) {}
  bool ReportContext(const Context &context) override {
    inner_->SetOutputStream(&GetOutputStream());
    inner_->SetErrorStream(&GetErrorStream());
    return inner_->ReportContext(context);
  }
  void ReportRuns(const std::vector<Run> &runs) override {
    for (const Run &run : runs)
      if (!run.error_occurred && run.run_type == Run::RT_Iteration)
        seconds_[run.benchmark_name()] =
            run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    inner_->ReportRuns(runs);
  }
  void Finalize() override { inner_->Finalize(); }
  /// Where the summary goes: after the console table, or to stderr beside JSON and CSV.
  FILE *summaryStream() const {
    return dynamic_cast<benchmark::ConsoleReporter *>(inner_.get()) ? stdout : stderr;
  }
  /// Seconds per iteration of `name`, if it ran without error.
  std::optional<double> seconds(const std::string &name) const {
    auto it = seconds_.find(name);
    return it == seconds_.end() ? std::nullopt : std::optional<double>(it->second);
  }

private:
  std::unique_ptr<benchmark::BenchmarkReporter> inner_;
  std::map<std::string, double> seconds_;
};

/// The geometric mean of `ratios` (nan for none).
double geometricMean(const std::vector<double> &ratios) {
  if (ratios.empty())
    return std::nan("");
  double logSum = 0;
  for (double r : ratios)
    logSum += std::log(r);
  return std::exp(logSum / double(ratios.size()));
}

/// The summary's figures, computed once and printed as text or as markdown tables.
struct Summary {
  struct Speedup {
    std::string caseId;
    double interpSeconds;
    std::optional<double> tier[2]; ///< jit, aot
  };
  struct CompileTime {
    std::string contract;
    size_t bytes;
    std::optional<double> seconds[2]; ///< fast, default
  };
  std::vector<Speedup> speedups;
  std::vector<CompileTime> compiles;
  std::vector<double> all[2], compute[2]; ///< the ratios each geometric mean is over
};

constexpr const char *kTiers[] = {"jit", "aot"};

Summary summarize(const SummaryReporter &reporter, const std::vector<bench::BenchCase> &cases) {
  Summary summary;
  for (const bench::BenchCase &c : cases) {
    auto interp = reporter.seconds("interp/" + c.id());
    if (!interp)
      continue;
    Summary::Speedup row{c.id(), *interp, {}};
    for (int t = 0; t < 2; ++t)
      if (auto s = reporter.seconds(std::string(kTiers[t]) + "/" + c.id())) {
        row.tier[t] = *interp / *s;
        summary.all[t].push_back(*row.tier[t]);
        if (isCompute(c))
          summary.compute[t].push_back(*row.tier[t]);
      }
    if (row.tier[0] || row.tier[1])
      summary.speedups.push_back(std::move(row));
  }
  std::set<std::string> seen;
  for (const bench::BenchCase &c : cases) {
    std::string contract = c.group + "/" + c.name;
    if (!seen.insert(contract).second)
      continue;
    Summary::CompileTime row{contract,
                             c.code->size(),
                             {reporter.seconds("compile/fast/" + contract),
                              reporter.seconds("compile/default/" + contract)}};
    if (row.seconds[0] || row.seconds[1])
      summary.compiles.push_back(std::move(row));
  }
  return summary;
}

/// Prints the summary as text (`markdown` false) or as the tables of docs/performance.md.
void printSummary(FILE *out, const Summary &summary, CompileLevel level, bool markdown) {
  auto cell = [&](std::optional<double> v, const char *format, int width) {
    if (!v)
      return std::fprintf(out, markdown ? " | -" : " %*s", width, "-");
    if (markdown)
      std::fprintf(out, " | ");
    else
      std::fprintf(out, " %*s", 0, "");
    return std::fprintf(out, format, markdown ? 0 : width - 1, *v);
  };
  if (!summary.speedups.empty()) {
    if (markdown)
      std::fprintf(out, "| case | interp | jit | aot |\n|---|---:|---:|---:|\n");
    else
      std::fprintf(out, "\nspeedup over the interpreter (level %s)\n%-58s %10s %8s %8s\n",
                   compileLevelName(level).str().c_str(), "case", "interp us", "jit", "aot");
    for (const Summary::Speedup &row : summary.speedups) {
      if (markdown)
        std::fprintf(out, "| %s | %.1f us", row.caseId.c_str(), row.interpSeconds * 1e6);
      else
        std::fprintf(out, "%-58s %10.1f", row.caseId.c_str(), row.interpSeconds * 1e6);
      for (int t = 0; t < 2; ++t)
        cell(row.tier[t], "%*.2fx", 8);
      std::fprintf(out, markdown ? " |\n" : "\n");
    }
    if (markdown)
      std::fprintf(out, "\n");
    for (int t = 0; t < 2; ++t)
      if (!summary.all[t].empty())
        std::fprintf(out,
                     markdown ? "- %s: geometric mean **%.2fx** over %zu cases, compute set "
                                "**%.2fx** over %zu.\n"
                              : "geometric mean %s: %.2fx over %zu cases, compute set %.2fx over "
                                "%zu\n",
                     kTiers[t], geometricMean(summary.all[t]), summary.all[t].size(),
                     geometricMean(summary.compute[t]), summary.compute[t].size());
  }
  if (summary.compiles.empty())
    return;
  if (markdown)
    std::fprintf(out, "\n| contract | bytes | fast ms | fast ms/KB | default ms | default ms/KB "
                      "|\n|---|---:|---:|---:|---:|---:|\n");
  else
    std::fprintf(out, "\ncompile time, one thread\n%-44s %8s %12s %12s %12s %12s\n", "contract",
                 "bytes", "fast ms", "fast ms/KB", "default ms", "default ms/KB");
  for (const Summary::CompileTime &row : summary.compiles) {
    const double kb = double(row.bytes) / 1024;
    std::fprintf(out, markdown ? "| %s | %zu" : "%-44s %8zu", row.contract.c_str(), row.bytes);
    for (int l = 0; l < 2; ++l) {
      std::optional<double> ms, perKb;
      if (row.seconds[l]) {
        ms = *row.seconds[l] * 1e3;
        perKb = *ms / kb;
      }
      cell(ms, "%*.1f", 12);
      cell(perKb, "%*.1f", 12);
    }
    std::fprintf(out, markdown ? " |\n" : "\n");
  }
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
  static BenchOptions options;
  if (auto error = takeOwnFlags(argc, argv, options)) {
    std::fprintf(stderr, "metis-bench: %s\n", error->c_str());
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  const fs::path shared = options.shared ? fs::path(*options.shared) : defaultSharedDir(argv[0]);

  static std::vector<bench::BenchCase> cases;
  for (auto loaded : {bench::loadEvmoneLegacy(shared / "bench/evmone-legacy"),
                      bench::loadRevmc(shared / "bench/revmc"),
                      bench::loadEvmBenchmarks(shared / "bench/evm-benchmarks/benchmarks"),
                      bench::loadInputsFolder(METIS_BENCH_DIR "/mlp", "metis")}) {
    if (auto *err = std::get_if<bench::BenchError>(&loaded)) {
      std::fprintf(stderr, "metis-bench: %s\n", err->message.c_str());
      return 1;
    }
    for (auto &c : std::get<std::vector<bench::BenchCase>>(loaded))
      cases.push_back(std::move(c));
  }

  static Engines engines(options.compile);
  static std::vector<std::unique_ptr<Entry>> entries;
  for (std::string_view engine : {Engine::kInterp, Engine::kJit, Engine::kAot}) {
    if (!options.modes.count(std::string(engine)))
      continue;
    for (const bench::BenchCase &c : cases) {
      entries.push_back(std::make_unique<Entry>(Entry{c, std::string(engine), &engines}));
      Entry *entry = entries.back().get();
      benchmark::RegisterBenchmark((std::string(engine) + "/" + c.id()).c_str(),
                                   [entry](benchmark::State &s) { runEntry(s, *entry); })
          ->Unit(benchmark::kMicrosecond);
    }
  }
  if (options.modes.count("compile")) {
    for (CompileLevel level : {CompileLevel::Fast, CompileLevel::Default}) {
      std::set<std::string> seen;
      for (const bench::BenchCase &c : cases) {
        std::string contract = c.group + "/" + c.name;
        if (!seen.insert(contract).second)
          continue;
        benchmark::RegisterBenchmark(
            ("compile/" + compileLevelName(level).str() + "/" + contract).c_str(),
            [&c, level](benchmark::State &s) { compileContract(s, c, level, options.compile); })
            ->Unit(benchmark::kMillisecond);
      }
    }
  }

  benchmark::RegisterBenchmark("precompile/modexp_2048bit", modexpWorstCase)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("precompile/point_evaluation", pointEvaluation)
      ->Unit(benchmark::kMicrosecond);

  registerBn254Benchmarks();

  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const Summary summary = summarize(reporter, cases);
  if (options.summary) {
    std::fflush(stdout);
    printSummary(reporter.summaryStream(), summary, options.compile.level, /*markdown=*/false);
  }
  if (options.markdownFile) {
    FILE *file = std::fopen(options.markdownFile->c_str(), "w");
    if (!file) {
      std::fprintf(stderr, "metis-bench: %s: cannot write\n", options.markdownFile->c_str());
      return 1;
    }
    printSummary(file, summary, options.compile.level, /*markdown=*/true);
    std::fclose(file);
  }
  benchmark::Shutdown();
  return anyError ? 1 : 0;
}
