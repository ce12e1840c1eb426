//===- Progress.h - A progress line on stderr for long runs ------*- C++ -*-===//
//
// metis-statetest over a suite, metis-liftcheck and metis-block over a folder run for minutes.
// When stderr is a terminal they keep one line there up to date: done/total, failures so far
// and the rate. Redirected (CI, lit, a log file), nothing is printed, so their output stays
// exactly what the tests check.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_PROGRESS_H
#define METIS_HARNESS_PROGRESS_H

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace metis::harness {

class Progress {
public:
  /// `what` names the items ("files", "contracts", "blocks"). Shown only when `enabled`,
  /// which by default is whether stderr is a terminal.
  Progress(std::string what, size_t total);
  Progress(std::string what, size_t total, bool enabled);
  ~Progress() { finish(); }
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  /// `done` more items finished, `failed` of them failing. Safe from any thread; redraws at
  /// most ten times a second.
  void advance(size_t done = 1, size_t failed = 0);
  /// Clears the line (once); later calls to advance print nothing.
  void finish();
  /// Clears the line for now, so that the caller can print whole lines of its own; the next
  /// advance draws it again.
  void clearLine();

  static bool stderrIsTerminal();

private:
  void draw(size_t done, size_t failed);

  std::string what_;
  size_t total_;
  bool enabled_;
  std::atomic<size_t> done_{0}, failed_{0};
  std::chrono::steady_clock::time_point start_, lastDraw_;
  std::mutex drawMutex_;
  bool drawn_ = false, finished_ = false;
};

} // namespace metis::harness

#endif // METIS_HARNESS_PROGRESS_H
