//===- metis-block.cpp - Execute mainnet blocks and check their headers -----===//
//
// metis-block run BLOCK.json|FOLDER... [--engine interp|jit|aot|mixed] [--seed N] [--level L] [-O
// N] [--json]
//
// Executes each block serially on a fresh copy of its pre-state and checks gas used,
// receipts root and logs bloom against the header (harness/BlockTest.h). One line per
// block: the check, gas, and time (execution, and compilation for jit and aot). Exit
// status 1 if any block fails or cannot be read, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "metis/Target/Engine.h"
#include "metis/harness/BlockTest.h"
#include "metis/harness/Corpus.h"
#include "metis/harness/Progress.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace metis;
namespace fs = std::filesystem;

namespace {

struct Options {
  std::vector<std::string> inputs;
  std::string engine{Engine::kInterp};
  unsigned optLevel = 2;
  std::string level = "default";
  uint64_t seed = 1;
  bool json = false;
};

/// The block files named: files as given, folders' *.json files sorted (but README-like
/// summaries, which are not blocks, are skipped by their name).
std::vector<fs::path> collect(const std::vector<std::string> &inputs, int &errors) {
  harness::FileSearch search;
  search.recursive = false;
  search.accept = [](const fs::path &p) { return p.stem() != "summary"; };
  harness::CollectedFiles collected = harness::collectFiles(inputs, search);
  for (const std::string &error : collected.errors)
    fmt::print(stderr, "error: {}\n", error);
  errors += int(collected.errors.size());
  return std::move(collected.files);
}

int run(const Options &opts) {
  CompileOptions compile;
  compile.llvmOptLevel = opts.optLevel;
  compile.level = *parseCompileLevel(opts.level); // checked by the option
  compile.mixedSeed = opts.engine == Engine::kMixed ? opts.seed : 0;
  auto engine = Engine::create(opts.engine, compile);
  if (!engine) {
    fmt::print(stderr, "error: {}\n", llvm::toString(engine.takeError()));
    return 2;
  }
  int errors = 0;
  std::vector<fs::path> files = collect(opts.inputs, errors);
  int passed = 0, failed = errors;
  harness::Progress progress("blocks", files.size());
  for (const fs::path &file : files) {
    auto loaded = blocktest::loadBlock(file);
    if (auto *e = std::get_if<blocktest::LoadError>(&loaded)) {
      progress.clearLine();
      fmt::print("error: {}\n", e->message);
      ++failed;
      progress.advance(1, 1);
      continue;
    }
    const blocktest::Block &block = std::get<blocktest::Block>(loaded);
    state::State state = block.pre;
    double compileBefore = (*engine)->compileSeconds();
    size_t fallbacksBefore = (*engine)->fallbackCount();
    auto start = std::chrono::steady_clock::now();
    blocktest::BlockResult result = blocktest::executeBlock(block, state, (*engine)->executor());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double compileSeconds = (*engine)->compileSeconds() - compileBefore;
    std::vector<std::string> diffs = blocktest::checkBlock(block, result);
    // A frame the compiled tiers could not run is a failure of the tier, not of the block.
    if (size_t n = (*engine)->fallbackCount() - fallbacksBefore)
      diffs.push_back(fmt::format("{} frames fell back to the interpreter", n));
    bool ok = diffs.empty();
    ok ? ++passed : ++failed;
    progress.clearLine();
    double execMs = (seconds - compileSeconds) * 1e3;
    if (opts.json) {
      fmt::print("{{\"block\":{},\"engine\":\"{}\",\"ok\":{},\"transactions\":{},"
                 "\"gasUsed\":{},\"expectedGasUsed\":{},\"executeMs\":{:.3f},"
                 "\"compileMs\":{:.3f}}}\n",
                 block.number, opts.engine, ok, block.transactions.size(), result.gasUsed,
                 block.gasUsed, execMs, compileSeconds * 1e3);
    } else {
      fmt::print("{} {}: {} txs, gas {}, {:.1f} ms", ok ? "ok  " : "FAIL", block.number,
                 block.transactions.size(), result.gasUsed, execMs);
      if (compileSeconds > 0)
        fmt::print(" (+{:.1f} ms compiling)", compileSeconds * 1e3);
      fmt::print("\n");
    }
    for (const std::string &d : diffs)
      fmt::print("  {}: {}\n", file.filename().string(), d);
    std::fflush(stdout); // a block on a compiled tier can take minutes: show progress
    progress.advance(1, ok ? 0 : 1);
  }
  progress.finish();
  if (!opts.json)
    fmt::print("{} passed, {} failed ({}; {} contracts compiled in {:.1f} s)\n", passed, failed,
               opts.engine, (*engine)->compiledCount(), (*engine)->compileSeconds());
  return failed ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"metis-block: execute Ethereum blocks and check them against their header."};
  app.require_subcommand(1);
  Options opts;
  CLI::App *runCmd = app.add_subcommand("run", "execute blocks serially and check them");
  runCmd->add_option("blocks", opts.inputs, "block files (../shared/blocks format) or folders")
      ->required();
  runCmd->add_option("--engine", opts.engine, "interp, jit, aot or mixed")
      ->check(CLI::IsMember(Engine::names()));
  runCmd->add_option("--seed", opts.seed, "with --engine=mixed: which regions are compiled")
      ->check(CLI::PositiveNumber);
  runCmd
      ->add_option("--level", opts.level,
                   "compile level of the compiled tiers: fast, default, or baseline (jit only)")
      ->check(CLI::IsMember(compileLevelNames()));
  runCmd->add_option("-O", opts.optLevel, "code generation level of the compiled tiers (0-3)")
      ->check(CLI::Range(0, 3));
  runCmd->add_flag("--json", opts.json, "one JSON object per block");
  CLI11_PARSE(app, argc, argv);
  return run(opts);
}
