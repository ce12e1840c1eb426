//===- Fp.h - The BN254 base field in Montgomery form -----------*- C++ -*-===//
//
// The prime field of alt_bn128 (EIP-196/197), the base of every BN254 tower
// and curve in this folder. Debian 12 packages no C or C++ BN254 library, so
// metis carries its own.
//
// Elements are four 64-bit limbs holding a * 2^256 mod p, always fully reduced.
// p < 2^254 leaves two spare top bits, so sums never overflow the limbs and the
// Montgomery product can skip its extra carry word. Everything is constexpr,
// so the curve and tower constants below are converted at compile time.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP_H
#define METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP_H

#include "metis/runtime/Word.h"

#include <cstdint>
#include <optional>
#include <type_traits>
#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace metis::precompiles::bn254 {

/// p, the field modulus.
inline constexpr Word kP =
    Word::fromLimbs(0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029);
/// r, the order of G1, G2 and GT.
inline constexpr Word kR =
    Word::fromLimbs(0x43e1f593f0000001, 0x2833e84879b97091, 0xb85045b68181585d, 0x30644e72e131a029);
/// The BN parameter u (often x or z): p and r are polynomials in it.
inline constexpr uint64_t kU = 4965661367192848881;

/// 64-bit-limb hex, most significant digit first, at compile time. The value
/// must fit in 256 bits.
constexpr Word wordFromHex(const char *hex) {
  Word w{};
  for (; *hex; ++hex) {
    char c = *hex;
    uint64_t digit = c <= '9' ? uint64_t(c - '0') : uint64_t((c | 0x20) - 'a' + 10);
    w = (w << 4) | Word(digit);
  }
  return w;
}

/// Assembly for the Montgomery product on x86-64; define METIS_BN254_NO_ASM
/// to build (and test) the portable C++ alone.
#if defined(__x86_64__) && !defined(METIS_BN254_NO_ASM)
#define METIS_BN254_X86_ASM 1
#else
#define METIS_BN254_X86_ASM 0
#endif

namespace carry {
/// a + b + c with the carry in and out. On x86-64 the intrinsic, which GCC 12
/// turns into adc chains (its portable forms become setc/or sequences, at
/// about twice the cost); the portable form at compile time and elsewhere.
constexpr uint64_t add(uint64_t a, uint64_t b, unsigned char &c) {
#if defined(__x86_64__)
  if (!std::is_constant_evaluated()) {
    unsigned long long s;
    c = _addcarry_u64(c, a, b, &s);
    return s;
  }
#endif
  unsigned __int128 s = (unsigned __int128)a + b + c;
  c = (unsigned char)(s >> 64);
  return uint64_t(s);
}
/// a - b - c with the borrow in and out.
constexpr uint64_t sub(uint64_t a, uint64_t b, unsigned char &c) {
#if defined(__x86_64__)
  if (!std::is_constant_evaluated()) {
    unsigned long long d;
    c = _subborrow_u64(c, a, b, &d);
    return d;
  }
#endif
  unsigned __int128 d = (unsigned __int128)a - b - c;
  c = (unsigned char)((d >> 64) & 1);
  return uint64_t(d);
}
} // namespace carry

class Fp {
public:
  /// Montgomery form, least significant limb first, < p.
  uint64_t l[4];

  static constexpr Fp zero() { return {{0, 0, 0, 0}}; }
  /// R mod p, the Montgomery form of 1.
  static constexpr Fp one() {
    return {{0xd35d438dc58f0d9d, 0x0a78eb28f5c70b3d, 0x666ea36f7879462c, 0x0e0a77c19a07df2f}};
  }
  /// `w` must be < p.
  static constexpr Fp fromCanonical(const Word &w) {
    return Fp{{w.limbs[0], w.limbs[1], w.limbs[2], w.limbs[3]}} * r2();
  }
  static constexpr Fp fromHex(const char *hex) { return fromCanonical(wordFromHex(hex)); }
  static constexpr Fp fromUint(uint64_t v) { return fromCanonical(Word(v)); }
  /// 32 big-endian bytes; nullopt unless the value is < p.
  static std::optional<Fp> fromBigEndian(const uint8_t *p32) noexcept {
    Word w = Word::fromBigEndian(p32);
    if (!(w < kP))
      return std::nullopt;
    return fromCanonical(w);
  }

  constexpr Word toWord() const {
    Fp c = *this * Fp{{1, 0, 0, 0}};
    return Word::fromLimbs(c.l[0], c.l[1], c.l[2], c.l[3]);
  }
  void toBigEndian(uint8_t *out32) const noexcept { toWord().toBigEndian(out32); }

  constexpr bool isZero() const { return (l[0] | l[1] | l[2] | l[3]) == 0; }
  friend constexpr bool operator==(const Fp &a, const Fp &b) {
    return ((a.l[0] ^ b.l[0]) | (a.l[1] ^ b.l[1]) | (a.l[2] ^ b.l[2]) | (a.l[3] ^ b.l[3])) == 0;
  }

  friend constexpr Fp operator+(const Fp &a, const Fp &b) {
    Fp s{};
    unsigned char c = 0;
    for (int i = 0; i < 4; ++i)
      s.l[i] = carry::add(a.l[i], b.l[i], c);
    return s.reduceOnce();
  }
  friend constexpr Fp operator-(const Fp &a, const Fp &b) {
    Fp d{};
    unsigned char borrow = 0;
    for (int i = 0; i < 4; ++i)
      d.l[i] = carry::sub(a.l[i], b.l[i], borrow);
    // Add p back when the difference went negative, without a branch.
    uint64_t mask = -uint64_t(borrow);
    unsigned char c = 0;
    for (int i = 0; i < 4; ++i)
      d.l[i] = carry::add(d.l[i], kPLimbs[i] & mask, c);
    return d;
  }
  friend constexpr Fp operator-(const Fp &a) { return zero() - a; }
  constexpr Fp dbl() const { return *this + *this; }
  /// a / 2: add p when odd (p is odd), then shift; the sum fits in 255 bits.
  constexpr Fp half() const {
    uint64_t mask = -(l[0] & 1);
    Fp s{};
    unsigned char c = 0;
    for (int i = 0; i < 4; ++i)
      s.l[i] = carry::add(l[i], kPLimbs[i] & mask, c);
    for (int i = 0; i < 3; ++i)
      s.l[i] = (s.l[i] >> 1) | (s.l[i + 1] << 63);
    s.l[3] >>= 1;
    return s;
  }

  /// Montgomery product a * b / 2^256 mod p.
  friend constexpr Fp operator*(const Fp &a, const Fp &b) {
#if METIS_BN254_X86_ASM
    if (!std::is_constant_evaluated())
      return mulX86(a, b);
#endif
    return mulPortable(a, b);
  }
  /// The portable product (and the reference the tests hold the assembly to):
  /// CIOS with the spare-bit shortcut: p < 2^254, so the running total stays
  /// below 2p, in four limbs plus a top word that never overflows.
  static constexpr Fp mulPortable(const Fp &a, const Fp &b) {
    using U128 = unsigned __int128;
    uint64_t t[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
      // t += a * b[i]: the low halves, then the high halves one limb up.
      U128 prod[4];
      for (int j = 0; j < 4; ++j)
        prod[j] = U128(a.l[j]) * b.l[i];
      unsigned char c = 0;
      for (int j = 0; j < 4; ++j)
        t[j] = carry::add(t[j], uint64_t(prod[j]), c);
      uint64_t top = c;
      c = 0;
      for (int j = 1; j < 4; ++j)
        t[j] = carry::add(t[j], uint64_t(prod[j - 1] >> 64), c);
      top = carry::add(top, uint64_t(prod[3] >> 64), c);
      // t = (t + m p) / 2^64, with m chosen to clear the low limb.
      uint64_t m = t[0] * kPInv;
      for (int j = 0; j < 4; ++j)
        prod[j] = U128(m) * kPLimbs[j];
      c = 0;
      carry::add(t[0], uint64_t(prod[0]), c);
      for (int j = 1; j < 4; ++j)
        t[j] = carry::add(t[j], uint64_t(prod[j]), c);
      top = carry::add(top, 0, c);
      c = 0;
      for (int j = 1; j < 4; ++j)
        t[j - 1] = carry::add(t[j], uint64_t(prod[j - 1] >> 64), c);
      t[3] = carry::add(top, uint64_t(prod[3] >> 64), c);
    }
    return Fp{{t[0], t[1], t[2], t[3]}}.reduceOnce();
  }

  constexpr Fp square() const { return *this * *this; }
  Fp &operator+=(const Fp &o) { return *this = *this + o; }
  Fp &operator-=(const Fp &o) { return *this = *this - o; }
  Fp &operator*=(const Fp &o) { return *this = *this * o; }

  /// 1 / a; zero maps to zero.
  Fp inverse() const noexcept;

private:
  static constexpr uint64_t kPLimbs[4] = {kP.limbs[0], kP.limbs[1], kP.limbs[2], kP.limbs[3]};
  /// -p^-1 mod 2^64.
  static constexpr uint64_t kPInv = 0x87d20782e4866389;
  /// R^2 mod p: multiplying by it converts into Montgomery form.
  static constexpr Fp r2() {
    return {{0xf32cfc5b538afa89, 0xb5e71911d44501fb, 0x47ab1eff0a417ff6, 0x06d89f71cab8351f}};
  }

#if METIS_BN254_X86_ASM
  /// The same CIOS in x86-64 assembly (FpX86.cpp), where GCC 12 spills the
  /// portable form's 128-bit temporaries. Out of line, so the towers stay
  /// compact.
  static Fp mulX86(const Fp &a, const Fp &b) noexcept;
#endif

  /// Subtracts p once if the value is >= p (inputs are < 2p). A select per
  /// limb: GCC vectorizes a mask-and-or form through the stack.
  constexpr Fp reduceOnce() const {
    Fp d{};
    unsigned char borrow = 0;
    for (int i = 0; i < 4; ++i)
      d.l[i] = carry::sub(l[i], kPLimbs[i], borrow);
    for (int i = 0; i < 4; ++i)
      d.l[i] = borrow ? l[i] : d.l[i];
    return d;
  }
};

#if METIS_BN254_X86_ASM
/// The two assembly products behind Fp::operator*, for the tests: mulAdx
/// needs BMI2 and ADX (hasBmi2Adx()); mulMulq runs on any x86-64.
Fp mulMulq(const Fp &a, const Fp &b) noexcept;
Fp mulAdx(const Fp &a, const Fp &b) noexcept;
bool hasBmi2Adx() noexcept;
#endif

} // namespace metis::precompiles::bn254

#endif // METIS_RUNTIME_LIB_PRECOMPILES_BN254_FP_H
