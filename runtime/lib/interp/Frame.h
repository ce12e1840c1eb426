//===- Frame.h - One interpreter call frame (private) ------------*- C++ -*-===//
#ifndef METIS_RUNTIME_LIB_INTERP_FRAME_H
#define METIS_RUNTIME_LIB_INTERP_FRAME_H

#include "metis/runtime/Host.h"
#include "metis/runtime/Interpreter.h"

#include <cstdlib>
#include <cstring>

namespace metis::interp {

inline constexpr int kStackLimit = 1024;
/// Offsets and sizes beyond this cannot be paid for with any int64 gas; rejecting them early
/// keeps every later computation in 64 bits.
inline constexpr uint64_t kMaxBufferSize = 0xffffffff;

/// The frame's memory: a zero-filled growable byte buffer, grown in 32-byte words.
class Memory {
public:
  Memory() = default;
  Memory(const Memory &) = delete;
  Memory &operator=(const Memory &) = delete;
  ~Memory() { std::free(data_); }

  uint8_t *data() noexcept { return data_; }
  size_t size() const noexcept { return size_; }
  uint8_t &operator[](size_t i) noexcept { return data_[i]; }

  /// Grows to `newSize` bytes (a multiple of 32), zero-filling. Returns false if out of host
  /// memory.
  bool grow(size_t newSize) noexcept {
    if (newSize > capacity_) {
      size_t cap = std::max(newSize, capacity_ * 2);
      auto *p = static_cast<uint8_t *>(std::realloc(data_, cap));
      if (!p)
        return false;
      data_ = p;
      capacity_ = cap;
    }
    std::memset(data_ + size_, 0, newSize - size_);
    size_ = newSize;
    return true;
  }

private:
  uint8_t *data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

inline constexpr int64_t numWords(uint64_t bytes) noexcept { return int64_t((bytes + 31) / 32); }

inline constexpr int64_t memoryCost(int64_t words) noexcept {
  return 3 * words + words * words / 512;
}

/// Charges the expansion of memory to cover [offset, offset + size); false means out of gas.
/// A zero size touches nothing, whatever the offset.
[[nodiscard]] inline bool chargeMemory(int64_t &gas, Memory &memory, const Word &offset,
                                       const Word &size) noexcept {
  if (size.isZero())
    return true;
  if (!offset.fitsUint64() || !size.fitsUint64() || offset.low64() > kMaxBufferSize ||
      size.low64() > kMaxBufferSize)
    return false;
  uint64_t end = offset.low64() + size.low64();
  if (end <= memory.size())
    return true;
  int64_t newWords = numWords(end);
  int64_t cost = memoryCost(newWords) - memoryCost(int64_t(memory.size() / 32));
  if ((gas -= cost) < 0)
    return false;
  return memory.grow(size_t(newWords) * 32);
}

/// Heap-allocated state of one frame: 32 KiB of stack must not live on the native stack when
/// frames nest 1024 deep.
struct Frame {
  alignas(32) Word stack[kStackLimit];
  Memory memory;
  Bytes returnData;
  int64_t gasRefund = 0;
  Host *host = nullptr;
  const Message *msg = nullptr;
  const CodeAnalysis *code = nullptr;
};

/// The CALL family and creates: the instruction with its stack operands popped by the caller.
/// Each returns false on an exceptional halt, with `status` set; on success the result word is
/// written to `out`.
bool callInstruction(Frame &f, uint8_t opcode, int64_t &gas, Word *args, Word &out,
                     Status &status) noexcept;
bool createInstruction(Frame &f, uint8_t opcode, int64_t &gas, Word *args, Word &out,
                       Status &status) noexcept;

} // namespace metis::interp

#endif // METIS_RUNTIME_LIB_INTERP_FRAME_H
