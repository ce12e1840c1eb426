//===- Precompiles.h - The precompiled contracts 0x01..0x0a -----*- C++ -*-===//
//
// The Cancun precompiles: each takes call data and a gas limit and returns a
// status, the gas it used and its output. Gas follows the EIPs in force at
// Cancun (EIP-2565 for modexp, EIP-1108 for the BN254 family). The caller
// handles value transfer, warmth and the call frame.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_PRECOMPILES_H
#define METIS_RUNTIME_PRECOMPILES_H

#include "metis/runtime/Bytes.h"

#include <cstdint>
#include <string_view>

namespace metis::precompiles {

enum class Status {
  Success,
  /// Invalid input where the EIP says the call fails: all gas is consumed.
  Failure,
  OutOfGas,
};

struct Result {
  Status status;
  int64_t gasUsed;
  Bytes output;
};

/// The ids are the addresses' last byte: 1 ecrecover, 2 SHA-256, 3 RIPEMD-160,
/// 4 identity, 5 modexp, 6 ecAdd, 7 ecMul, 8 ecPairing, 9 blake2f, 10 KZG point
/// evaluation.
inline constexpr unsigned kNumPrecompiles = 10;

/// 1..10 for addresses 0x00..01 .. 0x00..0a (Cancun), 0 otherwise.
[[nodiscard]] unsigned precompileId(const Address &addr) noexcept;
[[nodiscard]] inline bool isPrecompile(const Address &addr) noexcept {
  return precompileId(addr) != 0;
}

/// Runs precompile `id` on `input` with `gasLimit`. Cost > gasLimit -> OutOfGas
/// with gasUsed = gasLimit. Failure (invalid input where the EIP says the call
/// fails) -> gasUsed = gasLimit, empty output. Success -> gasUsed = cost,
/// output. An id outside 1..10 is a Failure. A negative gasLimit is treated as 0.
[[nodiscard]] Result execute(unsigned id, BytesView input, int64_t gasLimit);

/// Loads the KZG trusted setup 0x0a verifies against, once per process
/// (thread-safe; later calls return the first outcome), from the file
/// $METIS_TRUSTED_SETUP names, else the mainnet setup of the c-kzg sources the
/// build used. Returns why loading failed, or an empty string. 0x0a loads it on
/// its first call and fails, silently, whenever it could not; call this to
/// report why, or to take the load (about 2 s) off that first call.
[[nodiscard]] std::string_view loadTrustedSetup();

} // namespace metis::precompiles

#endif // METIS_RUNTIME_PRECOMPILES_H
