//===- NativeStack.h - Room on the native stack for nested frames -*- C++ -*-===//
//
// Nested calls recurse on the native stack in every tier: the interpreter's frame
// function and compiled contracts (whose frames hold spilled 256-bit values) call the
// host, which runs the callee. Call depth 1024 must not depend on the stack the embedder
// happened to give the thread, so the host checks the room left before a nested frame and,
// when it runs low, runs the frame on a fresh stack: a helper thread it waits for.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_NATIVESTACK_H
#define METIS_RUNTIME_NATIVESTACK_H

#include <cstddef>
#include <functional>

namespace metis {

/// Below this much room, a nested frame moves to a fresh stack. A frame of the largest
/// compiled contracts takes tens of KiB; the margin holds dozens of them.
inline constexpr size_t kNativeStackMargin = size_t(1) << 20;
/// The size of a fresh stack: room for hundreds of nested frames.
inline constexpr size_t kFreshStackSize = size_t(64) << 20;

/// Bytes left on the calling thread's stack (its whole size if the bounds are unknown).
size_t nativeStackLeft() noexcept;

/// Runs `fn` on a new thread with a stack of `stackSize` bytes and waits for it. If no
/// thread can be created, runs `fn` here.
void runOnFreshStack(const std::function<void()> &fn, size_t stackSize = kFreshStackSize);

/// Runs `fn` here, or on a fresh stack when less than the margin is left.
template <typename Fn> auto withNativeStackRoom(Fn &&fn) -> decltype(fn()) {
  if (nativeStackLeft() >= kNativeStackMargin)
    return fn();
  decltype(fn()) result{};
  runOnFreshStack([&] { result = fn(); });
  return result;
}

} // namespace metis

#endif // METIS_RUNTIME_NATIVESTACK_H
