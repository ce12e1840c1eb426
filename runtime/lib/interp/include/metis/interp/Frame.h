//===- Frame.h - One call frame, as every tier's instructions see it -*- C++ -*-===//
//
// Part of the runtime's internal instruction interface (see Instructions.h): the frame the
// shared instruction implementations work on, its memory and the memory-expansion cost.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_INTERP_FRAME_H
#define METIS_INTERP_FRAME_H

#include "metis/interp/Gas.h"
#include "metis/runtime/Host.h"
#include "metis/runtime/Interpreter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace metis::interp {

inline constexpr int kStackLimit = 1024;
/// Offsets and sizes beyond this cannot be paid for with any int64 gas; rejecting them early
/// keeps every later computation in 64 bits.
inline constexpr uint64_t kMaxBufferSize = 0xffffffff;

/// The frame's memory: a growable byte buffer, grown in 32-byte words. Everything past
/// size() up to the capacity is kept zeroed, so growing within the capacity (the common case:
/// a free-memory pointer advancing word by word) is just a new size.
class Memory {
public:
  Memory() = default;
  Memory(const Memory &) = delete;
  Memory &operator=(const Memory &) = delete;
  ~Memory() { std::free(data_); }

  uint8_t *data() noexcept { return data_; }
  size_t size() const noexcept { return size_; }
  uint8_t &operator[](size_t i) noexcept { return data_[i]; }

  /// Grows to `newSize` bytes (a multiple of 32). Returns false if out of host memory.
  bool grow(size_t newSize) noexcept {
    if (newSize > capacity_ && !reserve(newSize))
      return false;
    size_ = newSize;
    return true;
  }
  /// Empties the memory for the next frame, keeping the (re-zeroed) allocation.
  void clear() noexcept {
    if (size_)
      std::memset(data_, 0, size_);
    size_ = 0;
  }

private:
  bool reserve(size_t newSize) noexcept {
    size_t cap = std::max({newSize, capacity_ * 2, size_t(4096)});
    auto *p = static_cast<uint8_t *>(std::realloc(data_, cap));
    if (!p)
      return false;
    std::memset(p + capacity_, 0, cap - capacity_);
    data_ = p;
    capacity_ = cap;
    return true;
  }

  uint8_t *data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

inline constexpr int64_t numWords(uint64_t bytes) noexcept { return int64_t((bytes + 31) / 32); }

inline constexpr int64_t memoryCost(int64_t words) noexcept {
  return kMemoryWordCost * words + words * words / kMemoryQuadDivisor;
}

/// Grows memory to cover `end` bytes and returns the gas left, negative if out of gas (or out
/// of host memory).
inline int64_t growMemory(int64_t gas, Memory &memory, uint64_t end) noexcept {
  int64_t newWords = numWords(end);
  gas -= memoryCost(newWords) - memoryCost(int64_t(memory.size() / 32));
  if (gas < 0 || !memory.grow(size_t(newWords) * 32))
    return -1;
  return gas;
}

/// Charges the expansion of memory to cover [offset, offset + size) and returns the gas left,
/// negative if out of gas. A zero size touches nothing, whatever the offset. Gas travels by
/// value so that the interpreter keeps it in a register.
[[nodiscard]] inline int64_t chargeMemory(int64_t gas, Memory &memory, const Word &offset,
                                          const Word &size) noexcept {
  if (size.isZero())
    return gas;
  if (!offset.fitsUint64() || !size.fitsUint64() || offset.low64() > kMaxBufferSize ||
      size.low64() > kMaxBufferSize)
    return -1;
  uint64_t end = offset.low64() + size.low64();
  if (end <= memory.size())
    return gas;
  return growMemory(gas, memory, end);
}

/// Heap-allocated state of one frame: 32 KiB of stack must not live on the native stack when
/// frames nest 1024 deep. Every tier takes its frames from FramePool.h.
struct Frame {
  alignas(32) Word stack[kStackLimit];
  Memory memory;
  Bytes returnData;
  int64_t gasRefund = 0;
  Host *host = nullptr;
  const Message *msg = nullptr;
  const CodeAnalysis *code = nullptr;
};

/// What an instruction implemented out of line leaves behind: the gas left and, if it halts
/// the frame, why.
struct StepResult {
  int64_t gas;
  Status status; ///< Success: continue with the next instruction.
};

/// The CALL family and creates, with their stack operands copied out (args[0] was the top).
/// On success the result word is written to `out`.
StepResult callInstruction(Frame &f, uint8_t opcode, int64_t gas, const Word *args,
                           Word &out) noexcept;
StepResult createInstruction(Frame &f, uint8_t opcode, int64_t gas, const Word *args,
                             Word &out) noexcept;

} // namespace metis::interp

#endif // METIS_INTERP_FRAME_H
