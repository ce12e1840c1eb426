//===- FramePool.h - Recycled call frames ------------------------*- C++ -*-===//
//
// Frames are recycled per thread: a call then costs no 32 KiB allocation, and a frame's memory
// keeps its capacity for the next call at the same depth. Every tier (the interpreter and the
// compiled code's runtime, runtime/lib/abi) takes its frames from here.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_INTERP_FRAMEPOOL_H
#define METIS_INTERP_FRAMEPOOL_H

#include "metis/interp/Frame.h"

#include <memory>

namespace metis::interp {

/// A frame from this thread's pool (a new one if it is empty), its memory and return data
/// empty and its refund counter zero; host, msg and code are the caller's to set.
std::unique_ptr<Frame> acquireFrame();
/// Gives `frame` back to this thread's pool, emptied.
void releaseFrame(std::unique_ptr<Frame> frame) noexcept;

} // namespace metis::interp

#endif // METIS_INTERP_FRAMEPOOL_H
