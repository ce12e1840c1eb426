//===- Modexp.cpp - 0x05 modexp (EIP-198, priced by EIP-2565) -------------===//
//
// Input: three 32-byte big-endian lengths (base, exponent, modulus), then the
// three values, with the input read as if right-padded with zeros forever. The
// lengths are 256-bit and attacker-chosen, so they saturate at UINT64_MAX and
// the gas arithmetic runs in 128 bits: a saturated base or modulus length (or
// exponent length with a nonzero modulus length) prices beyond any gas limit,
// and nothing is allocated before the gas is paid.
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include <gmp.h>

#include <algorithm>
#include <bit>
#include <limits>

namespace metis::precompiles::detail {

namespace {

using U128 = unsigned __int128;

constexpr uint64_t kMaxU64 = std::numeric_limits<uint64_t>::max();
constexpr size_t kHeaderSize = 96;

/// Byte `offset` of the input, zero past its end.
uint8_t byteAt(BytesView input, U128 offset) {
  return offset < input.size() ? input[size_t(offset)] : 0;
}

struct Lengths {
  uint64_t base, exp, mod; // saturated at UINT64_MAX
};

Lengths readLengths(BytesView input) {
  auto readLength = [&](size_t offset) -> uint64_t {
    for (size_t i = 0; i < 24; ++i)
      if (byteAt(input, offset + i))
        return kMaxU64;
    uint64_t value = 0;
    for (size_t i = 24; i < 32; ++i)
      value = value << 8 | byteAt(input, offset + i);
    return value;
  };
  return {readLength(0), readLength(32), readLength(64)};
}

/// The zero-extended input's `len` bytes at `offset` as an integer. Bytes past
/// the input's end are zeros, so they become a shift rather than a buffer.
void importValue(mpz_t out, BytesView input, U128 offset, uint64_t len) {
  mpz_set_ui(out, 0);
  if (offset < input.size()) {
    size_t avail = size_t(std::min<U128>(len, input.size() - offset));
    mpz_import(out, avail, /*order=*/1, 1, /*endian=*/1, 0, input.data() + size_t(offset));
    len -= avail;
  }
  if (mpz_sgn(out))
    mpz_mul_2exp(out, out, 8 * mp_bitcnt_t(len));
}

} // namespace

uint64_t modexpGas(BytesView input) noexcept {
  Lengths len = readLengths(input);

  // mult_complexity = ceil(max(Blen, Mlen) / 8)^2, at most 2^122.
  U128 words = (U128(std::max(len.base, len.mod)) + 7) / 8;
  U128 complexity = words * words;

  // The iteration count reads only the exponent's first 32 bytes (its "head").
  // An all-zero head adds 0, as EIP-198 states (EIP-2565's reference code would
  // add -1 there).
  uint64_t headLen = std::min<uint64_t>(len.exp, 32);
  U128 expOffset = U128(kHeaderSize) + len.base;
  unsigned headBits = 0;
  for (uint64_t i = 0; i < headLen; ++i) {
    if (uint8_t b = byteAt(input, expOffset + i)) {
      headBits = unsigned(headLen - i - 1) * 8 + std::bit_width(b);
      break;
    }
  }
  U128 iterations = headBits ? headBits - 1 : 0;
  if (len.exp > 32)
    iterations += U128(8) * (len.exp - 32);
  iterations = std::max<U128>(iterations, 1);

  if (complexity && iterations > std::numeric_limits<U128>::max() / complexity)
    return kMaxU64;
  U128 gas = std::max<U128>(complexity * iterations / 3, 200);
  return gas > kMaxU64 ? kMaxU64 : uint64_t(gas);
}

Bytes modexp(BytesView input) {
  Lengths len = readLengths(input);
  // A zero modulus length costs 200 whatever the other lengths say; answer
  // without reading.
  if (len.mod == 0)
    return {};

  Bytes out(len.mod, 0);
  U128 expOffset = U128(kHeaderSize) + len.base;
  U128 modOffset = expOffset + len.exp;

  mpz_t base, exp, mod, result;
  mpz_inits(base, exp, mod, result, nullptr);
  importValue(mod, input, modOffset, len.mod);
  // Modulus 0 gives all zeros.
  if (mpz_sgn(mod)) {
    importValue(base, input, kHeaderSize, len.base);
    importValue(exp, input, expOffset, len.exp);
    // Fully reduced even for modulus 1 with a zero exponent (0, not 1).
    mpz_powm(result, base, exp, mod);
    if (mpz_sgn(result)) {
      size_t size = (mpz_sizeinbase(result, 2) + 7) / 8;
      size_t written = 0;
      mpz_export(out.data() + (out.size() - size), &written, 1, 1, 1, 0, result);
    }
  }
  mpz_clears(base, exp, mod, result, nullptr);
  return out;
}

} // namespace metis::precompiles::detail
