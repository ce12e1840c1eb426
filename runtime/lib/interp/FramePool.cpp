//===- FramePool.cpp - Recycled interpreter frames --------------------------===//
#include "metis/interp/FramePool.h"

#include <vector>

namespace metis::interp {

namespace {

/// At most kMaxPooled frames wait per thread; deeper call chains allocate the rest.
class FramePool {
public:
  std::unique_ptr<Frame> acquire() {
    if (free_.empty())
      return std::unique_ptr<Frame>(new Frame); // not make_unique: no zeroing of the stack
    std::unique_ptr<Frame> f = std::move(free_.back());
    free_.pop_back();
    return f;
  }
  void release(std::unique_ptr<Frame> f) noexcept {
    f->memory.clear();
    f->returnData.clear();
    f->gasRefund = 0;
    if (free_.size() < kMaxPooled)
      free_.push_back(std::move(f));
  }

private:
  static constexpr size_t kMaxPooled = 64;
  std::vector<std::unique_ptr<Frame>> free_;
};

thread_local FramePool framePool;

} // namespace

std::unique_ptr<Frame> acquireFrame() { return framePool.acquire(); }

void releaseFrame(std::unique_ptr<Frame> frame) noexcept { framePool.release(std::move(frame)); }

} // namespace metis::interp
