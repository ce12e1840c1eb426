//===- Word.h - The 256-bit EVM word ----------------------------*- C++ -*-===//
//
// The value type of the EVM stack: an unsigned 256-bit integer with all
// arithmetic modulo 2^256, plus the EVM's signed and modular opcodes as free
// functions. Four 64-bit limbs, least significant first: 32 bytes, trivially
// copyable.
//
// We write our own rather than use intx (the natural choice, and the speed bar)
// because intx has no Debian package and only Debian packages may be used.
// Everything cheap is inline here; the division family (Knuth's algorithm D on
// 64-bit limbs) lives in Word.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_WORD_H
#define METIS_RUNTIME_WORD_H

#include "metis/runtime/Bytes.h"

#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace metis {

namespace detail {
/// x + y + carry; the carry is updated in place. GCC 12 has no
/// __builtin_addcll, and this form lowers to add/setc without branches.
constexpr uint64_t addCarry(uint64_t x, uint64_t y, bool &carry) noexcept {
  uint64_t s;
  bool c1 = __builtin_add_overflow(x, y, &s);
  bool c2 = __builtin_add_overflow(s, uint64_t(carry), &s);
  carry = c1 | c2;
  return s;
}
/// x - y - borrow; the borrow is updated in place.
constexpr uint64_t subBorrow(uint64_t x, uint64_t y, bool &borrow) noexcept {
  uint64_t d;
  bool b1 = __builtin_sub_overflow(x, y, &d);
  bool b2 = __builtin_sub_overflow(d, uint64_t(borrow), &d);
  borrow = b1 | b2;
  return d;
}
inline uint64_t loadBigEndian64(const uint8_t *p) noexcept {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::little)
    v = __builtin_bswap64(v);
  return v;
}
inline void storeBigEndian64(uint8_t *p, uint64_t v) noexcept {
  if constexpr (std::endian::native == std::endian::little)
    v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
}
} // namespace detail

struct Word {
  uint64_t limbs[4]; // limbs[0] is the least significant

  /// Word{} is zero; a default-initialised Word is left uninitialised (the
  /// stack relies on it).
  Word() = default;
  /// Implicit so `w + 1` and `w == 0` read naturally. Beware: Word(-1) is
  /// 2^64 - 1, not all ones (the int converts to uint64_t first); all ones is
  /// ~Word{}.
  constexpr Word(uint64_t v) noexcept : limbs{v, 0, 0, 0} {}

  static constexpr Word fromLimbs(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3) noexcept {
    Word r{};
    r.limbs[0] = l0;
    r.limbs[1] = l1;
    r.limbs[2] = l2;
    r.limbs[3] = l3;
    return r;
  }

  /// Exactly 32 big-endian bytes.
  static Word fromBigEndian(const uint8_t *p32) noexcept {
    return fromLimbs(detail::loadBigEndian64(p32 + 24), detail::loadBigEndian64(p32 + 16),
                     detail::loadBigEndian64(p32 + 8), detail::loadBigEndian64(p32));
  }
  /// The value of up to 32 big-endian bytes (right-aligned, as PUSHn and
  /// CALLDATALOAD want). Longer input keeps its low 32 bytes, i.e. the value
  /// mod 2^256.
  static Word fromBigEndian(BytesView b) noexcept {
    if (b.size() >= 32)
      return fromBigEndian(b.data() + (b.size() - 32));
    uint8_t buf[32] = {};
    if (!b.empty())
      std::memcpy(buf + (32 - b.size()), b.data(), b.size());
    return fromBigEndian(buf);
  }
  void toBigEndian(uint8_t *out32) const noexcept {
    detail::storeBigEndian64(out32, limbs[3]);
    detail::storeBigEndian64(out32 + 8, limbs[2]);
    detail::storeBigEndian64(out32 + 16, limbs[1]);
    detail::storeBigEndian64(out32 + 24, limbs[0]);
  }
  static Word fromBytes32(const Bytes32 &b) noexcept { return fromBigEndian(b.data()); }
  Bytes32 toBytes32() const noexcept {
    Bytes32 b;
    toBigEndian(b.data());
    return b;
  }
  static Word fromAddress(const Address &a) noexcept {
    return fromBigEndian(BytesView(a.data(), Address::size()));
  }
  /// The low 20 bytes; the high 12 are dropped, as the EVM does for address
  /// operands.
  Address toAddress() const noexcept {
    uint8_t buf[32];
    toBigEndian(buf);
    Address a;
    std::memcpy(a.data(), buf + 12, 20);
    return a;
  }
  /// Minimal big-endian bytes: no leading zeros, empty for zero (RLP's integer
  /// encoding).
  Bytes toBigEndianTrimmed() const;

  /// Optional 0x; any number of leading zeros; nullopt on a bad digit or a
  /// value >= 2^256.
  static std::optional<Word> fromHex(std::string_view s);
  /// Decimal digits only; nullopt on a bad digit, empty input or a value >=
  /// 2^256.
  static std::optional<Word> fromDecimal(std::string_view s);
  /// "0x" and minimal lower-case digits; "0x0" for zero.
  std::string toHex() const;
  std::string toDecimal() const;

  constexpr bool isZero() const noexcept {
    return (limbs[0] | limbs[1] | limbs[2] | limbs[3]) == 0;
  }
  constexpr explicit operator bool() const noexcept { return !isZero(); }
  constexpr uint64_t low64() const noexcept { return limbs[0]; }
  constexpr bool fitsUint64() const noexcept { return (limbs[1] | limbs[2] | limbs[3]) == 0; }
  /// 256 for zero.
  constexpr unsigned countLeadingZeros() const noexcept {
    for (int i = 3; i >= 0; --i)
      if (limbs[i])
        return unsigned(3 - i) * 64 + unsigned(__builtin_clzll(limbs[i]));
    return 256;
  }
  /// Number of significant bytes, 0 for zero (EXP's gas is charged on it).
  constexpr unsigned byteLength() const noexcept { return (256 - countLeadingZeros() + 7) / 8; }
  constexpr bool bit(unsigned i) const noexcept { return (limbs[i / 64] >> (i % 64)) & 1; }
  /// The sign bit of the two's complement reading.
  constexpr bool isNegative() const noexcept { return limbs[3] >> 63; }

  friend constexpr Word operator+(const Word &a, const Word &b) noexcept {
    Word r{};
    bool c = false;
    r.limbs[0] = detail::addCarry(a.limbs[0], b.limbs[0], c);
    r.limbs[1] = detail::addCarry(a.limbs[1], b.limbs[1], c);
    r.limbs[2] = detail::addCarry(a.limbs[2], b.limbs[2], c);
    r.limbs[3] = a.limbs[3] + b.limbs[3] + uint64_t(c);
    return r;
  }
  friend constexpr Word operator-(const Word &a, const Word &b) noexcept {
    Word r{};
    bool c = false;
    r.limbs[0] = detail::subBorrow(a.limbs[0], b.limbs[0], c);
    r.limbs[1] = detail::subBorrow(a.limbs[1], b.limbs[1], c);
    r.limbs[2] = detail::subBorrow(a.limbs[2], b.limbs[2], c);
    r.limbs[3] = a.limbs[3] - b.limbs[3] - uint64_t(c);
    return r;
  }
  friend constexpr Word operator-(const Word &a) noexcept { return Word{} - a; }
  friend constexpr Word operator*(const Word &a, const Word &b) noexcept {
    // Schoolbook, keeping only the ten products that land below 2^256; the top
    // column needs just the low halves. Unrolled by hand so -O2 builds get
    // straight-line code too.
    using U128 = unsigned __int128;
    const uint64_t *x = a.limbs, *y = b.limbs;
    U128 t = U128(x[0]) * y[0];
    uint64_t r0 = uint64_t(t);
    t = U128(x[0]) * y[1] + uint64_t(t >> 64);
    uint64_t r1 = uint64_t(t);
    t = U128(x[0]) * y[2] + uint64_t(t >> 64);
    uint64_t r2 = uint64_t(t);
    uint64_t r3 = x[0] * y[3] + uint64_t(t >> 64);
    t = U128(x[1]) * y[0] + r1;
    r1 = uint64_t(t);
    t = U128(x[1]) * y[1] + r2 + uint64_t(t >> 64);
    r2 = uint64_t(t);
    r3 += x[1] * y[2] + uint64_t(t >> 64);
    t = U128(x[2]) * y[0] + r2;
    r2 = uint64_t(t);
    r3 += x[2] * y[1] + uint64_t(t >> 64) + x[3] * y[0];
    return fromLimbs(r0, r1, r2, r3);
  }
  friend constexpr Word operator~(const Word &a) noexcept {
    return fromLimbs(~a.limbs[0], ~a.limbs[1], ~a.limbs[2], ~a.limbs[3]);
  }
  friend constexpr Word operator&(const Word &a, const Word &b) noexcept {
    return fromLimbs(a.limbs[0] & b.limbs[0], a.limbs[1] & b.limbs[1], a.limbs[2] & b.limbs[2],
                     a.limbs[3] & b.limbs[3]);
  }
  friend constexpr Word operator|(const Word &a, const Word &b) noexcept {
    return fromLimbs(a.limbs[0] | b.limbs[0], a.limbs[1] | b.limbs[1], a.limbs[2] | b.limbs[2],
                     a.limbs[3] | b.limbs[3]);
  }
  friend constexpr Word operator^(const Word &a, const Word &b) noexcept {
    return fromLimbs(a.limbs[0] ^ b.limbs[0], a.limbs[1] ^ b.limbs[1], a.limbs[2] ^ b.limbs[2],
                     a.limbs[3] ^ b.limbs[3]);
  }
  /// Shifts of 256 or more give zero.
  friend constexpr Word operator<<(const Word &x, uint64_t s) noexcept {
    Word r{};
    if (s >= 256)
      return r;
    unsigned limbShift = unsigned(s / 64), bitShift = unsigned(s % 64);
    for (unsigned i = 0; i + limbShift < 4; ++i) {
      // (y >> 1) >> (63 - n) is y >> (64 - n), minus the UB of a 64-bit shift.
      uint64_t carried = i ? (x.limbs[i - 1] >> 1) >> (63 - bitShift) : 0;
      r.limbs[i + limbShift] = (x.limbs[i] << bitShift) | carried;
    }
    return r;
  }
  friend constexpr Word operator>>(const Word &x, uint64_t s) noexcept {
    Word r{};
    if (s >= 256)
      return r;
    unsigned limbShift = unsigned(s / 64), bitShift = unsigned(s % 64);
    for (unsigned i = limbShift; i < 4; ++i) {
      uint64_t carried = i < 3 ? (x.limbs[i + 1] << 1) << (63 - bitShift) : 0;
      r.limbs[i - limbShift] = (x.limbs[i] >> bitShift) | carried;
    }
    return r;
  }

  friend constexpr bool operator==(const Word &a, const Word &b) noexcept {
    return ((a.limbs[0] ^ b.limbs[0]) | (a.limbs[1] ^ b.limbs[1]) | (a.limbs[2] ^ b.limbs[2]) |
            (a.limbs[3] ^ b.limbs[3])) == 0;
  }
  /// Unsigned order, from the borrow of a - b: branch-free, unlike a
  /// limb-by-limb scan.
  friend constexpr bool operator<(const Word &a, const Word &b) noexcept {
    bool c = false;
    detail::subBorrow(a.limbs[0], b.limbs[0], c);
    detail::subBorrow(a.limbs[1], b.limbs[1], c);
    detail::subBorrow(a.limbs[2], b.limbs[2], c);
    detail::subBorrow(a.limbs[3], b.limbs[3], c);
    return c;
  }
  friend constexpr bool operator>(const Word &a, const Word &b) noexcept { return b < a; }
  friend constexpr bool operator<=(const Word &a, const Word &b) noexcept { return !(b < a); }
  friend constexpr bool operator>=(const Word &a, const Word &b) noexcept { return !(a < b); }
  friend constexpr std::strong_ordering operator<=>(const Word &a, const Word &b) noexcept {
    for (int i = 3; i >= 0; --i)
      if (a.limbs[i] != b.limbs[i])
        return a.limbs[i] <=> b.limbs[i];
    return std::strong_ordering::equal;
  }

  constexpr Word &operator+=(const Word &b) noexcept { return *this = *this + b; }
  constexpr Word &operator-=(const Word &b) noexcept { return *this = *this - b; }
  constexpr Word &operator*=(const Word &b) noexcept { return *this = *this * b; }
  constexpr Word &operator&=(const Word &b) noexcept { return *this = *this & b; }
  constexpr Word &operator|=(const Word &b) noexcept { return *this = *this | b; }
  constexpr Word &operator^=(const Word &b) noexcept { return *this = *this ^ b; }
  constexpr Word &operator<<=(uint64_t s) noexcept { return *this = *this << s; }
  constexpr Word &operator>>=(uint64_t s) noexcept { return *this = *this >> s; }
};

static_assert(sizeof(Word) == 32 && std::is_trivially_copyable_v<Word> &&
              std::is_trivially_default_constructible_v<Word>);

/// The EVM's division family: a zero divisor or modulus gives zero rather than
/// trapping.
Word udiv(const Word &a, const Word &b) noexcept;
Word urem(const Word &a, const Word &b) noexcept;
/// Two's complement; INT_MIN / -1 wraps to INT_MIN.
Word sdiv(const Word &a, const Word &b) noexcept;
/// The result takes the sign of a.
Word smod(const Word &a, const Word &b) noexcept;
/// (a + b) mod m computed on the 257-bit sum.
Word addmod(const Word &a, const Word &b, const Word &m) noexcept;
/// (a * b) mod m computed on the 512-bit product.
Word mulmod(const Word &a, const Word &b, const Word &m) noexcept;
/// base^exponent mod 2^256.
Word exp(const Word &base, const Word &exponent) noexcept;

/// EVM SHL: shifts of 256 or more give zero.
constexpr Word shl(const Word &shift, const Word &value) noexcept {
  return shift.fitsUint64() ? value << shift.low64() : Word{};
}
/// EVM SHR (logical).
constexpr Word shr(const Word &shift, const Word &value) noexcept {
  return shift.fitsUint64() ? value >> shift.low64() : Word{};
}
/// EVM SAR: arithmetic shift; 256 or more gives 0 or all ones by the sign.
constexpr Word sar(const Word &shift, const Word &value) noexcept {
  uint64_t s = shift.fitsUint64() ? shift.low64() : 256;
  // Shifting the complement in zeros is shifting the value in ones.
  return value.isNegative() ? ~(~value >> s) : value >> s;
}
/// EVM SIGNEXTEND(b, x): extend the sign of byte b (0 = least significant);
/// b >= 31 gives x.
constexpr Word signextend(const Word &byteIndex, const Word &x) noexcept {
  if (!byteIndex.fitsUint64() || byteIndex.low64() >= 31)
    return x;
  unsigned signBit = unsigned(byteIndex.low64()) * 8 + 7;
  unsigned limb = signBit / 64, offset = signBit % 64;
  uint64_t fill = (x.limbs[limb] >> offset) & 1 ? ~uint64_t(0) : 0;
  // Bits 0..offset of the sign's limb are kept; the rest of it and every limb
  // above is fill.
  uint64_t keep = offset == 63 ? ~uint64_t(0) : (uint64_t(2) << offset) - 1;
  Word r = x;
  r.limbs[limb] = (x.limbs[limb] & keep) | (fill & ~keep);
  for (unsigned i = limb + 1; i < 4; ++i)
    r.limbs[i] = fill;
  return r;
}
/// EVM BYTE(i, x): byte i counted from the most significant; i >= 32 -> 0.
constexpr Word byteAt(const Word &index, const Word &x) noexcept {
  if (!index.fitsUint64() || index.low64() >= 32)
    return Word{};
  unsigned fromLow = 31 - unsigned(index.low64());
  return Word((x.limbs[fromLow / 8] >> (fromLow % 8 * 8)) & 0xff);
}
/// Signed (two's complement) order: flipping both sign bits maps it onto
/// unsigned order.
constexpr bool slt(const Word &a, const Word &b) noexcept {
  constexpr uint64_t sign = uint64_t(1) << 63;
  Word fa = a, fb = b;
  fa.limbs[3] ^= sign;
  fb.limbs[3] ^= sign;
  return fa < fb;
}
constexpr bool sgt(const Word &a, const Word &b) noexcept { return slt(b, a); }

} // namespace metis

template <> struct std::hash<metis::Word> {
  size_t operator()(const metis::Word &w) const noexcept {
    uint64_t h = w.limbs[0] ^ (w.limbs[1] * 0x9e3779b97f4a7c15ULL) ^
                 (w.limbs[2] * 0xc2b2ae3d27d4eb4fULL) ^ (w.limbs[3] * 0x165667b19e3779f9ULL);
    return size_t(h ^ (h >> 29));
  }
};

#endif // METIS_RUNTIME_WORD_H
