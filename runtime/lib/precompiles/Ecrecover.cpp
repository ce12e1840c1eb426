//===- Ecrecover.cpp - 0x01 ecrecover through libsecp256k1 ----------------===//
//
// Input (right-padded to 128 bytes): hash, v, r, s as 32-byte words. Unlike
// transaction signatures (EIP-2), high s is allowed here. Any invalid input
// gives an empty output; the call itself still succeeds.
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include "metis/runtime/Keccak.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <array>

namespace metis::precompiles::detail {

namespace {

/// The order n of secp256k1's group, big-endian.
constexpr std::array<uint8_t, 32> kCurveOrder = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};

/// Whether the big-endian word is in [1, n - 1].
bool isValidScalar(const uint8_t *word) {
  bool nonZero = std::any_of(word, word + 32, [](uint8_t b) { return b; });
  return nonZero &&
         std::lexicographical_compare(word, word + 32, kCurveOrder.begin(), kCurveOrder.end());
}

/// Created once: context creation is far dearer than a recovery, and recovering
/// only reads it, so threads can share it.
const secp256k1_context *context() {
  static secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  return ctx;
}

} // namespace

Bytes ecrecover(BytesView input) {
  std::array<uint8_t, 128> words{};
  std::copy_n(input.begin(), std::min(input.size(), words.size()), words.begin());
  const uint8_t *hash = words.data();
  const uint8_t *v = words.data() + 32;
  const uint8_t *rs = words.data() + 64;

  // v is the whole 32-byte word 27 or 28, not just its low byte.
  if (std::any_of(v, v + 31, [](uint8_t b) { return b; }) || (v[31] != 27 && v[31] != 28))
    return {};
  if (!isValidScalar(rs) || !isValidScalar(rs + 32))
    return {};

  const secp256k1_context *ctx = context();
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, rs, v[31] - 27))
    return {};
  secp256k1_pubkey pubkey;
  if (!secp256k1_ecdsa_recover(ctx, &pubkey, &sig, hash))
    return {};
  std::array<uint8_t, 65> serialized;
  size_t serializedLen = serialized.size();
  secp256k1_ec_pubkey_serialize(ctx, serialized.data(), &serializedLen, &pubkey,
                                SECP256K1_EC_UNCOMPRESSED);

  // The address is the last 20 bytes of the hash of x || y (without the 0x04
  // tag).
  Bytes32 keyHash = keccak256(BytesView(serialized.data() + 1, 64));
  Bytes out(32, 0);
  std::copy(keyHash.bytes.begin() + 12, keyHash.bytes.end(), out.begin() + 12);
  return out;
}

} // namespace metis::precompiles::detail
