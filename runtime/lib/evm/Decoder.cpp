//===- Decoder.cpp - Bytecode decoding and JUMPDEST analysis ----------------===//
#include "metis/runtime/Decoder.h"
#include "metis/runtime/Opcodes.h"

#include <cstring>

namespace metis {

std::vector<Instruction> decode(BytesView code) {
  std::vector<Instruction> out;
  out.reserve(code.size());
  for (size_t pc = 0; pc < code.size();) {
    uint8_t op = code[pc];
    size_t imm = kOpcodeTraits[op].immediateSize;
    size_t avail = std::min(imm, code.size() - pc - 1);
    out.push_back({uint32_t(pc), op, code.subspan(pc + 1, avail), avail < imm});
    pc += 1 + imm;
  }
  return out;
}

CodeAnalysis::CodeAnalysis(BytesView code)
    : padded_(new uint8_t[code.size() + kPadding]), size_(code.size()),
      jumpdests_((code.size() + 63) / 64, 0) {
  if (!code.empty())
    std::memcpy(padded_.get(), code.data(), code.size());
  std::memset(padded_.get() + code.size(), 0, kPadding);
  for (size_t pc = 0; pc < size_; ++pc) {
    uint8_t op = padded_[pc];
    if (op == OP_JUMPDEST)
      jumpdests_[pc / 64] |= uint64_t(1) << (pc % 64);
    else if (op >= OP_PUSH1 && op <= OP_PUSH32)
      pc += op - OP_PUSH1 + 1;
  }
}

} // namespace metis
