//===- Decoder.h - Bytecode decoding and JUMPDEST analysis -------*- C++ -*-===//
//
// What every tier learns from the raw bytes before running them: where instructions start,
// which JUMPDESTs are real (not inside push data), and a zero-padded copy of the code so that
// a PUSH running past the end reads zeros and execution falling off the end meets STOP.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_DECODER_H
#define METIS_RUNTIME_DECODER_H

#include "metis/runtime/Bytes.h"

#include <memory>
#include <vector>

namespace metis {

/// One decoded instruction.
struct Instruction {
  uint32_t pc;
  uint8_t opcode;
  BytesView immediate; ///< Push data present in the code (shorter than declared if truncated).
  bool truncated;      ///< A PUSH whose data runs past the end of the code.
};

/// Decodes the whole code, push data skipped. Undefined bytes decode as themselves.
std::vector<Instruction> decode(BytesView code);

class CodeAnalysis {
public:
  /// Zero bytes after the code: a PUSH32 at the last byte reads 32 of them and lands on one
  /// more, which is STOP.
  static constexpr size_t kPadding = 33;

  explicit CodeAnalysis(BytesView code);

  /// The code followed by kPadding zero bytes.
  const uint8_t *paddedCode() const noexcept { return padded_.get(); }
  size_t codeSize() const noexcept { return size_; }
  BytesView code() const noexcept { return {padded_.get(), size_}; }
  bool isJumpdest(uint64_t pc) const noexcept {
    return pc < size_ && (jumpdests_[pc / 64] >> (pc % 64) & 1);
  }

private:
  std::unique_ptr<uint8_t[]> padded_;
  size_t size_;
  std::vector<uint64_t> jumpdests_; ///< Bitmap, one bit per code byte.
};

} // namespace metis

#endif // METIS_RUNTIME_DECODER_H
