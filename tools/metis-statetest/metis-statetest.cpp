//===- metis-statetest.cpp - Run Ethereum state tests -----------------------===//
//
// metis-statetest [--jobs N] [--filter REGEX] [--trace] [--engine E] [--seed N] [--level L]
//                  [--disable-pass PASS]...
//                  [--expected-failures FILE] PATH...
//
// Runs every Cancun case of the state-test files under PATH (files or folders, recursive).
// Prints one line per failure, and last `N passed, N failed`.
// Files run in parallel; output is in file order, so runs are comparable line by line.
//
//===----------------------------------------------------------------------===//
#include "metis/Target/Engine.h"
#include "metis/harness/Corpus.h"
#include "metis/harness/Parallel.h"
#include "metis/harness/Progress.h"
#include "metis/harness/StateTest.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/core.h>
#include <fstream>
#include <llvm/Support/FileSystem.h>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using namespace metis;

namespace {

struct FileReport {
  std::string lines;
  size_t passed = 0, failed = 0, expectedFailed = 0;
  std::set<std::string> failedKeys; ///< Listed keys that did fail (to find stale entries).
};

struct Options {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  std::string filter;
  bool trace = false;
  std::string expectedFailuresFile;
  std::string engine{Engine::kInterp};
  uint64_t seed = 1;
  std::string level = "default";
  std::vector<std::string> disabledPasses;
};

/// `category/file.json`: the key prefix used by the expected-failures list.
std::string shortName(const fs::path &p) {
  return (p.parent_path().filename() / p.filename()).string();
}

/// Expected failures: one `category/file.json:test:dD/gG/vV  # cause` per line.
std::map<std::string, std::string> readExpectedFailures(const std::string &path) {
  std::map<std::string, std::string> out;
  if (path.empty())
    return out;
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot open expected-failures file " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::string key = line.substr(0, line.find('#'));
    key.erase(key.find_last_not_of(" \t") + 1);
    if (key.empty())
      continue;
    size_t hash = line.find('#');
    out[key] = hash == std::string::npos ? "" : line.substr(hash + 1);
  }
  return out;
}

FileReport runFile(const fs::path &path, const Options &opts, const std::regex *filter,
                   const std::map<std::string, std::string> &expected, Executor *executor) {
  FileReport r;
  auto loaded = statetest::loadFile(path);
  if (auto *err = std::get_if<statetest::LoadError>(&loaded)) {
    r.lines += fmt::format("error: {}: {}\n", path.string(), err->message);
    ++r.failed;
    return r;
  }
  std::unique_ptr<Tracer> tracer;
  if (opts.trace)
    tracer = statetest::makeJsonTracer(stdout);
  for (const auto &test : std::get<std::vector<statetest::Test>>(loaded)) {
    if (filter && !std::regex_search(test.name, *filter))
      continue;
    for (const auto &c : test.cases) {
      std::string key = fmt::format("{}:{}:d{}/g{}/v{}", shortName(path), test.name, c.dataIndex,
                                    c.gasIndex, c.valueIndex);
      statetest::Outcome o = statetest::runCase(test, c, tracer.get(), executor);
      bool listed = expected.contains(key);
      switch (o.kind) {
      case statetest::Outcome::Pass:
        if (listed) {
          ++r.failed;
          r.lines += fmt::format("FAIL {}: passes but is listed as an expected failure; "
                                 "remove it from the list\n",
                                 key);
        } else {
          ++r.passed;
        }
        break;
      case statetest::Outcome::Fail:
        if (listed) {
          ++r.expectedFailed;
          r.failedKeys.insert(key);
        } else {
          ++r.failed;
          r.lines += fmt::format("FAIL {}: {}\n", key, o.message);
        }
        break;
      }
    }
  }
  return r;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"Runs Ethereum state tests (Cancun) on a metis engine: the interpreter, the JIT "
               "or AOT-compiled code."};
  Options opts;
  app.add_option("paths", opts.paths, "state-test files or folders (recursive)")->required();
  app.add_option("-j,--jobs", opts.jobs, "parallel workers (default: all cores)");
  app.add_option("--filter", opts.filter, "run only tests whose name matches this regex");
  app.add_flag("--trace", opts.trace, "print an EIP-3155 JSON line per instruction");
  app.add_option("--engine", opts.engine,
                 "interp, jit (every contract through the ORC JIT), aot (every contract "
                 "compiled to a shared library in a temporary folder and loaded) or mixed "
                 "(small regions, a seeded random half compiled, the rest interpreted)")
      ->check(CLI::IsMember(Engine::names()));
  app.add_option("--seed", opts.seed, "with --engine=mixed: which regions are compiled (default 1)")
      ->check(CLI::PositiveNumber);
  app.add_option("--level", opts.level,
                 "compile level of the compiled engines: fast, default, or baseline (jit only)")
      ->check(CLI::IsMember(compileLevelNames()));
  app.add_option("--disable-pass", opts.disabledPasses,
                 "leave this metis pass out of the compiled engines' pipeline (repeatable)")
      ->check(CLI::IsMember(optionalPassNames()));
  app.add_option("--expected-failures", opts.expectedFailuresFile,
                 "cases allowed to fail (one `file:test:dD/gG/vV # cause` per line); a "
                 "listed case that passes is a failure");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<std::regex> filter;
  if (!opts.filter.empty()) {
    try {
      filter = std::make_unique<std::regex>(opts.filter);
    } catch (const std::regex_error &e) {
      fmt::print(stderr, "error: bad --filter regex: {}\n", e.what());
      return 2;
    }
  }
  std::map<std::string, std::string> expected;
  try {
    expected = readExpectedFailures(opts.expectedFailuresFile);
  } catch (const std::exception &e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  }

  harness::CollectedFiles collected = harness::collectFiles(opts.paths, harness::FileSearch{});
  for (const std::string &error : collected.errors)
    fmt::print("error: {}\n", error);
  std::vector<fs::path> files = std::move(collected.files);
  size_t pathErrors = collected.errors.size();
  std::sort(files.begin(), files.end());

  CompileOptions compile;
  compile.level = *parseCompileLevel(opts.level); // checked by the option
  compile.lowering.disabledPasses.insert(opts.disabledPasses.begin(), opts.disabledPasses.end());
  compile.mixedSeed = opts.engine == Engine::kMixed ? opts.seed : 0;
  auto engine = Engine::create(opts.engine, compile);
  if (!engine) {
    fmt::print(stderr, "error: {}\n", llvm::toString(engine.takeError()));
    return 2;
  }
  Executor *executor = (*engine)->executor();

  unsigned jobs = opts.trace ? 1 : harness::resolveJobs(opts.jobs);
  std::vector<FileReport> reports(files.size());
  {
    harness::Progress progress("files", files.size(),
                               !opts.trace && harness::Progress::stderrIsTerminal());
    // Deep frames move to fresh stacks (NativeStack.h), so plain threads will do.
    harness::parallelFor(files.size(), jobs, [&](size_t i, unsigned) {
      reports[i] = runFile(files[i], opts, filter.get(), expected, executor);
      progress.advance(1, reports[i].failed);
    });
  }

  FileReport total;
  total.failed = pathErrors;
  std::set<std::string> failedListed;
  for (const FileReport &r : reports) {
    std::fputs(r.lines.c_str(), stdout);
    total.passed += r.passed;
    total.failed += r.failed;
    total.expectedFailed += r.expectedFailed;
    failedListed.insert(r.failedKeys.begin(), r.failedKeys.end());
  }
  if (!opts.expectedFailuresFile.empty())
    fmt::print("{} expected failures (listed in {})\n", total.expectedFailed,
               opts.expectedFailuresFile);
  // Code that failed to compile ran on the interpreter instead: that hides nothing here.
  size_t fallbacks = (*engine)->fallbackCount();
  if (executor) {
    std::string firstError = (*engine)->firstError();
    fmt::print("{}: {} contracts compiled in {:.1f} s, {} frames fell back to the "
               "interpreter{}\n",
               opts.engine, (*engine)->compiledCount(), (*engine)->compileSeconds(), fallbacks,
               firstError.empty() ? "" : " (first error: " + firstError + ")");
  }
  total.failed += fallbacks;
  fmt::print("{} passed, {} failed\n", total.passed, total.failed);
  return total.failed ? 1 : 0;
}
