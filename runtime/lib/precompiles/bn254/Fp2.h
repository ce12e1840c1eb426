//===- Fp2.h - The quadratic extension Fp[i]/(i^2 + 1) ----------*- C++ -*-===//
//
// The field of G2's coordinates and the bottom of the Fp12 tower. Also home of
// xi = 9 + i, the non-residue that builds Fp6 and defines the twist.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP2_H
#define METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP2_H

#include "Fp.h"

namespace metis::precompiles::bn254 {

struct Fp2 {
  Fp c0, c1; // c0 + c1 * i

  static constexpr Fp2 zero() { return {Fp::zero(), Fp::zero()}; }
  static constexpr Fp2 one() { return {Fp::one(), Fp::zero()}; }
  /// Real part first, each a canonical hex value < p.
  static constexpr Fp2 fromHex(const char *re, const char *im) {
    return {Fp::fromHex(re), Fp::fromHex(im)};
  }

  constexpr bool isZero() const { return c0.isZero() && c1.isZero(); }
  friend constexpr bool operator==(const Fp2 &a, const Fp2 &b) {
    return a.c0 == b.c0 && a.c1 == b.c1;
  }

  friend constexpr Fp2 operator+(const Fp2 &a, const Fp2 &b) { return {a.c0 + b.c0, a.c1 + b.c1}; }
  friend constexpr Fp2 operator-(const Fp2 &a, const Fp2 &b) { return {a.c0 - b.c0, a.c1 - b.c1}; }
  friend constexpr Fp2 operator-(const Fp2 &a) { return {-a.c0, -a.c1}; }
  constexpr Fp2 dbl() const { return {c0.dbl(), c1.dbl()}; }
  constexpr Fp2 half() const { return {c0.half(), c1.half()}; }

  /// Karatsuba: three base multiplications.
  friend constexpr Fp2 operator*(const Fp2 &a, const Fp2 &b) {
    Fp t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
    return {t0 - t1, (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
  friend constexpr Fp2 operator*(const Fp2 &a, const Fp &b) { return {a.c0 * b, a.c1 * b}; }
  /// (a + bi)^2 = (a + b)(a - b) + 2ab i.
  constexpr Fp2 square() const { return {(c0 + c1) * (c0 - c1), (c0 * c1).dbl()}; }
  /// Times xi = 9 + i: (9a - b) + (a + 9b) i.
  constexpr Fp2 mulByXi() const {
    Fp a8 = c0.dbl().dbl().dbl(), b8 = c1.dbl().dbl().dbl();
    return {a8 + c0 - c1, b8 + c1 + c0};
  }
  /// The p-power Frobenius: p = 3 mod 4, so i^p = -i.
  constexpr Fp2 conj() const { return {c0, -c1}; }
  Fp2 inverse() const noexcept {
    Fp n = (c0.square() + c1.square()).inverse();
    return {c0 * n, -(c1 * n)};
  }

  Fp2 &operator+=(const Fp2 &o) { return *this = *this + o; }
  Fp2 &operator-=(const Fp2 &o) { return *this = *this - o; }
  Fp2 &operator*=(const Fp2 &o) { return *this = *this * o; }
};

} // namespace metis::precompiles::bn254

#endif // METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP2_H
