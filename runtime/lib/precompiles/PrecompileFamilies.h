//===- PrecompileFamilies.h - Per-family entry points -----------*- C++ -*-===//
//
// Private to MetisPrecompiles: the computation of each precompile family, one
// source file per family. Precompiles.cpp owns dispatch and the gas check;
// these run only once it has passed.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_PRECOMPILEFAMILIES_H
#define METIS_RUNTIME_LIB_PRECOMPILES_PRECOMPILEFAMILIES_H

#include "metis/runtime/Bytes.h"

#include <cstdint>
#include <optional>

namespace metis::precompiles::detail {

/// 0x01: the 32-byte left-padded signer, or empty on any invalid input (not a
/// failure).
Bytes ecrecover(BytesView input);

/// 0x02 and 0x03; RIPEMD-160's 20 bytes come left-padded to 32.
Bytes sha256(BytesView input);
Bytes ripemd160(BytesView input);

/// 0x05 gas under EIP-2565, saturating at UINT64_MAX (beyond any int64 gas
/// limit).
uint64_t modexpGas(BytesView input) noexcept;
/// 0x05 output: exactly modulus-length bytes. Callers charge modexpGas first,
/// which bounds the declared lengths this allocates.
Bytes modexp(BytesView input);

/// 0x09 round count (its gas), or nullopt when the input is not exactly 213
/// bytes.
std::optional<uint32_t> blake2fRounds(BytesView input) noexcept;
/// 0x09 output (64 bytes), or nullopt on a final-block flag other than 0 or 1.
/// Expects the 213-byte input blake2fRounds accepted.
std::optional<Bytes> blake2f(BytesView input);

/// 0x06..0x08 (bn254/ and Bn254.cpp): ecAdd and ecMul give 64 bytes, ecPairing
/// 32; nullopt on invalid input (a coordinate >= p, a point off its curve or a
/// G2 point outside the subgroup, ecPairing input not a multiple of 192 bytes).
std::optional<Bytes> ecAdd(BytesView input);
std::optional<Bytes> ecMul(BytesView input);
std::optional<Bytes> ecPairing(BytesView input);

/// 0x0a output (FIELD_ELEMENTS_PER_BLOB ++ BLS_MODULUS, 64 bytes), or nullopt
/// on any invalid input, a proof that does not verify, or no trusted setup.
std::optional<Bytes> pointEvaluation(BytesView input);

} // namespace metis::precompiles::detail

#endif // METIS_RUNTIME_LIB_PRECOMPILES_PRECOMPILEFAMILIES_H
