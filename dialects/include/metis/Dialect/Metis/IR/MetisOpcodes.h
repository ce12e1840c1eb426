//===- MetisOpcodes.h - The ops that model one EVM instruction ----*- C++ -*-===//
//
// An op whose ODS base is Metis_OpcodeOp (MetisBase.td) has `static constexpr uint8_t kOpcode`,
// its byte in the runtime's Opcodes.def. This header turns the dialect's op list into a
// compile-time walk over those ops, so that the lifter, the lowering and the opcode table test
// find an op from its byte (and the byte from the op) without repeating either. The dialect
// does not include the runtime: its users check kOpcode against Opcodes.def.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISOPCODES_H
#define METIS_DIALECT_METIS_IR_METISOPCODES_H

#include "metis/Dialect/Metis/IR/MetisOps.h"

#include <concepts>
#include <cstdint>

namespace metis {

/// An op that models one EVM instruction.
template <typename Op>
concept OpcodeOp = requires {
  { Op::kOpcode } -> std::convertible_to<uint8_t>;
};

namespace detail {
template <typename... Ops> struct OpList {};
/// Every op of the dialect, in ODS order.
using AllOps = OpList<
#define GET_OP_LIST
#include "metis/Dialect/Metis/IR/MetisOps.cpp.inc"
    >;
} // namespace detail

/// Calls `fn.template operator()<Op>()` for every op that models one instruction, in ODS order:
/// `forEachOpcodeOp([&]<typename Op>() { table[Op::kOpcode] = ...; })`.
template <typename Fn> constexpr void forEachOpcodeOp(Fn &&fn) {
  [&]<typename... Ops>(detail::OpList<Ops...>) {
    (
        [&] {
          if constexpr (OpcodeOp<Ops>)
            fn.template operator()<Ops>();
        }(),
        ...);
  }(detail::AllOps{});
}

} // namespace metis

#endif // METIS_DIALECT_METIS_IR_METISOPCODES_H
