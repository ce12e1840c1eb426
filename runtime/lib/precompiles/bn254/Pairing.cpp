//===- Pairing.cpp - Miller loop and final exponentiation on BN254 --------===//
//
// The Miller loop keeps the G2 point in homogeneous projective coordinates on
// the twist and evaluates each line at P as it goes, with the doubling and
// mixed-addition formulas of Aranha, Karabina, Longa, Gebotys and Lopez,
// "Faster Explicit Formulas for Computing Pairings over Ordinary Curves"
// (D-type twist). Lines are scaled by factors in Fp2, which the final
// exponentiation kills.
//
//===----------------------------------------------------------------------===//
#include "Pairing.h"

#include <array>
#include <vector>

namespace metis::precompiles::bn254 {

namespace {

/// Width-w non-adjacent form of a positive value, least significant digit
/// first: odd digits in (-2^(w-1), 2^(w-1)), each followed by at least w - 1
/// zeros. `top` indexes the most significant digit, which is positive.
template <size_t N> struct Naf {
  std::array<int8_t, N> digits{};
  unsigned top = 0;
};

template <size_t N> constexpr Naf<N> nafOf(unsigned __int128 k, unsigned w) {
  Naf<N> naf;
  for (unsigned i = 0; k; ++i, k >>= 1) {
    int d = 0;
    if (k & 1) {
      d = int(k & ((1u << w) - 1));
      if (d >= 1 << (w - 1))
        d -= 1 << w;
      k = d > 0 ? k - unsigned(d) : k + unsigned(-d);
    }
    naf.digits[i] = int8_t(d);
    naf.top = i;
  }
  return naf;
}

/// The ate loop count 6u + 2 (65 bits) in plain NAF: its digits choose
/// between adding Q and -Q. u in width-4 NAF for the final exponentiation,
/// where the odd powers are cheap to precompute and inverses are free.
constexpr auto kAteNaf = nafOf<68>((unsigned __int128)kU * 6 + 2, 2);
constexpr auto kUNaf = nafOf<66>(kU, 4);
static_assert(kAteNaf.digits[kAteNaf.top] == 1 && kUNaf.digits[kUNaf.top] > 0);

constexpr Fp2 kThreeTwistB = kTwistB + kTwistB + kTwistB;

/// T in homogeneous projective coordinates: (X / Z, Y / Z).
struct ProjectivePoint {
  Fp2 x, y, z;
};

/// T <- 2T; returns the tangent at T evaluated at P = (px, py), scaled by Fp2
/// factors: -2YZ py + 3X^2 px w + (3b'Z^2 - Y^2) w^3.
Line doublingStep(ProjectivePoint &t, const Fp &px, const Fp &py) noexcept {
  Fp2 a = (t.x * t.y).half();
  Fp2 b = t.y.square();
  Fp2 c = t.z.square();
  Fp2 e = kThreeTwistB * c;
  Fp2 f = e.dbl() + e;
  Fp2 g = (b + f).half();
  Fp2 h = (t.y + t.z).square() - (b + c);
  Fp2 j = t.x.square();
  Fp2 e2 = e.square();
  t.x = a * (b - f);
  t.y = g.square() - (e2.dbl() + e2);
  t.z = b * h;
  return {-(h * py), (j.dbl() + j) * px, e - b};
}

/// T <- T + Q for affine Q; returns the line through T and Q evaluated at P:
/// lambda py - theta px w + (theta xq - lambda yq) w^3.
Line additionStep(ProjectivePoint &t, const G2Affine &q, const Fp &px, const Fp &py) noexcept {
  Fp2 theta = t.y - q.y * t.z;
  Fp2 lambda = t.x - q.x * t.z;
  Fp2 c = theta.square();
  Fp2 d = lambda.square();
  Fp2 e = lambda * d;
  Fp2 f = t.z * c;
  Fp2 g = t.x * d;
  Fp2 h = e + f - g.dbl();
  t.x = lambda * h;
  t.y = theta * (g - h) - t.y * e;
  t.z = t.z * e;
  return {lambda * py, -(theta * px), theta * q.x - lambda * q.y};
}

struct PairState {
  Fp px, py;
  G2Affine q, negQ;
  ProjectivePoint t;
};

} // namespace

Fp12 millerLoop(std::span<const PairingInput> pairs) noexcept {
  std::vector<PairState> states;
  states.reserve(pairs.size());
  for (const PairingInput &in : pairs)
    if (!in.p.infinity && !in.q.infinity)
      states.push_back({in.p.x, in.p.y, in.q, -in.q, {in.q.x, in.q.y, Fp2::one()}});

  Fp12 f = Fp12::one();
  if (states.empty())
    return f;
  for (unsigned i = kAteNaf.top; i-- > 0;) {
    if (i + 1 != kAteNaf.top)
      f = f.square();
    for (PairState &s : states)
      f = f.mulByLine(doublingStep(s.t, s.px, s.py));
    if (int d = kAteNaf.digits[i])
      for (PairState &s : states)
        f = f.mulByLine(additionStep(s.t, d > 0 ? s.q : s.negQ, s.px, s.py));
  }
  // The optimal ate tail: add Q1 = pi(Q), then -Q2 = -pi^2(Q).
  for (PairState &s : states) {
    G2Affine q1 = {s.q.x.conj() * kFrob1[2], s.q.y.conj() * kFrob1[3], false};
    G2Affine negQ2 = {s.q.x * kFrob2[2], s.q.y, false};
    f = f.mulByLine(additionStep(s.t, q1, s.px, s.py));
    f = f.mulByLine(additionStep(s.t, negQ2, s.px, s.py));
  }
  return f;
}

namespace {

/// m^u for m in the cyclotomic subgroup, where m^-1 is conj(m).
Fp12 expByU(const Fp12 &m) noexcept {
  // m, m^3, m^5, m^7.
  Fp12 odd[4];
  odd[0] = m;
  Fp12 m2 = m.cyclotomicSquare();
  for (int i = 1; i < 4; ++i)
    odd[i] = odd[i - 1] * m2;
  Fp12 acc = odd[kUNaf.digits[kUNaf.top] / 2];
  for (unsigned i = kUNaf.top; i-- > 0;) {
    acc = acc.cyclotomicSquare();
    if (int d = kUNaf.digits[i])
      acc = acc * (d > 0 ? odd[d / 2] : odd[-d / 2].conj());
  }
  return acc;
}

} // namespace

Fp12 finalExponentiation(const Fp12 &f) noexcept {
  // Easy part: m = f^((p^6 - 1)(p^2 + 1)), which lands in the cyclotomic
  // subgroup.
  Fp12 m = f.conj() * f.inverse();
  m = m.frobenius2() * m;

  // Hard part: m^(l0 + l1 p + l2 p^2 + l3 p^3), which is
  // m^(2u(6u^2 + 3u + 1)(p^4 - p^2 + 1) / r), with
  //   l0 = 1 + 6u + 12u^2 + 12u^3,   l1 = 4u + 6u^2 + 12u^3,
  //   l2 = 6u + 6u^2 + 12u^3,        l3 = -1 + 4u + 6u^2 + 12u^3.
  Fp12 m2u = expByU(m).cyclotomicSquare();
  Fp12 m4u = m2u.cyclotomicSquare();
  Fp12 m6u = m4u * m2u;
  Fp12 m6u2 = expByU(m6u);
  Fp12 m12u3 = expByU(m6u2).cyclotomicSquare();
  Fp12 common = m6u2 * m12u3; // 6u^2 + 12u^3
  Fp12 y2 = m6u * common;     // l2
  Fp12 y1 = m4u * common;     // l1
  Fp12 y3 = m.conj() * y1;    // l3
  Fp12 y0 = m * y2 * m6u2;    // l0
  return y0 * y1.frobenius() * y2.frobenius2() * y3.frobenius3();
}

} // namespace metis::precompiles::bn254
