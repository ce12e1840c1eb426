//===- NativeStack.cpp - Room on the native stack for nested frames ---------===//
#include "metis/runtime/NativeStack.h"

#include <pthread.h>

#include <cstdint>
#include <memory>

namespace metis {

namespace {

/// The lowest usable address of this thread's stack (stacks grow down on every target we
/// build for), or 0 if unknown. Found once per thread.
uintptr_t stackLimit() noexcept {
  thread_local uintptr_t limit = [] {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
      return uintptr_t(0);
    void *base = nullptr;
    size_t size = 0, guard = 0;
    uintptr_t low = 0;
    if (pthread_attr_getstack(&attr, &base, &size) == 0) {
      pthread_attr_getguardsize(&attr, &guard);
      low = reinterpret_cast<uintptr_t>(base) + guard;
    }
    pthread_attr_destroy(&attr);
    return low;
  }();
  return limit;
}

} // namespace

size_t nativeStackLeft() noexcept {
  uintptr_t limit = stackLimit();
  char here;
  auto sp = reinterpret_cast<uintptr_t>(&here);
  if (limit == 0)
    return SIZE_MAX;
  return sp > limit ? sp - limit : 0;
}

void runOnFreshStack(const std::function<void()> &fn, size_t stackSize) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stackSize);
  pthread_t thread;
  auto entry = [](void *arg) -> void * {
    (*static_cast<const std::function<void()> *>(arg))();
    return nullptr;
  };
  bool started =
      pthread_create(&thread, &attr, entry, const_cast<std::function<void()> *>(&fn)) == 0;
  pthread_attr_destroy(&attr);
  if (started)
    pthread_join(thread, nullptr);
  else
    fn();
}

} // namespace metis
