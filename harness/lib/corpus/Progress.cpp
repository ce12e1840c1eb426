//===- Progress.cpp - A progress line on stderr for long runs -------------===//
#include "metis/harness/Progress.h"

#include <cstdio>
#include <unistd.h>

namespace metis::harness {

using Clock = std::chrono::steady_clock;

Progress::Progress(std::string what, size_t total)
    : Progress(std::move(what), total, stderrIsTerminal()) {}

Progress::Progress(std::string what, size_t total, bool enabled)
    : what_(std::move(what)), total_(total), enabled_(enabled), start_(Clock::now()),
      lastDraw_(start_) {}

bool Progress::stderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::advance(size_t done, size_t failed) {
  size_t nowDone = done_.fetch_add(done) + done;
  size_t nowFailed = failed_.fetch_add(failed) + failed;
  if (!enabled_)
    return;
  // Whoever holds the lock draws; the others only count.
  std::unique_lock<std::mutex> lock(drawMutex_, std::try_to_lock);
  if (!lock || finished_)
    return;
  auto now = Clock::now();
  if (now - lastDraw_ < std::chrono::milliseconds(100) && nowDone != total_)
    return;
  lastDraw_ = now;
  draw(nowDone, nowFailed);
}

void Progress::draw(size_t done, size_t failed) {
  double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  double rate = seconds > 0 ? double(done) / seconds : 0;
  std::fprintf(stderr, "\r\033[K%zu/%zu %s (%.0f%%), %zu failed, %.1f/s", done, total_,
               what_.c_str(), total_ ? 100.0 * double(done) / double(total_) : 100.0, failed, rate);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::clearLine() {
  std::lock_guard<std::mutex> lock(drawMutex_);
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(drawMutex_);
  if (finished_)
    return;
  finished_ = true;
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  }
}

} // namespace metis::harness
