//===- Curve.cpp - BN254 curve checks, ecMul and the G2 subgroup test -----===//
//
// The precompiles' curve work beyond plain point arithmetic: on-curve checks,
// the ecMul scalar multiplication (width-5 NAF) and EIP-197's G2 membership.
//
//===----------------------------------------------------------------------===//
#include "Curve.h"

namespace metis::precompiles::bn254 {

bool isOnCurve(const G1Affine &p) noexcept {
  return p.infinity || p.y.square() == p.x.square() * p.x + kG1B;
}

bool isOnCurve(const G2Affine &q) noexcept {
  return q.infinity || q.y.square() == q.x.square() * q.x + kTwistB;
}

G1 mulG1(const G1Affine &p, const Word &scalar) noexcept {
  if (p.infinity)
    return G1::infinity();
  // G1 has prime order r, so [k]P = [k mod r]P; k < 2^256 < 6r.
  Word k = scalar;
  while (!(k < kR))
    k = k - kR;

  // Width-5 NAF digits, least significant first: odd digits in (-16, 16),
  // at least four zeros after each.
  constexpr unsigned kWidth = 5;
  int8_t digits[256];
  unsigned len = 0;
  while (!k.isZero()) {
    int d = 0;
    if (k.limbs[0] & 1) {
      d = int(k.limbs[0] & ((1u << kWidth) - 1));
      if (d >= 1 << (kWidth - 1))
        d -= 1 << kWidth;
      k = d > 0 ? k - Word(uint64_t(d)) : k + Word(uint64_t(-d));
    }
    digits[len++] = int8_t(d);
    k = k >> 1;
  }

  // P, 3P, 5P, ..., 15P.
  G1 table[1 << (kWidth - 2)];
  table[0] = G1::fromAffine(p);
  G1 twice = table[0].dbl();
  for (unsigned i = 1; i < std::size(table); ++i)
    table[i] = table[i - 1] + twice;

  G1 acc = G1::infinity();
  for (unsigned i = len; i-- > 0;) {
    acc = acc.dbl();
    int d = digits[i];
    if (d > 0)
      acc = acc + table[d / 2];
    else if (d < 0)
      acc = acc + -table[-d / 2];
  }
  return acc;
}

G2 psi(const G2 &q) noexcept {
  return {q.x.conj() * kFrob1[2], q.y.conj() * kFrob1[3], q.z.conj()};
}

G2 psi2(const G2 &q) noexcept {
  // conj twice is the identity; xi^((p^2-1)/2) is -1.
  return {q.x * kFrob2[2], -q.y, q.z};
}

bool isInG2(const G2Affine &q) noexcept {
  if (q.infinity)
    return true;
  G2 uq = mulPlain(q, Word(kU));
  G2 lhs = uq.addMixed(q) + psi(uq) + psi2(uq);
  G2 rhs = psi(psi2(uq.dbl()));
  return lhs == rhs;
}

} // namespace metis::precompiles::bn254
