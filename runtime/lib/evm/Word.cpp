//===- Word.cpp - Division, modular arithmetic and text for Word ----------===//
//
// Division is Knuth's algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit limbs.
// Quotient digits come from the reciprocal-based 2-by-1 and 3-by-2 divisions of
// Moller and Granlund ("Improved division by invariant integers", IEEE TC
// 2011): one hardware divide per call to get the reciprocal, then only
// multiplications, and a 3-by-2 estimate is at most one too large.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Word.h"

#include <algorithm>

namespace metis {
namespace {

using U128 = unsigned __int128;

constexpr uint64_t hi(U128 x) { return uint64_t(x >> 64); }
constexpr uint64_t lo(U128 x) { return uint64_t(x); }
constexpr U128 join(uint64_t h, uint64_t l) { return (U128(h) << 64) | l; }

/// Significant limbs: 0 for zero.
unsigned limbCount(const Word &w) { return (256 - w.countLeadingZeros() + 63) / 64; }

/// floor((2^128 - 1) / d) - 2^64 for d with its top bit set.
uint64_t reciprocal2by1(uint64_t d) noexcept {
  // ~d < d, so the quotient fits 64 bits: a single 128/64 hardware divide.
#if defined(__x86_64__)
  uint64_t q, r;
  asm("divq %[d]" : "=a"(q), "=d"(r) : "a"(~uint64_t(0)), "d"(~d), [d] "r"(d));
  return q;
#else
  return uint64_t(join(~d, ~uint64_t(0)) / d);
#endif
}

/// floor((2^192 - 1) / (d1, d0)) - 2^64 for d1 with its top bit set
/// (Moller-Granlund alg. 6).
uint64_t reciprocal3by2(uint64_t d1, uint64_t d0) noexcept {
  uint64_t v = reciprocal2by1(d1);
  uint64_t p = d1 * v + d0;
  if (p < d0) {
    --v;
    if (p >= d1) {
      --v;
      p -= d1;
    }
    p -= d1;
  }
  U128 t = U128(v) * d0;
  p += hi(t);
  if (p < hi(t)) {
    --v;
    if (join(p, lo(t)) >= join(d1, d0))
      --v;
  }
  return v;
}

struct Div2by1 {
  uint64_t quot, rem;
};

/// (u1, u0) / d for any nonzero d and u1 < d (so the quotient fits 64 bits): one hardware
/// divide.
inline Div2by1 divide128by64(uint64_t u1, uint64_t u0, uint64_t d) noexcept {
#if defined(__x86_64__)
  uint64_t q, r;
  asm("divq %[d]" : "=a"(q), "=d"(r) : "a"(u0), "d"(u1), [d] "r"(d));
  return {q, r};
#else
  U128 u = join(u1, u0);
  return {uint64_t(u / d), uint64_t(u % d)};
#endif
}

/// (u1, u0) / d for normalised d and u1 < d; v = reciprocal2by1(d).
inline Div2by1 div2by1(uint64_t u1, uint64_t u0, uint64_t d, uint64_t v) noexcept {
  // No overflow: u1 < d bounds v * u1 + (u1, u0) below 2^128.
  U128 q = U128(v) * u1 + join(u1, u0);
  uint64_t q1 = hi(q) + 1, q0 = lo(q);
  uint64_t r = u0 - q1 * d;
  if (r > q0) {
    --q1;
    r += d;
  }
  if (__builtin_expect(r >= d, 0)) {
    ++q1;
    r -= d;
  }
  return {q1, r};
}

struct Div3by2 {
  uint64_t quot;
  U128 rem;
};

/// (u2, u1, u0) / (d1, d0) for normalised d1 and (u2, u1) < (d1, d0); v =
/// reciprocal3by2.
inline Div3by2 div3by2(uint64_t u2, uint64_t u1, uint64_t u0, uint64_t d1, uint64_t d0,
                       uint64_t v) noexcept {
  U128 d = join(d1, d0);
  U128 q = U128(v) * u2 + join(u2, u1);
  uint64_t q1 = hi(q), q0 = lo(q);
  uint64_t r1 = u1 - q1 * d1;
  U128 r = join(r1, u0) - U128(d0) * q1 - d;
  ++q1;
  if (hi(r) >= q0) {
    --q1;
    r += d;
  }
  if (__builtin_expect(r >= d, 0)) {
    ++q1;
    r -= d;
  }
  return {q1, r};
}

/// x[0..len) -= y[0..len) * m; returns the limb borrowed out of the top.
uint64_t subMul(uint64_t *x, const uint64_t *y, unsigned len, uint64_t m) noexcept {
  uint64_t borrow = 0;
  for (unsigned i = 0; i < len; ++i) {
    U128 p = U128(y[i]) * m + borrow;
    uint64_t t = x[i] - lo(p);
    borrow = hi(p) + (x[i] < lo(p));
    x[i] = t;
  }
  return borrow;
}

/// x[0..len) += y[0..len), dropping the carry out.
void addTo(uint64_t *x, const uint64_t *y, unsigned len) noexcept {
  bool c = false;
  for (unsigned i = 0; i < len; ++i)
    x[i] = detail::addCarry(x[i], y[i], c);
}

/// out = x << s over len limbs (s < 64); returns the bits shifted out of the
/// top.
uint64_t shiftLeft(const uint64_t *x, unsigned len, unsigned s, uint64_t *out) noexcept {
  // (y >> 1) >> (63 - s) is y >> (64 - s) without the undefined shift by 64 at
  // s = 0.
  uint64_t top = (x[len - 1] >> 1) >> (63 - s);
  for (unsigned i = len - 1; i > 0; --i)
    out[i] = (x[i] << s) | ((x[i - 1] >> 1) >> (63 - s));
  out[0] = x[0] << s;
  return top;
}

/// The len-limb u divided by the nonzero d: len quotient limbs to q (which may
/// alias u), returns the remainder.
uint64_t divRemLimb(const uint64_t *u, unsigned len, uint64_t d, uint64_t *q) noexcept {
  unsigned s = unsigned(__builtin_clzll(d));
  uint64_t dn = d << s, v = reciprocal2by1(dn);
  // Normalise on the fly; the running remainder starts as the bits shifted out
  // of the top.
  uint64_t r = (u[len - 1] >> 1) >> (63 - s);
  for (unsigned i = len; i-- > 0;) {
    uint64_t limb = (u[i] << s) | (i ? (u[i - 1] >> 1) >> (63 - s) : 0);
    Div2by1 qr = div2by1(r, limb, dn, v);
    q[i] = qr.quot;
    r = qr.rem;
  }
  return r >> s;
}

/// The m-limb u divided by the 2-limb d (d1 != 0): m - 1 quotient limbs to q
/// unless it is null, returns the remainder. Knuth D with n = 2 is a chain of
/// 3-by-2 divisions, kept in registers here because 4-by-2 limbs is the common
/// shape of a 256-bit DIV.
U128 divRem2(const uint64_t *u, unsigned m, uint64_t d1, uint64_t d0, uint64_t *q) noexcept {
  unsigned s = unsigned(__builtin_clzll(d1));
  uint64_t dn1 = (d1 << s) | ((d0 >> 1) >> (63 - s)), dn0 = d0 << s;
  uint64_t v = reciprocal3by2(dn1, dn0);
  auto limbAt = [&](unsigned i) { // limb i of u << s
    return (u[i] << s) | (i ? (u[i - 1] >> 1) >> (63 - s) : 0);
  };
  // The first window's top two limbs are the bits shifted out and the top limb.
  U128 r = join((u[m - 1] >> 1) >> (63 - s), limbAt(m - 1));
  for (unsigned j = m - 1; j-- > 0;) {
    Div3by2 qr = div3by2(hi(r), lo(r), limbAt(j), dn1, dn0, v);
    if (q)
      q[j] = qr.quot;
    r = qr.rem;
  }
  return r >> s;
}

/// Knuth D for an N-limb divisor (3 <= N <= 4, d[N-1] != 0) and an m-limb
/// dividend (N <= m <= 8). Writes m - N + 1 quotient limbs to q unless it is
/// null, N remainder limbs to r.
template <unsigned N>
void divRemKnuth(const uint64_t *u, unsigned m, const uint64_t *d, uint64_t *q,
                 uint64_t *r) noexcept {
  unsigned s = unsigned(__builtin_clzll(d[N - 1]));
  uint64_t dn[N], un[9];
  shiftLeft(d, N, s, dn);
  un[m] = shiftLeft(u, m, s, un);
  uint64_t d1 = dn[N - 1], d0 = dn[N - 2];
  uint64_t v = reciprocal3by2(d1, d0);

  for (unsigned j = m - N + 1; j-- > 0;) {
    // The window w[0..N] is below dn * 2^64, so (w[N], w[N-1]) <= (d1, d0).
    uint64_t *w = un + j;
    uint64_t digit;
    if (__builtin_expect(w[N] == d1 && w[N - 1] == d0, 0)) {
      // The window is at least (d1, d0) * 2^(64(N-1)) and dn is below
      // (d1, d0 + 1) * 2^(64(N-2)), which pins the digit to exactly 2^64 - 1.
      digit = ~uint64_t(0);
      subMul(w, dn, N, digit);
    } else {
      Div3by2 est = div3by2(w[N], w[N - 1], w[N - 2], d1, d0, v);
      digit = est.quot;
      // The remainder's top two limbs are known; finish the low ones.
      uint64_t borrow = subMul(w, dn, N - 2, digit);
      bool b = false;
      w[N - 2] = detail::subBorrow(lo(est.rem), borrow, b);
      w[N - 1] = detail::subBorrow(hi(est.rem), 0, b);
      if (__builtin_expect(b, 0)) {
        // The estimate was one too large (probability ~2^-64): add back.
        --digit;
        addTo(w, dn, N);
      }
    }
    if (q)
      q[j] = digit;
  }

  for (unsigned i = 0; i + 1 < N; ++i)
    r[i] = (un[i] >> s) | ((un[i + 1] << 1) << (63 - s));
  r[N - 1] = un[N - 1] >> s;
}

/// The m-limb u (m <= 8) divided by the nonzero d with n significant limbs, n
/// <= m. Writes m - n + 1 quotient limbs to q unless it is null (n == 1 needs
/// q), returns the remainder.
Word divRem(const uint64_t *u, unsigned m, const Word &d, unsigned n, uint64_t *q) noexcept {
  Word r{};
  switch (n) {
  case 1:
    r.limbs[0] = divRemLimb(u, m, d.limbs[0], q);
    break;
  case 2: {
    U128 r2 = divRem2(u, m, d.limbs[1], d.limbs[0], q);
    r.limbs[0] = lo(r2);
    r.limbs[1] = hi(r2);
    break;
  }
  case 3:
    divRemKnuth<3>(u, m, d.limbs, q, r.limbs);
    break;
  default:
    divRemKnuth<4>(u, m, d.limbs, q, r.limbs);
    break;
  }
  return r;
}

struct DivRem {
  Word quot, rem;
};

DivRem udivrem(const Word &a, const Word &b) noexcept {
  DivRem res{};
  unsigned n = limbCount(b);
  if (n == 0)
    return res;
  if (a < b) {
    res.rem = a;
    return res;
  }
  if (a.fitsUint64()) { // then so does b
    res.quot = a.limbs[0] / b.limbs[0];
    res.rem = a.limbs[0] % b.limbs[0];
    return res;
  }
  res.rem = divRem(a.limbs, limbCount(a), b, n, res.quot.limbs);
  return res;
}

/// u mod m for a dividend of up to 8 limbs and a nonzero m.
Word remainder(const uint64_t *u, unsigned len, const Word &m) noexcept {
  while (len && !u[len - 1])
    --len;
  unsigned n = limbCount(m);
  Word r{};
  if (len < n) {
    std::copy(u, u + len, r.limbs);
    return r;
  }
  uint64_t q[8];
  return divRem(u, len, m, n, q);
}

/// r = r * mul + add; returns the limb carried out of the top.
uint64_t mulAddSmall(Word &r, uint64_t mul, uint64_t add) noexcept {
  uint64_t carry = add;
  for (uint64_t &limb : r.limbs) {
    U128 t = U128(limb) * mul + carry;
    limb = lo(t);
    carry = hi(t);
  }
  return carry;
}

/// A short division: a dividend below 2^128 and a nonzero divisor below 2^64, the shape
/// of fixed-point code (snailtracer's half a million SDIVs a run are 92% of it). One or two
/// hardware divides, and the words built once from registers: going through udivrem's
/// struct in memory cost a store-forwarding stall per call, most of a short division.
struct ShortDivision {
  uint64_t q0, q1, r;
};
inline ShortDivision divideShort(uint64_t a1, uint64_t a0, uint64_t d) noexcept {
  if (a1 == 0)
    return {a0 / d, 0, a0 % d};
  const Div2by1 low = divide128by64(a1 % d, a0, d);
  return {low.quot, a1 / d, low.rem};
}

/// |w| as two limbs, if it is below 2^128.
inline bool magnitude128(const Word &w, uint64_t &hi, uint64_t &lo) noexcept {
  uint64_t l0 = w.limbs[0], l1 = w.limbs[1], l2 = w.limbs[2], l3 = w.limbs[3];
  if (w.isNegative()) {
    // Two's complement of the low 128 bits; the top must be all ones.
    if ((l2 & l3) != ~uint64_t(0) || !(l1 >> 63))
      return false;
    bool borrow = false;
    lo = detail::subBorrow(0, l0, borrow);
    hi = detail::subBorrow(0, l1, borrow);
    return true;
  }
  if (l2 | l3)
    return false;
  hi = l1;
  lo = l0;
  return true;
}

/// (hi, lo) negated if `negative`, sign-extended to a word.
inline Word signed128(uint64_t hi, uint64_t lo, bool negative) noexcept {
  if (!negative)
    return Word::fromLimbs(lo, hi, 0, 0);
  bool borrow = false;
  uint64_t n0 = detail::subBorrow(0, lo, borrow), n1 = detail::subBorrow(0, hi, borrow);
  uint64_t ext = (hi | lo) ? ~uint64_t(0) : 0;
  return Word::fromLimbs(n0, n1, ext, ext);
}

} // namespace

Word udiv(const Word &a, const Word &b) noexcept {
  if (b.fitsUint64() && b.limbs[0] && (a.limbs[2] | a.limbs[3]) == 0) {
    ShortDivision d = divideShort(a.limbs[1], a.limbs[0], b.limbs[0]);
    return Word::fromLimbs(d.q0, d.q1, 0, 0);
  }
  return udivrem(a, b).quot;
}

Word urem(const Word &a, const Word &b) noexcept {
  if (b.fitsUint64() && b.limbs[0] && (a.limbs[2] | a.limbs[3]) == 0)
    return Word(divideShort(a.limbs[1], a.limbs[0], b.limbs[0]).r);
  return udivrem(a, b).rem;
}

Word sdiv(const Word &a, const Word &b) noexcept {
  uint64_t a1, a0, b1, b0;
  if (magnitude128(a, a1, a0) && magnitude128(b, b1, b0) && b1 == 0 && b0 != 0) {
    ShortDivision d = divideShort(a1, a0, b0);
    return signed128(d.q1, d.q0, a.isNegative() != b.isNegative());
  }
  bool negA = a.isNegative(), negB = b.isNegative();
  // INT_MIN / -1 needs no case: |INT_MIN| reads as 2^255 unsigned and negates
  // back to itself.
  Word q = udiv(negA ? -a : a, negB ? -b : b);
  return negA != negB ? -q : q;
}

Word smod(const Word &a, const Word &b) noexcept {
  uint64_t a1, a0, b1, b0;
  if (magnitude128(a, a1, a0) && magnitude128(b, b1, b0) && b1 == 0 && b0 != 0)
    return signed128(0, divideShort(a1, a0, b0).r, a.isNegative());
  bool negA = a.isNegative();
  Word r = urem(negA ? -a : a, b.isNegative() ? -b : b);
  return negA ? -r : r;
}

Word addmod(const Word &a, const Word &b, const Word &m) noexcept {
  if (m.isZero())
    return Word{};
  uint64_t sum[5];
  bool c = false;
  for (int i = 0; i < 4; ++i)
    sum[i] = detail::addCarry(a.limbs[i], b.limbs[i], c);
  sum[4] = c;
  if (a < m && b < m) {
    // Reduced operands (the usual case): the sum is below 2m, so one
    // subtraction suffices, and when the sum overflowed 2^256 the wrapped
    // difference is still right.
    Word s = Word::fromLimbs(sum[0], sum[1], sum[2], sum[3]);
    return (c || s >= m) ? s - m : s;
  }
  return remainder(sum, 5, m);
}

Word mulmod(const Word &a, const Word &b, const Word &m) noexcept {
  if (m.isZero())
    return Word{};
  unsigned na = limbCount(a), nb = limbCount(b);
  uint64_t p[8] = {};
  for (unsigned i = 0; i < na; ++i) {
    uint64_t k = 0;
    for (unsigned j = 0; j < nb; ++j) {
      U128 t = U128(a.limbs[i]) * b.limbs[j] + p[i + j] + k;
      p[i + j] = lo(t);
      k = hi(t);
    }
    p[i + nb] = k;
  }
  return remainder(p, na + nb, m);
}

Word exp(const Word &base, const Word &exponent) noexcept {
  // 2**n is common enough in compiled Solidity to be worth a shift.
  if (base == 2)
    return exponent < 256 ? Word(1) << exponent.low64() : Word{};
  Word result = 1, power = base;
  unsigned bits = 256 - exponent.countLeadingZeros();
  for (unsigned i = 0; i < bits; ++i) {
    // Select rather than branch: exponent bits are unpredictable, and the extra
    // product overlaps with the squaring, which it does not depend on.
    Word product = result * power;
    uint64_t take = -uint64_t(exponent.bit(i));
    for (int k = 0; k < 4; ++k)
      result.limbs[k] = (product.limbs[k] & take) | (result.limbs[k] & ~take);
    power *= power;
  }
  return result;
}

Bytes Word::toBigEndianTrimmed() const {
  uint8_t buf[32];
  toBigEndian(buf);
  return Bytes(buf + (32 - byteLength()), buf + 32);
}

std::optional<Word> Word::fromHex(std::string_view s) {
  s = stripHexPrefix(s);
  size_t first = 0;
  while (first < s.size() && s[first] == '0')
    ++first;
  s.remove_prefix(first);
  if (s.size() > 64)
    return std::nullopt;
  Word r{};
  for (size_t i = 0; i < s.size(); ++i) {
    int v = hexDigit(s[s.size() - 1 - i]);
    if (v < 0)
      return std::nullopt;
    r.limbs[i / 16] |= uint64_t(v) << (i % 16 * 4);
  }
  return r;
}

std::optional<Word> Word::fromDecimal(std::string_view s) {
  if (s.empty())
    return std::nullopt;
  Word r{};
  for (char c : s) {
    if (c < '0' || c > '9' || mulAddSmall(r, 10, uint64_t(c - '0')))
      return std::nullopt;
  }
  return r;
}

std::string Word::toHex() const {
  static constexpr char digits[] = "0123456789abcdef";
  unsigned n = (256 - countLeadingZeros() + 3) / 4;
  if (n == 0)
    return "0x0";
  std::string s(2 + n, '0');
  s[1] = 'x';
  for (unsigned i = 0; i < n; ++i)
    s[1 + n - i] = digits[(limbs[i / 16] >> (i % 16 * 4)) & 0xf];
  return s;
}

std::string Word::toDecimal() const {
  if (isZero())
    return "0";
  // Peel off 19 digits per division, the most a limb holds.
  constexpr uint64_t chunk = 10'000'000'000'000'000'000ULL;
  Word x = *this;
  std::string s;
  while (!x.isZero()) {
    uint64_t rem = divRemLimb(x.limbs, 4, chunk, x.limbs);
    for (int i = 0; i < 19 && (rem || !x.isZero()); ++i) {
      s.push_back(char('0' + rem % 10));
      rem /= 10;
    }
  }
  std::reverse(s.begin(), s.end());
  return s;
}

} // namespace metis
