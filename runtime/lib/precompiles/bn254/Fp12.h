//===- Fp12.h - The Fp6 and Fp12 towers of the BN254 pairing ----*- C++ -*-===//
//
// Fp6 = Fp2[v]/(v^3 - xi) and Fp12 = Fp6[w]/(w^2 - v), xi = 9 + i: the tower
// the EIP-197 pairing lands in. An Fp12 element is sum g_k w^k with g_k in Fp2,
// stored as c0 = (g0, g2, g4) and c1 = (g1, g3, g5). Miller-loop lines touch
// only w^0, w^1 and w^3, hence the sparse product; the final exponentiation
// works in the cyclotomic subgroup, hence the Granger-Scott squaring.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP12_H
#define METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP12_H

#include "Fp2.h"

namespace metis::precompiles::bn254 {

struct Fp6 {
  Fp2 c0, c1, c2; // c0 + c1 v + c2 v^2

  static constexpr Fp6 zero() { return {Fp2::zero(), Fp2::zero(), Fp2::zero()}; }
  static constexpr Fp6 one() { return {Fp2::one(), Fp2::zero(), Fp2::zero()}; }
  constexpr bool isZero() const { return c0.isZero() && c1.isZero() && c2.isZero(); }
  friend constexpr bool operator==(const Fp6 &a, const Fp6 &b) {
    return a.c0 == b.c0 && a.c1 == b.c1 && a.c2 == b.c2;
  }

  friend constexpr Fp6 operator+(const Fp6 &a, const Fp6 &b) {
    return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2};
  }
  friend constexpr Fp6 operator-(const Fp6 &a, const Fp6 &b) {
    return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2};
  }
  friend constexpr Fp6 operator-(const Fp6 &a) { return {-a.c0, -a.c1, -a.c2}; }
  friend constexpr Fp6 operator*(const Fp6 &a, const Fp2 &b) {
    return {a.c0 * b, a.c1 * b, a.c2 * b};
  }
  friend Fp6 operator*(const Fp6 &a, const Fp6 &b) noexcept;
  Fp6 square() const noexcept;
  /// Times v: (c0, c1, c2) -> (xi c2, c0, c1).
  constexpr Fp6 mulByV() const { return {c2.mulByXi(), c0, c1}; }
  /// Times b0 + b1 v (five Fp2 products instead of six).
  Fp6 mulBy01(const Fp2 &b0, const Fp2 &b1) const noexcept;
  Fp6 inverse() const noexcept;
};

/// A Miller-loop line a + b w + c w^3.
struct Line {
  Fp2 a, b, c;
};

struct Fp12 {
  Fp6 c0, c1; // c0 + c1 w

  static constexpr Fp12 one() { return {Fp6::one(), Fp6::zero()}; }
  friend constexpr bool operator==(const Fp12 &a, const Fp12 &b) {
    return a.c0 == b.c0 && a.c1 == b.c1;
  }
  bool isOne() const { return *this == one(); }

  friend Fp12 operator*(const Fp12 &a, const Fp12 &b) noexcept;
  Fp12 square() const noexcept;
  /// Times a sparse line: 13 Fp2 products instead of 18.
  Fp12 mulByLine(const Line &line) const noexcept;
  /// The p^6-power Frobenius, c0 - c1 w: the inverse in the cyclotomic
  /// subgroup.
  constexpr Fp12 conj() const { return {c0, -c1}; }
  Fp12 inverse() const noexcept;
  /// x^p, x^(p^2), x^(p^3).
  Fp12 frobenius() const noexcept;
  Fp12 frobenius2() const noexcept;
  Fp12 frobenius3() const noexcept { return frobenius().frobenius2(); }
  /// The square of an element of the cyclotomic subgroup (any x^((p^6 - 1)
  /// (p^2 + 1))); wrong for anything else.
  Fp12 cyclotomicSquare() const noexcept;
};

/// xi^(k(p-1)/6) for k = 0..5: w^(kp) = w^k * kFrob1[k]. Entry 2 and 3 also
/// give the psi endomorphism on the twist.
inline constexpr Fp2 kFrob1[6] = {
    Fp2::one(),
    Fp2::fromHex("1284b71c2865a7dfe8b99fdd76e68b605c521e08292f2176d60b35dadcc9e470",
                 "246996f3b4fae7e6a6327cfe12150b8e747992778eeec7e5ca5cf05f80f362ac"),
    Fp2::fromHex("2fb347984f7911f74c0bec3cf559b143b78cc310c2c3330c99e39557176f553d",
                 "16c9e55061ebae204ba4cc8bd75a079432ae2a1d0b7c9dce1665d51c640fcba2"),
    Fp2::fromHex("063cf305489af5dcdc5ec698b6e2f9b9dbaae0eda9c95998dc54014671a0135a",
                 "07c03cbcac41049a0704b5a7ec796f2b21807dc98fa25bd282d37f632623b0e3"),
    Fp2::fromHex("05b54f5e64eea80180f3c0b75a181e84d33365f7be94ec72848a1f55921ea762",
                 "2c145edbe7fd8aee9f3a80b03b0b1c923685d2ea1bdec763c13b4711cd2b8126"),
    Fp2::fromHex("0183c1e74f798649e93a3661a4353ff4425c459b55aa1bd32ea2c810eab7692f",
                 "12acf2ca76fd0675a27fb246c7729f7db080cb99678e2ac024c6b8ee6e0c2c4b"),
};
/// xi^(k(p^2-1)/6) for k = 0..5, all in Fp (entry 3 is -1).
inline constexpr Fp kFrob2[6] = {
    Fp::one(),
    Fp::fromHex("30644e72e131a0295e6dd9e7e0acccb0c28f069fbb966e3de4bd44e5607cfd49"),
    Fp::fromHex("30644e72e131a0295e6dd9e7e0acccb0c28f069fbb966e3de4bd44e5607cfd48"),
    Fp::fromHex("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46"),
    Fp::fromHex("59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe"),
    Fp::fromHex("59e26bcea0d48bacd4f263f1acdb5c4f5763473177ffffff"),
};

} // namespace metis::precompiles::bn254

#endif // METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP12_H
