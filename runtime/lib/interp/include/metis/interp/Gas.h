//===- Gas.h - The dynamic gas costs of the instructions ----------*- C++ -*-===//
//
// Part of the runtime's internal instruction interface (see Instructions.h). Static costs are
// in the opcode table (metis/runtime/Opcodes.def); these are the costs the instructions charge
// as they run, Cancun rules, each under one name whatever instruction charges it. The SSTORE
// cost table (EIP-2200, EIP-2929, EIP-3529) is storageCost() in Instructions.h.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_INTERP_GAS_H
#define METIS_INTERP_GAS_H

#include "metis/runtime/Opcodes.h"

#include <cstdint>

namespace metis::interp {

// EIP-2929 access lists. The opcode table charges the warm cost; a cold access adds the rest.
inline constexpr int64_t kWarmAccessCost = 100;
inline constexpr int64_t kColdAccountCost = 2600;
inline constexpr int64_t kColdSloadCost = 2100;
inline constexpr int64_t kColdAccountSurcharge = kColdAccountCost - kWarmAccessCost;
inline constexpr int64_t kColdSloadSurcharge = kColdSloadCost - kWarmAccessCost;
static_assert(kOpcodeTraits[OP_SLOAD].staticGas == kWarmAccessCost &&
              kOpcodeTraits[OP_BALANCE].staticGas == kWarmAccessCost &&
              kOpcodeTraits[OP_CALL].staticGas == kWarmAccessCost);

// Calls, creates and SELFDESTRUCT.
inline constexpr int64_t kCallValueCost = 9000;
/// A value transfer (CALL) or a SELFDESTRUCT balance that brings an account into existence.
inline constexpr int64_t kNewAccountCost = 25000;
/// Given to the callee of a value-bearing call; SSTORE also fails unless more than this is
/// left (EIP-2200's sentry).
inline constexpr int64_t kCallStipend = 2300;
/// Init code per 32-byte word (EIP-3860); CREATE2 pays kKeccakWordCost per word on top.
inline constexpr int64_t kInitcodeWordCost = 2;

// Per unit of data.
inline constexpr int64_t kMemoryWordCost = 3;      ///< Memory: 3 per word ...
inline constexpr int64_t kMemoryQuadDivisor = 512; ///< ... plus words^2 / 512.
inline constexpr int64_t kCopyWordCost = 3;        ///< The *COPY instructions and MCOPY.
inline constexpr int64_t kKeccakWordCost = 6;      ///< KECCAK256 (and CREATE2's hash).
inline constexpr int64_t kLogByteCost = 8;         ///< LOGn data.
inline constexpr int64_t kExpByteCost = 50;        ///< EXP, per byte of the exponent.

} // namespace metis::interp

#endif // METIS_INTERP_GAS_H
