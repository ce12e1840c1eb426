//===- Fp.cpp - Inversion in the BN254 base field -------------------------===//
//
// GMP's extended GCD (already a dependency, for modexp) inverts in about a
// third of the time of Fermat's a^(p-2), which costs some 300 products; it is
// the bulk of an ecAdd, which converts its sum back to affine coordinates.
// The inputs are public, so nothing needs a constant-time inversion.
//
//===----------------------------------------------------------------------===//
#include "Fp.h"

#include <gmp.h>

namespace metis::precompiles::bn254 {

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NAIL_BITS == 0,
              "Fp limbs are passed to GMP as they are");

Fp Fp::inverse() const noexcept {
  if (isZero())
    return zero();
  // a R -> a -> a^-1 -> a^-1 R.
  Word a = toWord();
  mpz_t x, m, r;
  mpz_roinit_n(x, reinterpret_cast<const mp_limb_t *>(a.limbs), 4);
  mpz_roinit_n(m, reinterpret_cast<const mp_limb_t *>(kP.limbs), 4);
  mpz_init2(r, 256);
  mpz_invert(r, x, m);
  Word inv{};
  for (size_t i = 0; i < mpz_size(r); ++i)
    inv.limbs[i] = mpz_getlimbn(r, mp_size_t(i));
  mpz_clear(r);
  return fromCanonical(inv);
}

} // namespace metis::precompiles::bn254
