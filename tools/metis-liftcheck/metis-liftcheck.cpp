//===- metis-liftcheck.cpp - Lift and verify every contract of ../shared -===//
//
// metis-liftcheck [--shared DIR] [--jobs N] [--report FILE] [--round-trip]
//
// The lifter promises to turn any byte string into verifying IR; this checks it on every real
// contract we have, in three corpora:
//   bench    evmone-legacy *.bin-runtime, revmc rt-hex/*.rt.hex, and the pre-state code of the
//            revmc fixtures and of bench/evm-benchmarks (deduplicated by code hash);
//   state    every distinct non-empty `pre` code of fixtures/state (creation init code in
//            transaction data is not included: it is not code of an account);
//   mainnet  every distinct contract in the `pre` of blocks/mainnet.
// Each contract is analysed, lifted and verified with mlir::verify; nothing is caught, so a
// crash fails the run (the crash report names the contract). It prints per-corpus counts, the
// static-jump fraction of each bench contract and of mainnet (with its ten worst contracts),
// lift times, and last `N lifted, M failed`; the exit code is 1 if any failed, 2 if the
// corpora could not be read.
//
//===----------------------------------------------------------------------===//
#include "metis/Tools/LiftCheck.h"

#include "llvm/Support/InitLLVM.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fstream>

#ifndef METIS_SHARED_DIR
#define METIS_SHARED_DIR "../shared"
#endif

using namespace metis;

int main(int argc, char **argv) {
  // A crash prints the stack and the contract being lifted (a PrettyStackTrace per lift).
  llvm::InitLLVM initLLVM(argc, argv);
  CLI::App app{"metis-liftcheck: lift and verify every contract of the shared corpora."};
  tools::LiftCheckOptions opts;
  opts.shared = METIS_SHARED_DIR;
  std::string report;
  app.add_option("--shared", opts.shared, "the shared data folder")->capture_default_str();
  app.add_option("-j,--jobs", opts.jobs,
                 "threads, each with its own MLIR context (default: all cores)");
  app.add_option("--report", report, "also write a markdown report to FILE");
  app.add_flag("--round-trip", opts.roundTrip,
               "also print each module, parse it back and check it prints the same");
  CLI11_PARSE(app, argc, argv);

  tools::LiftCheckResult result = tools::runLiftCheck(opts);
  if (!result.loadError.empty()) {
    fmt::print(stderr, "error: {}\n", result.loadError);
    return 2;
  }
  fmt::print("{}", result.text);
  if (!report.empty()) {
    std::ofstream out(report);
    out << result.markdown;
    if (!out) {
      fmt::print(stderr, "error: {}: cannot write the report\n", report);
      return 2;
    }
  }
  return result.failed ? 1 : 0;
}
