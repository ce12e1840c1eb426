//===- Pairing.h - The optimal ate pairing on BN254 -------------*- C++ -*-===//
//
// What ecPairing (EIP-197) needs: whether a product of pairings is one. Every
// pair shares one Miller loop (one Fp12 squaring per step for all of them) and
// the product takes one final exponentiation.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_BN254_PAIRING_H
#define METIS_RUNTIME_LIB_PRECOMPILES_BN254_PAIRING_H

#include "Curve.h"

#include <span>

namespace metis::precompiles::bn254 {

struct PairingInput {
  G1Affine p;
  G2Affine q; // in G2
};

/// The product over the pairs of the Miller loop f_{6u+2,Q}(P) times the two
/// Frobenius-twisted lines of the optimal ate pairing. Pairs with a point at
/// infinity contribute one.
Fp12 millerLoop(std::span<const PairingInput> pairs) noexcept;

/// f^(c (p^12 - 1) / r) for the fixed c = 2u(6u^2 + 3u + 1), coprime to r
/// (Fuentes-Castaneda, Knapp and Rodriguez-Henriquez's exponent, which has
/// short coefficients in base p). A power of the pairing by a unit of Z/r is
/// still a non-degenerate bilinear pairing, and is one exactly when it is.
Fp12 finalExponentiation(const Fp12 &f) noexcept;

/// e(P, Q) (to the power c above).
inline Fp12 pairing(const G1Affine &p, const G2Affine &q) noexcept {
  PairingInput in{p, q};
  return finalExponentiation(millerLoop({&in, 1}));
}

/// Whether prod e(P_i, Q_i) = 1; true for no pairs.
inline bool pairingProductIsOne(std::span<const PairingInput> pairs) noexcept {
  return finalExponentiation(millerLoop(pairs)).isOne();
}

} // namespace metis::precompiles::bn254

#endif // METIS_RUNTIME_LIB_PRECOMPILES_BN254_PAIRING_H
