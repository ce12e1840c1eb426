//===- metis-bench.cpp - Time the interpreter on the benchmarks -----------===//
//
// metis-bench [--shared DIR] [--benchmark_filter=REGEX ...]
//
// Registers `interp/<group>/<name>/<case>` for every evmone-legacy case and
// every revmc bench that runs on its own code (BenchInputs.h), running the code
// directly with no deployment. Each benchmark checks its output (and gas, where
// known) once before timing; a mismatch marks it as errored and makes the exit
// status non-zero. DIR defaults to the shared folder beside the checkout, found
// from the executable's path (<build>/bin/../../../shared).
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/BenchInputs.h"

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
  state.counters["gas_rate"] = benchmark::Counter(
      double(e.gasUsed), benchmark::Counter::kIsIterationInvariantRate);
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
  const fs::path shared =
      sharedFlag ? fs::path(*sharedFlag) : defaultSharedDir(argv[0]);

  static std::vector<std::unique_ptr<Entry>> entries;
  for (auto loaded : {bench::loadEvmoneLegacy(shared / "bench/evmone-legacy"),
                      bench::loadRevmc(shared / "bench/revmc")}) {
    if (auto *err = std::get_if<bench::BenchError>(&loaded)) {
      std::fprintf(stderr, "metis-bench: %s\n", err->message.c_str());
      return 1;
    }
    for (auto &c : std::get<std::vector<bench::BenchCase>>(loaded))
      entries.push_back(
          std::make_unique<Entry>(Entry{std::move(c), nullptr, {}, 0}));
  }
  for (auto &e : entries) {
    Entry *entry = e.get();
    benchmark::RegisterBenchmark(
        ("interp/" + entry->benchCase.id()).c_str(),
        [entry](benchmark::State &s) { runEntry(s, *entry); })
        ->Unit(benchmark::kMicrosecond);
  }

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return anyError ? 1 : 0;
}
