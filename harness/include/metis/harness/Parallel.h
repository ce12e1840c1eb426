//===- Parallel.h - Work over many files or contracts on a few threads -*- C++ -*-===//
//
// The tools that walk a whole suite (metis-statetest, metis-liftcheck) share this loop: a
// fixed number of threads take indices in order, so the largest items can be put first and
// results land in their own slots, in input order, whatever the thread count.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_PARALLEL_H
#define METIS_HARNESS_PARALLEL_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace metis::harness {

/// `requested` threads, or one per hardware thread when it is 0.
inline unsigned resolveJobs(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

/// Runs fn(i, worker) for every i in [0, n) on `jobs` threads (the caller's among them),
/// handing out indices in order; `worker` in [0, jobs) names the thread, for per-thread state.
template <typename Fn> void parallelFor(size_t n, unsigned jobs, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1)) < n;)
      fn(i, worker);
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < std::max(1u, jobs); ++w)
    threads.emplace_back(work, w);
  work(0);
  for (std::thread &t : threads)
    t.join();
}

} // namespace metis::harness

#endif // METIS_HARNESS_PARALLEL_H
