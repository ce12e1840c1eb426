//===- Curve.h - BN254 G1 over Fp and its twist G2 over Fp2 -----*- C++ -*-===//
//
// y^2 = x^3 + 3 over Fp (G1, prime order r) and the sextic twist
// y^2 = x^3 + 3/(9 + i) over Fp2 (G2 is its order-r subgroup; the twist's full
// group is r times a cofactor, hence the subgroup check EIP-197 requires). One
// Jacobian template serves both fields: a = 0 on both curves, and the formulas
// never touch b.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_BN254_CURVE_H
#define METIS_RUNTIME_LIB_PRECOMPILES_BN254_CURVE_H

#include "Fp12.h"

namespace metis::precompiles::bn254 {

template <class F> struct AffinePoint {
  F x, y;
  bool infinity;

  friend constexpr bool operator==(const AffinePoint &a, const AffinePoint &b) {
    if (a.infinity || b.infinity)
      return a.infinity == b.infinity;
    return a.x == b.x && a.y == b.y;
  }
  constexpr AffinePoint operator-() const { return {x, -y, infinity}; }
};

/// (X, Y, Z) stands for (X / Z^2, Y / Z^3); Z = 0 is the point at infinity.
/// Formulas from the Explicit-Formulas Database (dbl-2009-l, add-2007-bl,
/// madd-2007-bl), with the exceptional cases handled.
template <class F> struct JacobianPoint {
  F x, y, z;

  static constexpr JacobianPoint infinity() { return {F::one(), F::one(), F::zero()}; }
  static constexpr JacobianPoint fromAffine(const AffinePoint<F> &p) {
    return p.infinity ? infinity() : JacobianPoint{p.x, p.y, F::one()};
  }
  constexpr bool isInfinity() const { return z.isZero(); }
  constexpr JacobianPoint operator-() const { return {x, -y, z}; }

  JacobianPoint dbl() const noexcept {
    F a = x.square(), b = y.square(), c = b.square();
    F d = ((x + b).square() - a - c).dbl();
    F e = a.dbl() + a;
    F x3 = e.square() - d.dbl();
    F y3 = e * (d - x3) - c.dbl().dbl().dbl();
    return {x3, y3, (y * z).dbl()};
  }

  JacobianPoint operator+(const JacobianPoint &q) const noexcept {
    if (isInfinity())
      return q;
    if (q.isInfinity())
      return *this;
    F z1z1 = z.square(), z2z2 = q.z.square();
    F u1 = x * z2z2, u2 = q.x * z1z1;
    F s1 = y * q.z * z2z2, s2 = q.y * z * z1z1;
    F h = u2 - u1, r = s2 - s1;
    if (h.isZero())
      return r.isZero() ? dbl() : infinity();
    F i = h.dbl().square(), j = h * i, v = u1 * i;
    r = r.dbl();
    F x3 = r.square() - j - v.dbl();
    F y3 = r * (v - x3) - (s1 * j).dbl();
    F z3 = ((z + q.z).square() - z1z1 - z2z2) * h;
    return {x3, y3, z3};
  }

  /// Adds an affine point (cheaper: its Z is 1).
  JacobianPoint addMixed(const AffinePoint<F> &q) const noexcept {
    if (q.infinity)
      return *this;
    if (isInfinity())
      return fromAffine(q);
    F z1z1 = z.square();
    F u2 = q.x * z1z1, s2 = q.y * z * z1z1;
    F h = u2 - x, r = s2 - y;
    if (h.isZero())
      return r.isZero() ? dbl() : infinity();
    F hh = h.square(), i = hh.dbl().dbl(), j = h * i, v = x * i;
    r = r.dbl();
    F x3 = r.square() - j - v.dbl();
    F y3 = r * (v - x3) - (y * j).dbl();
    F z3 = (z + h).square() - z1z1 - hh;
    return {x3, y3, z3};
  }

  AffinePoint<F> toAffine() const noexcept {
    if (isInfinity())
      return {F::zero(), F::zero(), true};
    F zi = z.inverse(), zi2 = zi.square();
    return {x * zi2, y * zi2 * zi, false};
  }

  friend bool operator==(const JacobianPoint &a, const JacobianPoint &b) {
    if (a.isInfinity() || b.isInfinity())
      return a.isInfinity() == b.isInfinity();
    F az2 = a.z.square(), bz2 = b.z.square();
    return a.x * bz2 == b.x * az2 && a.y * bz2 * b.z == b.y * az2 * a.z;
  }
};

using G1Affine = AffinePoint<Fp>;
using G1 = JacobianPoint<Fp>;
using G2Affine = AffinePoint<Fp2>;
using G2 = JacobianPoint<Fp2>;

/// b of G1 and of the twist, 3 / (9 + i).
inline constexpr Fp kG1B = Fp::fromUint(3);
inline constexpr Fp2 kTwistB =
    Fp2::fromHex("2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e5",
                 "009713b03af0fed4cd2cafadeed8fdf4a74fa084e52d1852e4a2bd0685c315d2");

/// The EIP-196/197 generators.
inline constexpr G1Affine kG1Generator = {Fp::fromUint(1), Fp::fromUint(2), false};
inline constexpr G2Affine kG2Generator = {
    Fp2::fromHex("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed",
                 "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"),
    Fp2::fromHex("12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
                 "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"),
    false};

/// Whether y^2 = x^3 + b; the point at infinity counts as on the curve.
bool isOnCurve(const G1Affine &p) noexcept;
bool isOnCurve(const G2Affine &q) noexcept;

/// [k]p by plain double-and-add: slower than a NAF, but correct for any point,
/// in the group or not (the tests multiply by r itself).
template <class F> JacobianPoint<F> mulPlain(const AffinePoint<F> &p, const Word &k) noexcept {
  JacobianPoint<F> acc = JacobianPoint<F>::infinity();
  for (int i = 255 - int(k.countLeadingZeros()); i >= 0; --i) {
    acc = acc.dbl();
    if (k.bit(unsigned(i)))
      acc = acc.addMixed(p);
  }
  return acc;
}

/// [k]p for p in G1 (so k may be reduced mod r): the ecMul precompile.
G1 mulG1(const G1Affine &p, const Word &k) noexcept;

/// The untwist-Frobenius-twist endomorphism psi(x, y) = (conj(x) xi^((p-1)/3),
/// conj(y) xi^((p-1)/2)), which acts on G2 as multiplication by p; and psi^2.
G2 psi(const G2 &q) noexcept;
G2 psi2(const G2 &q) noexcept;

/// Whether a point already on the twist lies in G2, by Scott's test for BN
/// curves (ePrint 2022/348; it holds since u != 4 mod 13 and u != 92 mod 97):
/// [u+1]Q + psi([u]Q) + psi^2([u]Q) = psi^3([2u]Q). One 63-bit scalar
/// multiplication instead of the 254-bit [r]Q.
bool isInG2(const G2Affine &q) noexcept;

} // namespace metis::precompiles::bn254

#endif // METIS_RUNTIME_LIB_PRECOMPILES_BN254_CURVE_H
