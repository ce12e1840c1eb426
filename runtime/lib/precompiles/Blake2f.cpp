//===- Blake2f.cpp - 0x09 BLAKE2b compression function F (EIP-152) --------===//
//
// RFC 7693's F with the round count as a parameter. Written here because
// Crypto++'s BLAKE2b exposes only the whole hash with its fixed 12 rounds,
// never F on its own.
//
// Input (exactly 213 bytes): rounds (4, big-endian), h (8 x u64), m (16 x u64),
// t (2 x u64), all little-endian, then the final-block flag (1 byte, 0 or 1).
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include <array>
#include <bit>

namespace metis::precompiles::detail {

namespace {

constexpr size_t kInputSize = 213;
constexpr size_t kStateOffset = 4, kMessageOffset = 68, kCounterOffset = 196, kFlagOffset = 212;

constexpr std::array<uint64_t, 8> kIv = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                                         0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                         0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};

/// The message schedule; round i uses row i mod 10.
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

uint64_t loadLe64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = v << 8 | p[i];
  return v;
}

void storeLe64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = uint8_t(v >> (8 * i));
}

/// The mixing function G of RFC 7693, section 3.1.
inline void mix(uint64_t *v, int a, int b, int c, int d, uint64_t x, uint64_t y) {
  v[a] += v[b] + x;
  v[d] = std::rotr(v[d] ^ v[a], 32);
  v[c] += v[d];
  v[b] = std::rotr(v[b] ^ v[c], 24);
  v[a] += v[b] + y;
  v[d] = std::rotr(v[d] ^ v[a], 16);
  v[c] += v[d];
  v[b] = std::rotr(v[b] ^ v[c], 63);
}

/// F of RFC 7693, section 3.2, updating `h` in place.
void compress(uint64_t *h, const uint64_t *m, uint64_t t0, uint64_t t1, bool last,
              uint32_t rounds) {
  uint64_t v[16];
  for (int i = 0; i < 8; ++i) {
    v[i] = h[i];
    v[i + 8] = kIv[i];
  }
  v[12] ^= t0;
  v[13] ^= t1;
  if (last)
    v[14] = ~v[14];
  for (uint32_t r = 0; r < rounds; ++r) {
    const uint8_t *s = kSigma[r % 10];
    mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
    mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
    mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
    mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
    mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
    mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
    mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
    mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; ++i)
    h[i] ^= v[i] ^ v[i + 8];
}

} // namespace

std::optional<uint32_t> blake2fRounds(BytesView input) noexcept {
  if (input.size() != kInputSize)
    return std::nullopt;
  return uint32_t(input[0]) << 24 | uint32_t(input[1]) << 16 | uint32_t(input[2]) << 8 |
         uint32_t(input[3]);
}

std::optional<Bytes> blake2f(BytesView input) {
  auto rounds = blake2fRounds(input);
  if (!rounds)
    return std::nullopt;
  uint8_t flag = input[kFlagOffset];
  if (flag > 1)
    return std::nullopt;

  uint64_t h[8], m[16];
  for (int i = 0; i < 8; ++i)
    h[i] = loadLe64(input.data() + kStateOffset + 8 * i);
  for (int i = 0; i < 16; ++i)
    m[i] = loadLe64(input.data() + kMessageOffset + 8 * i);
  uint64_t t0 = loadLe64(input.data() + kCounterOffset);
  uint64_t t1 = loadLe64(input.data() + kCounterOffset + 8);
  compress(h, m, t0, t1, flag == 1, *rounds);

  Bytes out(64);
  for (int i = 0; i < 8; ++i)
    storeLe64(out.data() + 8 * i, h[i]);
  return out;
}

} // namespace metis::precompiles::detail
