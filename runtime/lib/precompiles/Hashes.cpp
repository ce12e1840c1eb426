//===- Hashes.cpp - 0x02 SHA-256 and 0x03 RIPEMD-160 through Crypto++ -----===//
#include "PrecompileFamilies.h"

#include <crypto++/ripemd.h>
#include <crypto++/sha.h>

namespace metis::precompiles::detail {

Bytes sha256(BytesView input) {
  Bytes out(CryptoPP::SHA256::DIGESTSIZE);
  CryptoPP::SHA256().CalculateDigest(out.data(), input.data(), input.size());
  return out;
}

Bytes ripemd160(BytesView input) {
  // The 20-byte digest sits in the low bytes of a 32-byte word.
  Bytes out(32, 0);
  CryptoPP::RIPEMD160().CalculateDigest(out.data() + 32 - CryptoPP::RIPEMD160::DIGESTSIZE,
                                        input.data(), input.size());
  return out;
}

} // namespace metis::precompiles::detail
