//===- Opcodes.h - Opcode enum and per-opcode traits -------------*- C++ -*-===//
//
// Derived at compile time from Opcodes.def. `kOpcodeTraits[byte]` answers every static
// question about an instruction; undefined bytes have `defined == false`.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_OPCODES_H
#define METIS_RUNTIME_OPCODES_H

#include <array>
#include <cstdint>
#include <string_view>

namespace metis {

enum Opcode : uint8_t {
#define METIS_OPCODE(Name, Byte, In, Out, Imm, Gas) OP_##Name = Byte,
#include "metis/runtime/Opcodes.def"
};

struct OpcodeTraits {
  std::string_view name; ///< Mnemonic; empty for an undefined byte.
  bool defined = false;
  uint8_t stackIn = 0;       ///< Items the instruction reads (DUPn: n, SWAPn: n + 1).
  uint8_t stackOut = 0;      ///< Items it leaves.
  uint8_t immediateSize = 0; ///< Bytes of push data following the opcode.
  int16_t staticGas = 0;     ///< Cancun cost charged before the instruction runs.
  /// Net change of the stack height.
  constexpr int stackChange() const { return int(stackOut) - int(stackIn); }
};

inline constexpr std::array<OpcodeTraits, 256> kOpcodeTraits = [] {
  std::array<OpcodeTraits, 256> table{};
#define METIS_OPCODE(Name, Byte, In, Out, Imm, Gas)                                                \
  table[Byte] = OpcodeTraits{#Name, true, In, Out, Imm, Gas};
#include "metis/runtime/Opcodes.def"
  return table;
}();

static_assert(kOpcodeTraits[OP_PUSH32].immediateSize == 32);
static_assert(kOpcodeTraits[OP_DUP16].stackChange() == 1);
static_assert(kOpcodeTraits[OP_SWAP16].stackIn == 17);
static_assert(!kOpcodeTraits[0x0c].defined && !kOpcodeTraits[0xef].defined);

/// Number of defined opcodes in Cancun (the dialect's arity test checks the same count).
inline constexpr unsigned kNumDefinedOpcodes = [] {
  unsigned n = 0;
  for (const auto &t : kOpcodeTraits)
    n += t.defined;
  return n;
}();
static_assert(kNumDefinedOpcodes == 149);

} // namespace metis

#endif // METIS_RUNTIME_OPCODES_H
