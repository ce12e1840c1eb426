//===- Bn254.cpp - The alt_bn128 precompiles 0x06, 0x07 and 0x08 ----------===//
//
// EIP-196 (ecAdd, ecMul) and EIP-197 (ecPairing) on top of bn254/, metis's own
// BN254 arithmetic (Debian 12 packages no C or C++ BN254 library). This file
// is the wire format: 32-byte big-endian coordinates, (0, 0) for the point at
// infinity, G2 coordinates imaginary part first, and which inputs fail.
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include "bn254/Pairing.h"

#include <algorithm>
#include <array>
#include <vector>

namespace metis::precompiles::detail {

namespace {

using namespace bn254;

constexpr size_t kG1Size = 64;
constexpr size_t kG2Size = 128;
constexpr size_t kPairSize = kG1Size + kG2Size;

/// The first N bytes of the input, zero-padded on the right.
template <size_t N> std::array<uint8_t, N> padded(BytesView input) {
  std::array<uint8_t, N> out{};
  std::copy_n(input.begin(), std::min(N, input.size()), out.begin());
  return out;
}

/// x then y; nullopt if a coordinate is >= p or the point is off the curve.
std::optional<G1Affine> decodeG1(const uint8_t *in) {
  auto x = Fp::fromBigEndian(in), y = Fp::fromBigEndian(in + 32);
  if (!x || !y)
    return std::nullopt;
  G1Affine p{*x, *y, x->isZero() && y->isZero()};
  if (!isOnCurve(p))
    return std::nullopt;
  return p;
}

/// x_imag, x_real, y_imag, y_real; nullopt if a coordinate is >= p or the
/// point is off the twist or outside G2.
std::optional<G2Affine> decodeG2(const uint8_t *in) {
  auto xi = Fp::fromBigEndian(in), xr = Fp::fromBigEndian(in + 32);
  auto yi = Fp::fromBigEndian(in + 64), yr = Fp::fromBigEndian(in + 96);
  if (!xi || !xr || !yi || !yr)
    return std::nullopt;
  Fp2 x{*xr, *xi}, y{*yr, *yi};
  G2Affine q{x, y, x.isZero() && y.isZero()};
  if (!isOnCurve(q) || !isInG2(q))
    return std::nullopt;
  return q;
}

Bytes encodeG1(const G1 &p) {
  Bytes out(kG1Size, 0);
  G1Affine a = p.toAffine();
  if (!a.infinity) {
    a.x.toBigEndian(out.data());
    a.y.toBigEndian(out.data() + 32);
  }
  return out;
}

} // namespace

std::optional<Bytes> ecAdd(BytesView input) {
  auto in = padded<2 * kG1Size>(input);
  auto p = decodeG1(in.data()), q = decodeG1(in.data() + kG1Size);
  if (!p || !q)
    return std::nullopt;
  return encodeG1(G1::fromAffine(*p).addMixed(*q));
}

std::optional<Bytes> ecMul(BytesView input) {
  auto in = padded<kG1Size + 32>(input);
  auto p = decodeG1(in.data());
  if (!p)
    return std::nullopt;
  return encodeG1(mulG1(*p, Word::fromBigEndian(in.data() + kG1Size)));
}

std::optional<Bytes> ecPairing(BytesView input) {
  if (input.size() % kPairSize)
    return std::nullopt;
  std::vector<PairingInput> pairs;
  pairs.reserve(input.size() / kPairSize);
  for (size_t off = 0; off < input.size(); off += kPairSize) {
    auto p = decodeG1(input.data() + off);
    auto q = decodeG2(input.data() + off + kG1Size);
    if (!p || !q)
      return std::nullopt;
    pairs.push_back({*p, *q});
  }
  Bytes out(32, 0);
  out[31] = pairingProductIsOne(pairs) ? 1 : 0;
  return out;
}

} // namespace metis::precompiles::detail
