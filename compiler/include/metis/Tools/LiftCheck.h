//===- LiftCheck.h - Lift and verify every contract of ../shared -*- C++ -*-===//
//
// The lifter promises to turn any byte string into verifying IR; runLiftCheck checks it on
// every contract of the shared data (benchmarks, state-test pre-states, mainnet blocks) and
// reports counts, static-jump fractions and lift times. metis-liftcheck is its command line.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TOOLS_LIFTCHECK_H
#define METIS_TOOLS_LIFTCHECK_H

#include <cstddef>
#include <string>

namespace metis::tools {

struct LiftCheckOptions {
  std::string shared = "../shared"; ///< The shared data folder.
  unsigned jobs = 0;                ///< Threads; 0 for one per hardware thread.
  bool roundTrip = false;           ///< Also print, parse and reprint each module.
};

struct LiftCheckResult {
  std::string text;     ///< The terminal report, ending in `N lifted, M failed`.
  std::string markdown; ///< The same as a markdown page (--report).
  size_t lifted = 0, failed = 0;
  std::string loadError; ///< Set when a corpus could not be read (nothing was lifted).
};

/// Reads the corpora under `options.shared`, lifts and verifies each distinct contract (a
/// crash names the contract being lifted), and reports.
LiftCheckResult runLiftCheck(const LiftCheckOptions &options);

} // namespace metis::tools

#endif // METIS_TOOLS_LIFTCHECK_H
