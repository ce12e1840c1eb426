//===- Keccak.h - Keccak-256 -------------------------------------*- C++ -*-===//
//
// Ethereum's hash: Keccak-256 with the original padding (not NIST SHA3-256), from Crypto++.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_KECCAK_H
#define METIS_RUNTIME_KECCAK_H

#include "metis/runtime/Bytes.h"

namespace metis {

Bytes32 keccak256(BytesView data) noexcept;
inline Bytes32 keccak256(std::string_view s) noexcept {
  return keccak256(BytesView(reinterpret_cast<const uint8_t *>(s.data()), s.size()));
}

/// keccak256 of the empty string: the code hash of every account without code.
inline constexpr Bytes32 kEmptyCodeHash = {
    {{0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d,
      0xb2, 0xdc, 0xc7, 0x03, 0xc0, 0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82,
      0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70}}};

} // namespace metis

#endif // METIS_RUNTIME_KECCAK_H
