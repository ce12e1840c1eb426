//===- Keccak.cpp - Keccak-256 through Crypto++ ----------------------------===//
#include "metis/runtime/Keccak.h"

#include <crypto++/keccak.h>

namespace metis {

Bytes32 keccak256(BytesView data) noexcept {
  CryptoPP::Keccak_256 hash;
  hash.Update(data.data(), data.size());
  Bytes32 out;
  hash.Final(out.data());
  return out;
}

} // namespace metis
