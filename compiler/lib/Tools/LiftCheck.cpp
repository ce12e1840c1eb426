//===- LiftCheck.cpp - Lift and verify every contract of ../shared --------===//
//
// The work of metis-liftcheck (tools/metis-liftcheck): read the corpora (harness), lift and
// verify each distinct contract on a few threads, each with its own MLIR context, and write
// the report.
//
//===----------------------------------------------------------------------===//
#include "metis/Tools/LiftCheck.h"
#include "metis/Frontend/Lift.h"
#include "metis/harness/Corpus.h"
#include "metis/harness/Parallel.h"
#include "metis/harness/Progress.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/core.h>
#include <time.h>

namespace fs = std::filesystem;

namespace metis::tools {

using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of the calling thread in ms: per-contract times that other processes sharing the
/// cores do not inflate.
double threadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// One distinct contract of a corpus and what lifting it gave.
struct Contract {
  const harness::CorpusEntry *entry;
  frontend::AnalysisStats stats;
  double liftMs = 0;   ///< Analysis and lifting, thread CPU time.
  double verifyMs = 0; ///< mlir::verify (and the round trip, if asked), thread CPU time.
  bool ok = false;
  std::string error;

  const std::string &name() const { return entry->name; }
  const Bytes &code() const { return entry->code; }
  const Bytes32 &hash() const { return entry->hash; }
};

/// A corpus of codes and one result per code, in the same order.
struct Corpus {
  Corpus(std::string key, std::string title) : codes(std::move(key), std::move(title)) {}
  harness::CodeCorpus codes;
  std::vector<Contract> contracts;

  void prepare() {
    for (const harness::CorpusEntry &e : codes.entries)
      contracts.push_back(Contract{&e, {}, 0, 0, false, {}});
  }
};

/// One worker's MLIR context, replaced now and then: every lifted location and constant stays
/// uniqued in a context for its lifetime, and thousands of contracts would pile them up.
struct Worker {
  std::unique_ptr<mlir::MLIRContext> ctx;
  size_t bytesLifted = 0;

  mlir::MLIRContext &context() {
    constexpr size_t kBytesPerContext = 1 << 20;
    if (!ctx || bytesLifted > kBytesPerContext) {
      ctx = std::make_unique<mlir::MLIRContext>(mlir::MLIRContext::Threading::DISABLED);
      ctx->loadDialect<MetisDialect>();
      bytesLifted = 0;
    }
    return *ctx;
  }
};

/// Analyses, lifts and verifies one contract, recording stats, times and the first error.
void liftOne(Contract &c, Worker &worker, bool roundTrip) {
  llvm::PrettyStackTraceFormat crashNote("metis-liftcheck: lifting %s (0x%s, %zu bytes)",
                                         c.name().c_str(), toHex(c.hash()).c_str(),
                                         c.code().size());
  mlir::MLIRContext &ctx = worker.context();
  worker.bytesLifted += c.code().size();
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Error && diagnostics.empty()) {
      llvm::raw_string_ostream os(diagnostics);
      os << diag.getLocation() << ": " << diag.str();
    }
    return mlir::success();
  });

  double start = threadCpuMs();
  frontend::ContractAnalysis analysis(c.code());
  frontend::LiftOptions options;
  options.name = c.name();
  auto module = frontend::liftToModule(ctx, analysis, options);
  c.liftMs = threadCpuMs() - start;
  c.stats = analysis.stats();

  start = threadCpuMs();
  c.ok = mlir::succeeded(mlir::verify(*module));
  if (!c.ok)
    c.error = diagnostics.empty() ? "does not verify" : "does not verify: " + diagnostics;
  const frontend::AnalysisStats &s = c.stats;
  if (c.ok && s.staticJumps + s.dynamicJumps != s.jumps) {
    c.ok = false;
    c.error = fmt::format("inconsistent stats: {}", frontend::formatStats(s));
  }
  if (c.ok && roundTrip) {
    // The printed form must parse back to the same IR (custom printers and parsers agree).
    std::string printed, reprinted;
    llvm::raw_string_ostream(printed) << *module;
    auto parsed = mlir::parseSourceString<mlir::ModuleOp>(printed, &ctx);
    if (!parsed) {
      c.ok = false;
      c.error = "printed IR does not parse: " + diagnostics;
    } else {
      llvm::raw_string_ostream(reprinted) << *parsed;
      if (printed != reprinted) {
        c.ok = false;
        c.error = "printed IR does not round-trip";
      }
    }
  }
  c.verifyMs = threadCpuMs() - start;
}

std::string percent(uint64_t part, uint64_t whole) {
  return whole ? fmt::format("{:.1f}%", 100.0 * double(part) / double(whole)) : "-";
}

/// The output, as plain text for the terminal and as markdown for --report.
struct Summary {
  std::string text, markdown;
  void line(const std::string &s) { text += s + "\n"; }
  void md(const std::string &s) { markdown += s + "\n"; }
};

} // namespace

LiftCheckResult runLiftCheck(const LiftCheckOptions &opts) {
  const unsigned jobs = harness::resolveJobs(opts.jobs);
  const fs::path shared = opts.shared;
  Clock::time_point wallStart = Clock::now();

  Corpus bench("bench", "benchmark contracts (evmone-legacy, revmc rt-hex and fixtures, "
                        "evm-benchmarks)");
  Corpus state("state", "fixtures/state: distinct non-empty `pre` codes (no creation init code)");
  Corpus mainnet("mainnet", "blocks/mainnet: distinct contracts in `pre`");
  std::optional<harness::CorpusError> err = harness::loadBenchCorpus(shared, bench.codes, jobs);
  if (!err)
    err = harness::loadStateCorpus(shared, state.codes, jobs);
  if (!err)
    err = harness::loadMainnetCorpus(shared, mainnet.codes, jobs);
  if (err)
    return LiftCheckResult{{}, {}, 0, 0, err->message};
  for (Corpus *c : {&bench, &state, &mainnet})
    c->prepare();
  double loadMs = msSince(wallStart);

  // Largest first, so the big contracts do not end up last on one thread.
  std::vector<Corpus *> corpora = {&bench, &state, &mainnet};
  std::vector<Contract *> all;
  for (Corpus *c : corpora)
    for (Contract &k : c->contracts)
      all.push_back(&k);
  std::stable_sort(all.begin(), all.end(), [](const Contract *a, const Contract *b) {
    return a->code().size() > b->code().size();
  });
  std::vector<Worker> workers(jobs);
  Clock::time_point liftStart = Clock::now();
  {
    harness::Progress progress("contracts lifted", all.size());
    harness::parallelFor(all.size(), jobs, [&](size_t i, unsigned w) {
      liftOne(*all[i], workers[w], opts.roundTrip);
      progress.advance(1, all[i]->ok ? 0 : 1);
    });
  }
  double liftWallMs = msSince(liftStart);

  // The largest mainnet contract once more, alone, for a lift time without a neighbour thread.
  const Contract *largest = nullptr;
  for (const Contract &c : mainnet.contracts)
    if (!largest || c.code().size() > largest->code().size())
      largest = &c;
  std::vector<double> largestMs;
  if (largest) {
    Worker alone;
    for (int i = 0; i < 5; ++i) {
      Contract copy = *largest;
      liftOne(copy, alone, /*roundTrip=*/false);
      largestMs.push_back(copy.liftMs);
    }
    std::sort(largestMs.begin(), largestMs.end());
  }

  Summary out;
  size_t lifted = 0, failed = 0;
  double totalLiftMs = 0, totalVerifyMs = 0;
  out.md("# metis-liftcheck report\n");
  out.md(fmt::format("Every contract of `{}` analysed, lifted to the metis dialect and verified "
                     "(`mlir::verify`{}).\n",
                     opts.shared,
                     opts.roundTrip ? ", then printed, parsed and printed again" : ""));
  out.md("| corpus | codes read | distinct | bytes | lifted | failed | lift ms | verify ms |");
  out.md("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const Corpus *corpus : corpora) {
    size_t ok = 0, bad = 0, bytes = 0;
    double liftMs = 0, verifyMs = 0;
    for (const Contract &c : corpus->contracts) {
      (c.ok ? ok : bad)++;
      bytes += c.code().size();
      liftMs += c.liftMs;
      verifyMs += c.verifyMs;
    }
    lifted += ok;
    failed += bad;
    totalLiftMs += liftMs;
    totalVerifyMs += verifyMs;
    out.line(fmt::format("{}: {} codes read, {} distinct ({} bytes): {} lifted, {} failed; "
                         "lift {:.1f} ms, verify {:.1f} ms",
                         corpus->codes.key, corpus->codes.sources, corpus->contracts.size(), bytes,
                         ok, bad, liftMs, verifyMs));
    out.md(fmt::format("| {} | {} | {} | {} | {} | {} | {:.1f} | {:.1f} |", corpus->codes.title,
                       corpus->codes.sources, corpus->contracts.size(), bytes, ok, bad, liftMs,
                       verifyMs));
  }

  // Bench: one line per contract.
  out.line("bench static jumps (static/jumps, by contract):");
  out.md("\n## Benchmark contracts: static jumps\n");
  out.md("`static` is the share of reachable JUMP/JUMPI whose targets the analysis knows "
         "(branches or compare chains); the rest go through `metis.dispatch`.\n");
  out.md("| contract | bytes | blocks | jumps | static | dynamic | static % | lift ms | "
         "same code |");
  out.md("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const Contract &c : bench.contracts) {
    const auto &s = c.stats;
    out.line(fmt::format(
        "  {:<58} {:>6} B  {:>5}/{:<5} {:>6}  {:>7.2f} ms{}", c.name(), c.code().size(),
        s.staticJumps, s.jumps, percent(s.staticJumps, s.jumps), c.liftMs,
        c.entry->aliases.empty() ? "" : fmt::format("  (+{} same)", c.entry->aliases.size())));
    std::string same;
    for (const std::string &a : c.entry->aliases)
      same += (same.empty() ? "" : ", ") + ("`" + a + "`");
    out.md(fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {:.2f} | {} |", c.name(),
                       c.code().size(), s.blocks, s.jumps, s.staticJumps, s.dynamicJumps,
                       percent(s.staticJumps, s.jumps), c.liftMs, same));
  }

  // Mainnet: the overall fraction and the ten worst contracts.
  uint64_t jumps = 0, staticJumps = 0, multi = 0, guarded = 0, withDynamic = 0;
  for (const Contract &c : mainnet.contracts) {
    jumps += c.stats.jumps;
    staticJumps += c.stats.staticJumps;
    multi += c.stats.multiTargetJumps;
    guarded += c.stats.guardedJumps;
    withDynamic += c.stats.dynamicJumps > 0;
  }
  std::vector<const Contract *> worst;
  for (const Contract &c : mainnet.contracts)
    if (c.stats.jumps)
      worst.push_back(&c);
  auto fraction = [](const Contract *c) {
    return double(c->stats.staticJumps) / double(c->stats.jumps);
  };
  std::stable_sort(worst.begin(), worst.end(), [&](const Contract *a, const Contract *b) {
    if (fraction(a) != fraction(b))
      return fraction(a) < fraction(b);
    return a->stats.dynamicJumps > b->stats.dynamicJumps;
  });
  worst.resize(std::min<size_t>(worst.size(), 10));
  out.line(fmt::format("mainnet static jumps: {} of {} ({}), {} multi-target, {} guarded; {} "
                       "of {} contracts have a dynamic jump",
                       staticJumps, jumps, percent(staticJumps, jumps), multi, guarded, withDynamic,
                       mainnet.contracts.size()));
  out.line("mainnet worst ten (static/jumps, code hash, bytes):");
  out.md("\n## Mainnet: static jumps\n");
  out.md(fmt::format("{} of {} reachable jumps are static ({}), {} of them over several targets "
                     "(internal-function returns) and {} guarded (checked at run time, other "
                     "values go to the dispatch); {} of {} contracts have at least one dynamic "
                     "jump.\n",
                     staticJumps, jumps, percent(staticJumps, jumps), multi, guarded, withDynamic,
                     mainnet.contracts.size()));
  out.md("The ten with the lowest static share:\n");
  out.md("| code hash | bytes | jumps | static | dynamic | static % | first seen |");
  out.md("|---|---:|---:|---:|---:|---:|---|");
  for (const Contract *c : worst) {
    const auto &s = c->stats;
    out.line(fmt::format("  {:>5}/{:<5} {:>6}  0x{}  {} B", s.staticJumps, s.jumps,
                         percent(s.staticJumps, s.jumps), toHex(c->hash()), c->code().size()));
    out.md(fmt::format("| `0x{}` | {} | {} | {} | {} | {} | `{}` |", toHex(c->hash()),
                       c->code().size(), s.jumps, s.staticJumps, s.dynamicJumps,
                       percent(s.staticJumps, s.jumps), c->name()));
  }

  // Times.
  out.line(fmt::format("lift time: {:.1f} ms in all (analysis and lifting, thread CPU time "
                       "summed over contracts), verify {:.1f} ms; {:.1f} s wall with {} jobs, "
                       "{:.1f} s reading the corpora",
                       totalLiftMs, totalVerifyMs, (liftWallMs) / 1000, jobs, loadMs / 1000));
  out.md("\n## Lift times\n");
  out.md("Times are the CPU time of the lifting thread (so other processes on the same cores do "
         "not inflate them); wall times are wall times.\n");
  out.md(fmt::format("Analysis and lifting, summed over all {} contracts: {:.1f} ms; verifying: "
                     "{:.1f} ms. Wall time {:.2f} s on {} threads (plus {:.2f} s reading the "
                     "JSON).",
                     lifted + failed, totalLiftMs, totalVerifyMs, liftWallMs / 1000, jobs,
                     loadMs / 1000));
  if (largest) {
    out.line(fmt::format("largest mainnet contract: 0x{} ({} bytes, {} blocks): lift {:.2f} ms "
                         "(median of 5)",
                         toHex(largest->hash()), largest->code().size(), largest->stats.blocks,
                         largestMs[largestMs.size() / 2]));
    out.md(fmt::format("The largest mainnet contract, `0x{}` ({} bytes, {} blocks), lifts in "
                       "{:.2f} ms (median of 5 runs).",
                       toHex(largest->hash()), largest->code().size(), largest->stats.blocks,
                       largestMs[largestMs.size() / 2]));
  }

  // Where the time goes: the slowest lifts.
  std::vector<const Contract *> slowest(all.begin(), all.end());
  std::stable_sort(slowest.begin(), slowest.end(),
                   [](const Contract *a, const Contract *b) { return a->liftMs > b->liftMs; });
  slowest.resize(std::min<size_t>(slowest.size(), 5));
  out.line("slowest lifts:");
  out.md("\nThe slowest lifts:\n");
  out.md("| contract | bytes | blocks | lift ms | verify ms |");
  out.md("|---|---:|---:|---:|---:|");
  for (const Contract *c : slowest) {
    out.line(fmt::format("  {:>8.2f} ms  {:>6} B  {}", c->liftMs, c->code().size(), c->name()));
    out.md(fmt::format("| `{}` | {} | {} | {:.2f} | {:.2f} |", c->name(), c->code().size(),
                       c->stats.blocks, c->liftMs, c->verifyMs));
  }

  // Failures, then the verdict.
  if (failed) {
    out.md("\n## Failures\n");
    for (const Corpus *corpus : corpora)
      for (const Contract &c : corpus->contracts)
        if (!c.ok) {
          out.line(fmt::format("FAIL {} {} (0x{}, {} bytes): {}", corpus->codes.key, c.name(),
                               toHex(c.hash()), c.code().size(), c.error));
          out.md(fmt::format("- {} `{}` (`0x{}`, {} bytes): {}", corpus->codes.key, c.name(),
                             toHex(c.hash()), c.code().size(), c.error));
        }
  }
  std::string verdict = fmt::format("{} lifted, {} failed", lifted, failed);
  out.line(verdict);
  out.md("\n" + verdict);

  return LiftCheckResult{std::move(out.text), std::move(out.markdown), lifted, failed, {}};
}

} // namespace metis::tools
