//===- Fp12.cpp - Fp6 and Fp12 arithmetic for the BN254 pairing -----------===//
//
// The products follow Devegili, O hEigeartaigh, Scott and Dahab,
// "Multiplication and Squaring on Pairing-Friendly Fields" (Karatsuba for Fp6,
// complex squaring for Fp12); the cyclotomic squaring is Granger and Scott,
// "Faster Squaring in the Cyclotomic Subgroup of Sixth Degree Extensions".
//
//===----------------------------------------------------------------------===//
#include "Fp12.h"

namespace metis::precompiles::bn254 {

//===----------------------------------------------------------------------===//
// Fp6
//===----------------------------------------------------------------------===//

Fp6 operator*(const Fp6 &a, const Fp6 &b) noexcept {
  Fp2 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1, t2 = a.c2 * b.c2;
  Fp2 c0 = ((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2).mulByXi() + t0;
  Fp2 c1 = (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + t2.mulByXi();
  Fp2 c2 = (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1;
  return {c0, c1, c2};
}

Fp6 Fp6::square() const noexcept {
  // CH-SQR2: two squarings of parts, two products and one mixed square.
  Fp2 s0 = c0.square();
  Fp2 s1 = (c0 * c1).dbl();
  Fp2 s2 = (c0 - c1 + c2).square();
  Fp2 s3 = (c1 * c2).dbl();
  Fp2 s4 = c2.square();
  return {s0 + s3.mulByXi(), s1 + s4.mulByXi(), s1 + s2 + s3 - s0 - s4};
}

Fp6 Fp6::mulBy01(const Fp2 &b0, const Fp2 &b1) const noexcept {
  // (c0 + c1 v + c2 v^2)(b0 + b1 v), with v^3 = xi.
  Fp2 t0 = c0 * b0, t1 = c1 * b1;
  Fp2 r0 = (c2 * b1).mulByXi() + t0;
  Fp2 r1 = (c0 + c1) * (b0 + b1) - t0 - t1;
  Fp2 r2 = (c0 + c2) * b0 - t0 + t1;
  return {r0, r1, r2};
}

Fp6 Fp6::inverse() const noexcept {
  // The adjugate over the norm: c0 A + xi (c2 B + c1 C) lies in Fp2.
  Fp2 a = c0.square() - (c1 * c2).mulByXi();
  Fp2 b = c2.square().mulByXi() - c0 * c1;
  Fp2 c = c1.square() - c0 * c2;
  Fp2 norm = c0 * a + (c2 * b + c1 * c).mulByXi();
  Fp2 inv = norm.inverse();
  return {a * inv, b * inv, c * inv};
}

//===----------------------------------------------------------------------===//
// Fp12
//===----------------------------------------------------------------------===//

Fp12 operator*(const Fp12 &a, const Fp12 &b) noexcept {
  Fp6 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
  return {t0 + t1.mulByV(), (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
}

Fp12 Fp12::square() const noexcept {
  // (c0 + c1 w)^2 = (c0 + c1)(c0 + v c1) - (1 + v) c0 c1 + 2 c0 c1 w.
  Fp6 ab = c0 * c1;
  Fp6 r0 = (c0 + c1) * (c0 + c1.mulByV()) - ab - ab.mulByV();
  return {r0, ab + ab};
}

Fp12 Fp12::mulByLine(const Line &line) const noexcept {
  // The line is L0 + L1 w with L0 = a and L1 = b + c v.
  Fp6 t0 = c0 * line.a;
  Fp6 t1 = c1.mulBy01(line.b, line.c);
  Fp6 r1 = (c0 + c1).mulBy01(line.a + line.b, line.c) - t0 - t1;
  return {t0 + t1.mulByV(), r1};
}

Fp12 Fp12::inverse() const noexcept {
  // (c0 - c1 w) / (c0^2 - v c1^2), the denominator in Fp6.
  Fp6 inv = (c0.square() - c1.square().mulByV()).inverse();
  return {c0 * inv, -(c1 * inv)};
}

Fp12 Fp12::frobenius() const noexcept {
  // (g_k w^k)^p = conj(g_k) w^k xi^(k(p-1)/6).
  return {{c0.c0.conj(), c0.c1.conj() * kFrob1[2], c0.c2.conj() * kFrob1[4]},
          {c1.c0.conj() * kFrob1[1], c1.c1.conj() * kFrob1[3], c1.c2.conj() * kFrob1[5]}};
}

Fp12 Fp12::frobenius2() const noexcept {
  return {{c0.c0, c0.c1 * kFrob2[2], c0.c2 * kFrob2[4]},
          {c1.c0 * kFrob2[1], c1.c1 * kFrob2[3], c1.c2 * kFrob2[5]}};
}

Fp12 Fp12::cyclotomicSquare() const noexcept {
  // View the element as A + B w + C w^2 over Fp4 = Fp2[s]/(s^2 - xi), s = w^3:
  // A = g0 + g3 s, B = g1 + g4 s, C = g2 + g5 s. For x in the cyclotomic
  // subgroup, x^2 = (3A^2 - 2 conj A) + (3 s C^2 + 2 conj B) w
  //               + (3B^2 - 2 conj C) w^2,
  // with conj(x0 + x1 s) = x0 - x1 s.
  auto fp4Square = [](const Fp2 &x0, const Fp2 &x1, Fp2 &r0, Fp2 &r1) {
    Fp2 t0 = x0.square(), t1 = x1.square();
    r0 = t1.mulByXi() + t0;
    r1 = (x0 + x1).square() - t0 - t1;
  };
  const Fp2 &g0 = c0.c0, &g2 = c0.c1, &g4 = c0.c2;
  const Fp2 &g1 = c1.c0, &g3 = c1.c1, &g5 = c1.c2;
  Fp2 a0, a1, b0, b1, s0, s1;
  fp4Square(g0, g3, a0, a1);
  fp4Square(g1, g4, b0, b1);
  fp4Square(g2, g5, s0, s1);
  // 3t - 2g and 3t + 2g as (t - g) * 2 + t and (t + g) * 2 + t.
  auto minus = [](const Fp2 &t, const Fp2 &g) { return (t - g).dbl() + t; };
  auto plus = [](const Fp2 &t, const Fp2 &g) { return (t + g).dbl() + t; };
  Fp2 r0 = minus(a0, g0), r3 = plus(a1, g3);
  Fp2 r1 = plus(s1.mulByXi(), g1), r4 = minus(s0, g4);
  Fp2 r2 = minus(b0, g2), r5 = plus(b1, g5);
  return {{r0, r2, r4}, {r1, r3, r5}};
}

} // namespace metis::precompiles::bn254
