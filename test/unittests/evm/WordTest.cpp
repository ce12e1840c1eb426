//===- WordTest.cpp - Tests for the 256-bit EVM word ----------------------===//
//
// Hand-picked edge cases for every opcode helper, then randomized cross-checks
// against GMP. The random operands are built from "awkward" limbs (0, 1, 2^63,
// all ones, ...) as well as uniform ones: that is what reaches Knuth D's rare
// add-back and equal-top-limbs paths.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Word.h"

#include <gmp.h>
#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace metis;

namespace metis {
// Failure messages show words as hex rather than raw bytes.
void PrintTo(const Word &w, std::ostream *os) { *os << w.toHex(); }
} // namespace metis

namespace {

Word hex(std::string_view s) {
  std::optional<Word> w = Word::fromHex(s);
  EXPECT_TRUE(w.has_value()) << s;
  return w.value_or(Word{});
}

const Word kMax = ~Word{};
const Word kIntMin = Word(1) << 255;
const Word kMinusOne = kMax;

Word neg(uint64_t v) { return -Word(v); }

//===- GMP bridge -------------------------------------------------------===//

/// Owns an mpz_t for the length of a test statement.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  explicit Mpz(const Word &w) {
    mpz_init(v);
    mpz_import(v, 4, -1, sizeof(uint64_t), 0, 0, w.limbs);
  }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz &) = delete;
  Mpz &operator=(const Mpz &) = delete;
};

/// The two's complement reading of w.
void toSigned(Mpz &out, const Word &w) {
  mpz_import(out.v, 4, -1, sizeof(uint64_t), 0, 0, w.limbs);
  if (w.isNegative()) {
    Mpz twoTo256;
    mpz_ui_pow_ui(twoTo256.v, 2, 256);
    mpz_sub(out.v, out.v, twoTo256.v);
  }
}

/// x mod 2^256 (so negative values wrap as two's complement).
Word fromMpz(const mpz_t x) {
  Mpz t;
  mpz_fdiv_r_2exp(t.v, x, 256);
  Word w{};
  size_t count = 0;
  mpz_export(w.limbs, &count, -1, sizeof(uint64_t), 0, 0, t.v);
  EXPECT_LE(count, 4u);
  return w;
}

//===- Random operands --------------------------------------------------===//

struct Gen {
  std::mt19937_64 rng{0x5eed};

  uint64_t limb() {
    switch (rng() % 10) {
    case 0:
      return 0;
    case 1:
      return ~uint64_t(0);
    case 2:
      return uint64_t(1) << 63;
    case 3:
      return (uint64_t(1) << 63) - 1;
    case 4:
      return rng() % 4;
    case 5:
      return ~uint64_t(0) - rng() % 4;
    default:
      return rng();
    }
  }
  /// 0..4 significant limbs, each awkward or uniform.
  Word word() {
    Word w{};
    unsigned n = unsigned(rng() % 5);
    for (unsigned i = 0; i < n; ++i)
      w.limbs[i] = limb();
    return w;
  }
  Word uniform() { return Word::fromLimbs(rng(), rng(), rng(), rng()); }
};

//===- Representation and conversions -----------------------------------===//

TEST(WordTest, Layout) {
  static_assert(sizeof(Word) == 32);
  static_assert(std::is_trivially_copyable_v<Word>);
  Word z{};
  EXPECT_TRUE(z.isZero());
  EXPECT_FALSE(bool(z));
  Word w = Word::fromLimbs(1, 2, 3, 4);
  EXPECT_EQ(w.limbs[0], 1u);
  EXPECT_EQ(w.limbs[3], 4u);
  EXPECT_EQ(w.low64(), 1u);
  EXPECT_FALSE(w.fitsUint64());
  EXPECT_TRUE(Word(~uint64_t(0)).fitsUint64());
  // A signed argument converts through uint64_t: Word(-1) is not all ones.
  EXPECT_EQ(Word(uint64_t(-1)), Word::fromLimbs(~uint64_t(0), 0, 0, 0));
}

TEST(WordTest, Constexpr) {
  constexpr Word a = Word(1) << 200;
  static_assert((a >> 200) == Word(1));
  static_assert(a * Word(2) == Word(1) << 201);
  static_assert(Word(5) - Word(7) + Word(2) == Word{});
  static_assert(Word(3) < Word(4) && !(Word(4) < Word(4)));
  static_assert(shr(Word(256), ~Word{}) == Word{});
  static_assert(signextend(Word(0), Word(0xff)) == ~Word{});
  static_assert(byteAt(Word(31), Word(0xab)) == Word(0xab));
  static_assert(slt(-Word(1), Word(0)));
  static_assert(Word(1).countLeadingZeros() == 255);
  SUCCEED();
}

TEST(WordTest, CountLeadingZerosAndByteLength) {
  EXPECT_EQ(Word{}.countLeadingZeros(), 256u);
  EXPECT_EQ(Word{}.byteLength(), 0u);
  EXPECT_EQ(Word(1).countLeadingZeros(), 255u);
  EXPECT_EQ(Word(1).byteLength(), 1u);
  EXPECT_EQ(Word(0xff).byteLength(), 1u);
  EXPECT_EQ(Word(0x100).byteLength(), 2u);
  EXPECT_EQ((Word(1) << 64).countLeadingZeros(), 191u);
  EXPECT_EQ((Word(1) << 64).byteLength(), 9u);
  EXPECT_EQ(kMax.countLeadingZeros(), 0u);
  EXPECT_EQ(kMax.byteLength(), 32u);
  for (unsigned i = 0; i < 256; ++i) {
    Word p = Word(1) << i;
    EXPECT_EQ(p.countLeadingZeros(), 255 - i);
    EXPECT_EQ(p.byteLength(), i / 8 + 1);
  }
}

TEST(WordTest, BigEndian) {
  uint8_t raw[32];
  for (int i = 0; i < 32; ++i)
    raw[i] = uint8_t(i + 1);
  Word w = Word::fromBigEndian(raw);
  EXPECT_EQ(w, hex("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1"
                   "d1e1f20"));
  EXPECT_EQ(w.limbs[0], 0x191a1b1c1d1e1f20u);
  uint8_t out[32];
  w.toBigEndian(out);
  EXPECT_EQ(0, std::memcmp(raw, out, 32));

  EXPECT_EQ(Word::fromBigEndian(BytesView{}), Word{});
  EXPECT_EQ(Word::fromBigEndian(BytesView(raw, 1)), Word(1));
  EXPECT_EQ(Word::fromBigEndian(BytesView(raw, 2)), Word(0x0102));
  EXPECT_EQ(Word::fromBigEndian(BytesView(raw, 9)), hex("0x010203040506070809"));
  EXPECT_EQ(Word::fromBigEndian(BytesView(raw, 31)), w >> 8);
  EXPECT_EQ(Word::fromBigEndian(BytesView(raw, 32)), w);
  // Longer input keeps the low 32 bytes.
  uint8_t longer[33] = {0xee};
  std::memcpy(longer + 1, raw, 32);
  EXPECT_EQ(Word::fromBigEndian(BytesView(longer, 33)), w);

  Bytes32 b = w.toBytes32();
  EXPECT_EQ(0, std::memcmp(b.data(), raw, 32));
  EXPECT_EQ(Word::fromBytes32(b), w);

  Address a = w.toAddress();
  EXPECT_EQ(0, std::memcmp(a.data(), raw + 12, 20));
  EXPECT_EQ(Word::fromAddress(a), hex("0x0d0e0f101112131415161718191a1b1c1d1e1f20"));
  EXPECT_EQ(Word::fromAddress(Address::fromUint64(9)), Word(9));

  EXPECT_EQ(Word{}.toBigEndianTrimmed(), Bytes{});
  EXPECT_EQ(Word(1).toBigEndianTrimmed(), Bytes{1});
  EXPECT_EQ(Word(0x100).toBigEndianTrimmed(), (Bytes{1, 0}));
  EXPECT_EQ(w.toBigEndianTrimmed(), Bytes(raw, raw + 32));
  EXPECT_EQ(kMax.toBigEndianTrimmed(), Bytes(32, 0xff));

  Gen g;
  for (int i = 0; i < 500; ++i) {
    Word x = g.word();
    uint8_t buf[32];
    x.toBigEndian(buf);
    EXPECT_EQ(Word::fromBigEndian(buf), x);
    Bytes t = x.toBigEndianTrimmed();
    EXPECT_EQ(t.size(), x.byteLength());
    EXPECT_TRUE(t.empty() || t[0] != 0);
    EXPECT_EQ(Word::fromBigEndian(BytesView(t)), x);
  }
}

TEST(WordTest, Hex) {
  EXPECT_EQ(hex("0x"), Word{});
  EXPECT_EQ(hex(""), Word{});
  EXPECT_EQ(hex("0x0"), Word{});
  EXPECT_EQ(hex("0"), Word{});
  EXPECT_EQ(hex("0X1F"), Word(31));
  EXPECT_EQ(hex("1f"), Word(31));
  EXPECT_EQ(hex("0x10000000000000000"), Word(1) << 64);
  EXPECT_EQ(hex("0x" + std::string(64, 'f')), kMax);
  EXPECT_EQ(hex("0x8" + std::string(63, '0')), kIntMin);
  // Leading zeros do not count towards the 256 bits.
  EXPECT_EQ(hex("0x" + std::string(100, '0') + "1"), Word(1));
  EXPECT_EQ(hex(std::string(10, '0') + std::string(64, 'f')), kMax);
  EXPECT_FALSE(Word::fromHex("0x1" + std::string(64, '0')));
  EXPECT_FALSE(Word::fromHex(std::string(65, 'f')));
  EXPECT_FALSE(Word::fromHex("0x1g"));
  EXPECT_FALSE(Word::fromHex("0x 1"));
  EXPECT_FALSE(Word::fromHex("x1"));
  EXPECT_FALSE(Word::fromHex("0x-1"));

  EXPECT_EQ(Word{}.toHex(), "0x0");
  EXPECT_EQ(Word(1).toHex(), "0x1");
  EXPECT_EQ(Word(0xabc).toHex(), "0xabc");
  EXPECT_EQ((Word(1) << 64).toHex(), "0x10000000000000000");
  EXPECT_EQ(kMax.toHex(), "0x" + std::string(64, 'f'));

  Gen g;
  for (int i = 0; i < 1000; ++i) {
    Word x = g.word();
    std::string s = x.toHex();
    EXPECT_EQ(hex(s), x);
    Mpz m(x);
    char *ref = mpz_get_str(nullptr, 16, m.v);
    EXPECT_EQ(s, std::string("0x") + ref);
    free(ref);
  }
}

TEST(WordTest, Decimal) {
  const std::string maxDec = "1157920892373161954235709850086879078532699846656"
                             "40564039457584007913129639935";
  EXPECT_EQ(Word{}.toDecimal(), "0");
  EXPECT_EQ(Word(7).toDecimal(), "7");
  EXPECT_EQ(Word(10'000'000'000'000'000'000ULL).toDecimal(), "10000000000000000000");
  EXPECT_EQ(Word(~uint64_t(0)).toDecimal(), "18446744073709551615");
  EXPECT_EQ((Word(1) << 64).toDecimal(), "18446744073709551616");
  EXPECT_EQ(kMax.toDecimal(), maxDec);
  EXPECT_EQ(Word::fromDecimal(maxDec), kMax);
  EXPECT_EQ(Word::fromDecimal("0"), Word{});
  EXPECT_EQ(Word::fromDecimal("000123"), Word(123));
  EXPECT_FALSE(Word::fromDecimal(""));
  EXPECT_FALSE(Word::fromDecimal("12a"));
  EXPECT_FALSE(Word::fromDecimal("-1"));
  EXPECT_FALSE(Word::fromDecimal("115792089237316195423570985008687907853269984"
                                 "665640564039457584007913129639936"));
  EXPECT_FALSE(Word::fromDecimal(maxDec + "0"));

  Gen g;
  for (int i = 0; i < 1000; ++i) {
    Word x = i % 2 ? g.word() : g.uniform();
    std::string s = x.toDecimal();
    EXPECT_EQ(Word::fromDecimal(s), x);
    Mpz m(x);
    char *ref = mpz_get_str(nullptr, 10, m.v);
    EXPECT_EQ(s, ref);
    free(ref);
  }
}

//===- Ring operations --------------------------------------------------===//

TEST(WordTest, AddSubMulWrap) {
  EXPECT_EQ(kMax + Word(1), Word{});
  EXPECT_EQ(Word{} - Word(1), kMax);
  EXPECT_EQ(Word(~uint64_t(0)) + Word(1), Word(1) << 64);
  EXPECT_EQ((Word(1) << 64) - Word(1), Word(~uint64_t(0)));
  EXPECT_EQ(hex("0xffffffffffffffffffffffffffffffff") + Word(1), Word(1) << 128);
  EXPECT_EQ((Word(1) << 192) - Word(1), hex("0x" + std::string(48, 'f')));
  EXPECT_EQ(-Word(1), kMax);
  EXPECT_EQ(-Word{}, Word{});
  EXPECT_EQ(-kIntMin, kIntMin);
  EXPECT_EQ(kMax * kMax, Word(1));
  EXPECT_EQ((Word(1) << 128) * (Word(1) << 128), Word{});
  EXPECT_EQ((Word(1) << 127) * (Word(1) << 128), kIntMin);
  EXPECT_EQ(Word(~uint64_t(0)) * Word(~uint64_t(0)), hex("0xfffffffffffffffe0000000000000001"));

  Word x = Word(5);
  x += 3;
  x *= 4;
  x -= 2;
  EXPECT_EQ(x, Word(30));
  x <<= 250;
  x >>= 250;
  EXPECT_EQ(x, Word(30));
  x |= 1;
  x &= 0x1d;
  x ^= 0x10;
  EXPECT_EQ(x, Word(0x0d));
}

TEST(WordTest, BitwiseAndCompare) {
  Word a = hex("0xf0f0"), b = hex("0xff00");
  EXPECT_EQ(a & b, hex("0xf000"));
  EXPECT_EQ(a | b, hex("0xfff0"));
  EXPECT_EQ(a ^ b, hex("0x0ff0"));
  EXPECT_EQ(~Word{}, kMax);
  EXPECT_TRUE(Word(1) < (Word(1) << 64));
  EXPECT_FALSE((Word(1) << 64) < Word(1));
  EXPECT_TRUE(Word(1) << 255 > kMax >> 1);
  EXPECT_TRUE(kMax >= kMax);
  EXPECT_TRUE(kMax <= kMax);
  EXPECT_FALSE(kMax < kMax);
  EXPECT_EQ(Word(3) <=> Word(4), std::strong_ordering::less);
  EXPECT_EQ((Word(1) << 200) <=> Word(4), std::strong_ordering::greater);
  EXPECT_EQ(kMax <=> kMax, std::strong_ordering::equal);
  EXPECT_TRUE(Word(7) == 7);
  EXPECT_TRUE(Word(7) != 8);
}

TEST(WordTest, SignedCompare) {
  EXPECT_TRUE(slt(kMinusOne, Word{}));
  EXPECT_FALSE(slt(Word{}, kMinusOne));
  EXPECT_TRUE(sgt(Word(1), kMinusOne));
  EXPECT_TRUE(slt(kIntMin, kIntMin + Word(1)));
  EXPECT_TRUE(slt(kIntMin, Word(0)));
  EXPECT_TRUE(sgt(kIntMin - Word(1), kIntMin)); // INT_MAX > INT_MIN
  EXPECT_FALSE(slt(Word(5), Word(5)));
  EXPECT_FALSE(sgt(Word(5), Word(5)));
  EXPECT_TRUE(slt(neg(3), neg(2)));
  EXPECT_TRUE(slt(Word(2), Word(3)));
}

//===- Shifts, BYTE, SIGNEXTEND -----------------------------------------===//

TEST(WordTest, ShiftEdges) {
  Word v = hex("0x8000000000000000000000000000000000000000000000000000000000000001");
  const Word huge[] = {Word(256),      Word(257), Word(1) << 64,
                       Word(1) << 255, kMax,      Word::fromLimbs(0, 1, 0, 0)};
  EXPECT_EQ(shl(Word(0), v), v);
  EXPECT_EQ(shr(Word(0), v), v);
  EXPECT_EQ(sar(Word(0), v), v);
  EXPECT_EQ(shl(Word(1), v), Word(2));
  EXPECT_EQ(shr(Word(1), v), Word(1) << 254);
  EXPECT_EQ(sar(Word(1), v), (Word(3) << 254));
  EXPECT_EQ(shl(Word(63), Word(1)), Word(uint64_t(1) << 63));
  EXPECT_EQ(shl(Word(64), Word(1)), Word::fromLimbs(0, 1, 0, 0));
  EXPECT_EQ(shl(Word(65), Word(3)), Word::fromLimbs(0, 6, 0, 0));
  EXPECT_EQ(shl(Word(127), Word(3)), Word::fromLimbs(0, uint64_t(1) << 63, 1, 0));
  EXPECT_EQ(shr(Word(63), Word::fromLimbs(0, 1, 0, 0)), Word(2));
  EXPECT_EQ(shr(Word(64), Word::fromLimbs(5, 7, 0, 0)), Word(7));
  EXPECT_EQ(shr(Word(255), v), Word(1));
  EXPECT_EQ(shl(Word(255), Word(1)), kIntMin);
  EXPECT_EQ(shl(Word(255), Word(2)), Word{});
  EXPECT_EQ(sar(Word(255), kIntMin), kMax);
  EXPECT_EQ(sar(Word(254), kIntMin), neg(2));
  EXPECT_EQ(sar(Word(255), kIntMin - Word(1)), Word{});
  EXPECT_EQ(sar(Word(1), neg(2)), kMinusOne);
  EXPECT_EQ(sar(Word(1), neg(3)), neg(2)); // rounds towards minus infinity
  EXPECT_EQ(sar(Word(4), Word(0x100)), Word(0x10));
  for (const Word &s : huge) {
    EXPECT_EQ(shl(s, v), Word{});
    EXPECT_EQ(shr(s, v), Word{});
    EXPECT_EQ(sar(s, v), kMax);
    EXPECT_EQ(sar(s, kIntMin - Word(1)), Word{});
    EXPECT_EQ(sar(s, kMinusOne), kMax);
  }
  EXPECT_EQ(v << 256, Word{});
  EXPECT_EQ(v >> 256, Word{});
  EXPECT_EQ(v << ~uint64_t(0), Word{});
  EXPECT_EQ(v >> ~uint64_t(0), Word{});
}

TEST(WordTest, ShiftsAgainstGmp) {
  Gen g;
  Mpz ref, sv;
  for (int i = 0; i < 3000; ++i) {
    Word v = i % 2 ? g.word() : g.uniform();
    unsigned s = unsigned(g.rng() % 300);
    Mpz mv(v);
    mpz_mul_2exp(ref.v, mv.v, s);
    EXPECT_EQ(shl(Word(s), v), fromMpz(ref.v)) << v.toHex() << " << " << s;
    mpz_fdiv_q_2exp(ref.v, mv.v, s);
    EXPECT_EQ(shr(Word(s), v), fromMpz(ref.v)) << v.toHex() << " >> " << s;
    toSigned(sv, v);
    mpz_fdiv_q_2exp(ref.v, sv.v, s); // floor division: the arithmetic shift
    EXPECT_EQ(sar(Word(s), v), fromMpz(ref.v)) << v.toHex() << " sar " << s;
  }
}

TEST(WordTest, ByteAt) {
  Word w = hex("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  for (unsigned i = 0; i < 32; ++i)
    EXPECT_EQ(byteAt(Word(i), w), Word(i + 1)) << i;
  EXPECT_EQ(byteAt(Word(32), w), Word{});
  EXPECT_EQ(byteAt(Word(33), w), Word{});
  EXPECT_EQ(byteAt(Word(1) << 64, w), Word{});
  EXPECT_EQ(byteAt(Word::fromLimbs(0, 0, 0, 1), w), Word{});
  EXPECT_EQ(byteAt(kMax, w), Word{});
  EXPECT_EQ(byteAt(Word(0), kMax), Word(0xff));
  EXPECT_EQ(byteAt(Word(31), Word(0x1234)), Word(0x34));
  EXPECT_EQ(byteAt(Word(30), Word(0x1234)), Word(0x12));
}

TEST(WordTest, SignExtend) {
  EXPECT_EQ(signextend(Word(0), Word(0xff)), kMax);
  EXPECT_EQ(signextend(Word(0), Word(0x7f)), Word(0x7f));
  EXPECT_EQ(signextend(Word(0), Word(0x1ff)), kMax);
  EXPECT_EQ(signextend(Word(0), Word(0x17f)), Word(0x7f));
  EXPECT_EQ(signextend(Word(1), Word(0x8000)), neg(0x8000));
  EXPECT_EQ(signextend(Word(1), Word(0xff7fff)), Word(0x7fff));
  EXPECT_EQ(signextend(Word(7), Word(uint64_t(1) << 63)), -Word(uint64_t(1) << 63));
  EXPECT_EQ(signextend(Word(8), Word::fromLimbs(0, 0x80, 0, 0)),
            Word::fromLimbs(0, ~uint64_t(0x7f), ~uint64_t(0), ~uint64_t(0)));
  EXPECT_EQ(signextend(Word(30), kIntMin >> 8), ~Word{} << 247);
  Word x = hex("0x7f" + std::string(62, 'e'));
  for (const Word &b : {Word(31), Word(32), Word(33), Word(1) << 64, kMax})
    EXPECT_EQ(signextend(b, x), x);

  // Against the shift formulation: move byte b to the top, then shift it back
  // arithmetically.
  Gen g;
  for (unsigned b = 0; b < 31; ++b) {
    for (int i = 0; i < 100; ++i) {
      Word v = i % 2 ? g.word() : g.uniform();
      // Force both signs on the extended byte.
      v = i % 4 < 2 ? v | (Word(1) << (8 * b + 7)) : v & ~(Word(1) << (8 * b + 7));
      uint64_t k = 8 * (31 - b);
      EXPECT_EQ(signextend(Word(b), v), sar(Word(k), shl(Word(k), v))) << b << " " << v.toHex();
    }
  }
}

//===- Division family --------------------------------------------------===//

TEST(WordTest, UnsignedDivisionEdges) {
  // Zero divisor gives zero for both.
  EXPECT_EQ(udiv(Word(7), Word{}), Word{});
  EXPECT_EQ(urem(Word(7), Word{}), Word{});
  EXPECT_EQ(udiv(kMax, Word{}), Word{});
  EXPECT_EQ(urem(kMax, Word{}), Word{});
  EXPECT_EQ(udiv(Word{}, Word(5)), Word{});
  // Dividend below divisor.
  EXPECT_EQ(udiv(Word(5), Word(7)), Word{});
  EXPECT_EQ(urem(Word(5), Word(7)), Word(5));
  EXPECT_EQ(udiv(kMax - Word(1), kMax), Word{});
  EXPECT_EQ(urem(kMax - Word(1), kMax), kMax - Word(1));
  EXPECT_EQ(udiv(Word(1) << 64, Word(1) << 65), Word{});
  // Equal and unit divisors.
  EXPECT_EQ(udiv(kMax, kMax), Word(1));
  EXPECT_EQ(urem(kMax, kMax), Word{});
  EXPECT_EQ(udiv(kMax, Word(1)), kMax);
  EXPECT_EQ(urem(kMax, Word(1)), Word{});
  EXPECT_EQ(udiv(kMax, Word(2)), kMax >> 1);
  EXPECT_EQ(urem(kMax, Word(2)), Word(1));
  EXPECT_EQ(udiv(Word(100), Word(7)), Word(14));
  EXPECT_EQ(urem(Word(100), Word(7)), Word(2));
  // One-limb divisor of a four-limb dividend: 2^256 - 1 = 3 * 5 * 17 * 257 *
  // ...
  EXPECT_EQ(udiv(kMax, Word(3)), hex("0x" + std::string(64, '5')));
  EXPECT_EQ(urem(kMax, Word(10)), Word(5));
  EXPECT_EQ(udiv(kMax, Word(~uint64_t(0))),
            Word::fromLimbs(1, 1, 1, 1)); // (2^256 - 1) / (2^64 - 1)
  // Two-limb divisor.
  EXPECT_EQ(udiv(kMax, Word(1) << 64), kMax >> 64);
  EXPECT_EQ(urem(kMax, Word(1) << 64), Word(~uint64_t(0)));
  EXPECT_EQ(udiv(kMax, hex("0xffffffffffffffffffffffffffffffff")), (Word(1) << 128) + Word(1));
  // Three- and four-limb divisors.
  EXPECT_EQ(udiv(kMax, Word(1) << 128), kMax >> 128);
  EXPECT_EQ(urem(kMax, (Word(1) << 192) + Word(1)),
            (Word(1) << 192) - Word(1) - Word(~uint64_t(0)));
  EXPECT_EQ(udiv(kMax, kIntMin), Word(1));
  EXPECT_EQ(urem(kMax, kIntMin), kIntMin - Word(1));
  EXPECT_EQ(udiv(kMax, kIntMin + Word(1)), Word(1));
  EXPECT_EQ(urem(kMax, kIntMin + Word(1)), kIntMin - Word(2));
  EXPECT_EQ(udiv(kIntMin, Word(1) << 192), Word(1) << 63);
  // Quotient times divisor plus remainder gives back the dividend.
  Word a = hex("0x123456789abcdef0fedcba9876543210aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb");
  Word b = hex("0x1000000000000000f");
  EXPECT_EQ(udiv(a, b) * b + urem(a, b), a);
}

TEST(WordTest, SignedDivision) {
  EXPECT_EQ(sdiv(Word(7), Word{}), Word{});
  EXPECT_EQ(sdiv(neg(7), Word{}), Word{});
  EXPECT_EQ(sdiv(kIntMin, kMinusOne), kIntMin);
  EXPECT_EQ(sdiv(kIntMin, Word(1)), kIntMin);
  EXPECT_EQ(sdiv(kIntMin, kIntMin), Word(1));
  EXPECT_EQ(sdiv(kIntMin, Word(2)), -(Word(1) << 254));
  EXPECT_EQ(sdiv(kIntMin - Word(1), kIntMin), Word{}); // INT_MAX / INT_MIN
  EXPECT_EQ(sdiv(kMinusOne, Word(1)), kMinusOne);
  EXPECT_EQ(sdiv(kMinusOne, kMinusOne), Word(1));
  EXPECT_EQ(sdiv(neg(6), Word(3)), neg(2));
  EXPECT_EQ(sdiv(Word(6), neg(3)), neg(2));
  EXPECT_EQ(sdiv(neg(6), neg(3)), Word(2));
  // Truncation towards zero, not floor.
  EXPECT_EQ(sdiv(neg(7), Word(2)), neg(3));
  EXPECT_EQ(sdiv(Word(7), neg(2)), neg(3));
  EXPECT_EQ(sdiv(neg(1), Word(2)), Word{});
  EXPECT_EQ(sdiv(Word(5), Word(10)), Word{});
}

TEST(WordTest, SignedModulo) {
  EXPECT_EQ(smod(Word(7), Word{}), Word{});
  EXPECT_EQ(smod(neg(7), Word{}), Word{});
  EXPECT_EQ(smod(neg(7), Word(2)), kMinusOne); // the sign of the dividend
  EXPECT_EQ(smod(Word(7), neg(2)), Word(1));
  EXPECT_EQ(smod(neg(7), neg(2)), kMinusOne);
  EXPECT_EQ(smod(neg(8), Word(3)), neg(2));
  EXPECT_EQ(smod(Word(8), neg(3)), Word(2));
  EXPECT_EQ(smod(kIntMin, kMinusOne), Word{});
  EXPECT_EQ(smod(kIntMin, Word(3)), neg(2)); // -2^255 = -(3k + 2)
  EXPECT_EQ(smod(kIntMin, kIntMin), Word{});
  EXPECT_EQ(smod(kIntMin - Word(1), kIntMin), kIntMin - Word(1));
  EXPECT_EQ(smod(Word(5), Word(10)), Word(5));
}

TEST(WordTest, AddMod) {
  EXPECT_EQ(addmod(Word(1), Word(2), Word{}), Word{});
  EXPECT_EQ(addmod(kMax, kMax, Word{}), Word{});
  EXPECT_EQ(addmod(Word(3), Word(4), Word(5)), Word(2));
  EXPECT_EQ(addmod(kMax, Word(1), Word(1)), Word{});
  // The sum needs bit 256.
  EXPECT_EQ(addmod(kMax, Word(1), Word(7)),
            Word(2)); // 2^256 = 2 * 8^85 == 2 (mod 7)
  EXPECT_EQ(addmod(kMax, kMax, kMax), Word{});
  EXPECT_EQ(addmod(kMax - Word(1), kMax - Word(1), kMax), kMax - Word(2));
  EXPECT_EQ(addmod(kMax, Word(2), Word(2)), Word(1));
  EXPECT_EQ(addmod(kMax, kMax, kMax - Word(1)), Word(2));
  EXPECT_EQ(addmod(kMax, kMax, Word(1) << 255), kIntMin - Word(2));
  // Unreduced operands.
  EXPECT_EQ(addmod(Word(100), Word(1), Word(7)), Word(3));
  EXPECT_EQ(addmod(Word(1) << 200, Word(1) << 200, Word(1) << 64), Word{});
  // Operands are unsigned: this is (2^257 - 3) mod 3, not (-3) mod 3.
  EXPECT_EQ(addmod(kMinusOne, neg(2), Word(3)), Word(2));
}

TEST(WordTest, MulMod) {
  EXPECT_EQ(mulmod(Word(1), Word(2), Word{}), Word{});
  EXPECT_EQ(mulmod(kMax, kMax, Word{}), Word{});
  EXPECT_EQ(mulmod(Word(3), Word(4), Word(5)), Word(2));
  EXPECT_EQ(mulmod(kMax, kMax, kMax), Word{});
  EXPECT_EQ(mulmod(kMax, kMax, kMax - Word(1)), Word(1));
  EXPECT_EQ(mulmod(kMax, kMax, Word(12)), Word(9)); // 2^256 - 1 == 3 (mod 12)
  EXPECT_EQ(mulmod(kMax, kMax, Word(1)), Word{});
  EXPECT_EQ(mulmod(Word{}, kMax, Word(5)), Word{});
  EXPECT_EQ(mulmod(Word(1) << 255, Word(2), kMax),
            Word(1)); // 2^256 == 1 (mod 2^256 - 1)
  EXPECT_EQ(mulmod(Word(1) << 128, Word(1) << 128, (Word(1) << 128) + Word(1)), Word(1));
  EXPECT_EQ(mulmod(kMax, Word(1), Word(1) << 64), Word(~uint64_t(0)));
  // secp256k1's p: (p - 1)^2 == 1 (mod p).
  Word p = hex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
  EXPECT_EQ(mulmod(p - Word(1), p - Word(1), p), Word(1));
}

TEST(WordTest, Exp) {
  EXPECT_EQ(exp(Word{}, Word{}), Word(1));
  EXPECT_EQ(exp(Word{}, Word(5)), Word{});
  EXPECT_EQ(exp(Word(5), Word{}), Word(1));
  EXPECT_EQ(exp(kMax, Word{}), Word(1));
  EXPECT_EQ(exp(Word(2), Word(255)), kIntMin);
  EXPECT_EQ(exp(Word(2), Word(256)), Word{});
  EXPECT_EQ(exp(Word(2), kMax), Word{});
  EXPECT_EQ(exp(Word(3), Word(4)), Word(81));
  EXPECT_EQ(exp(Word(10), Word(19)), Word(10'000'000'000'000'000'000ULL));
  EXPECT_EQ(exp(kMinusOne, Word(3)), kMinusOne);
  EXPECT_EQ(exp(kMinusOne, Word(4)), Word(1));
  EXPECT_EQ(exp(kMinusOne, kMax), kMinusOne);
  EXPECT_EQ(exp(Word(256), Word(31)), Word(1) << 248);
  EXPECT_EQ(exp(Word(256), Word(32)), Word{});
  EXPECT_EQ(exp(Word(4), Word(128)), Word{});
  EXPECT_EQ(exp(Word(4), Word(127)), Word(1) << 254);
  EXPECT_EQ(exp(Word(3), kMax), exp(Word(3), kMax - Word(1)) * Word(3));
}

// Operand pairs found (by instrumenting Word.cpp) to take Knuth D's rare
// branches: the estimate one too large (add back) and a window whose top limbs
// equal the divisor's.
TEST(WordTest, KnuthRarePaths) {
  struct Case {
    Word a, b;
  };
  const Case divCases[] = {
      {Word::fromLimbs(0xc54e85fa50071f6d, 0xbfb27a358a43d938, ~0ull, 1ull << 63),
       Word::fromLimbs(1ull << 63, ~0ull, ~0ull, 0)},
      {Word::fromLimbs(1ull << 63, 1, ~0ull, ~0ull),
       Word::fromLimbs(~0ull - 2, ~0ull, (1ull << 63) - 1, 0)},
      {Word::fromLimbs(0, 1ull << 63, 0, 1ull << 63), Word::fromLimbs(~0ull, 0, 1ull << 63, 0)},
      {Word::fromLimbs(~0ull, 1ull << 63, 1ull << 63, (1ull << 63) - 1),
       Word::fromLimbs(~0ull - 3, 1ull << 63, (1ull << 63) - 1, 0)},
      // Hand-built: top limbs 2^62 over divisor 2^63, 0, 2^64 - 1 estimates
      // 2^63, one too many.
      {Word::fromLimbs(0, 0, 0, 1ull << 62), Word::fromLimbs(~0ull, 0, 1ull << 63, 0)},
  };
  for (const Case &c : divCases) {
    Mpz a(c.a), b(c.b), q, r;
    mpz_tdiv_qr(q.v, r.v, a.v, b.v);
    EXPECT_EQ(udiv(c.a, c.b), fromMpz(q.v)) << c.a.toHex() << " / " << c.b.toHex();
    EXPECT_EQ(urem(c.a, c.b), fromMpz(r.v)) << c.a.toHex() << " % " << c.b.toHex();
  }
  struct ModCase {
    Word a, b, m;
  };
  const ModCase modCases[] = {
      {Word::fromLimbs((1ull << 63) - 1, (1ull << 63) - 1, ~0ull, 0),
       Word::fromLimbs(0, 0, 0, ~0ull - 2), Word::fromLimbs(~0ull, ~0ull, 0, 1ull << 63)},
      {Word::fromLimbs(1ull << 63, (1ull << 63) - 1, 0, 0),
       Word::fromLimbs(1ull << 63, 1ull << 63, 0, 0), Word::fromLimbs(~0ull, ~0ull, 1, 0)},
      {Word::fromLimbs(~0ull - 2, ~0ull, 0, 0), Word::fromLimbs(2, ~0ull - 1, 0, 0),
       Word::fromLimbs(1ull << 63, ~0ull, ~0ull - 2, 0)},
      {Word::fromLimbs(1ull << 63, 0, 0, 0),
       Word::fromLimbs(~0ull - 2, (1ull << 63) - 1, ~0ull, ~0ull),
       Word::fromLimbs(~0ull, ~0ull - 2, ~0ull, (1ull << 63) - 1)},
      {Word::fromLimbs(0, 1ull << 63, 0, 0),
       Word::fromLimbs(~0ull, (1ull << 63) - 1, 1ull << 63, 0),
       Word::fromLimbs(~0ull, ~0ull, 0, 1)},
  };
  for (const ModCase &c : modCases) {
    Mpz a(c.a), b(c.b), m(c.m), r;
    mpz_mul(r.v, a.v, b.v);
    mpz_mod(r.v, r.v, m.v);
    EXPECT_EQ(mulmod(c.a, c.b, c.m), fromMpz(r.v)) << c.a.toHex() << " " << c.b.toHex();
  }

  // Divisors whose top limbs are (2^63 + k, 2^63 + 4k^2 + k) take the rare
  // double correction in the 3-by-2 reciprocal (found by checking the same code
  // exhaustively at 8-bit limbs).
  Gen g;
  for (uint64_t k = 1; k <= 3; ++k) {
    uint64_t d1 = (1ull << 63) + k, d0 = (1ull << 63) + 4 * k * k + k;
    for (unsigned n = 2; n <= 4; ++n) {
      Word d{};
      d.limbs[n - 1] = d1;
      d.limbs[n - 2] = d0;
      for (unsigned i = 0; i + 2 < n; ++i)
        d.limbs[i] = g.limb();
      for (int i = 0; i < 50; ++i) {
        Word a = g.uniform();
        Mpz ma(a), md(d), q, r;
        mpz_tdiv_qr(q.v, r.v, ma.v, md.v);
        EXPECT_EQ(udiv(a, d), fromMpz(q.v)) << a.toHex() << " / " << d.toHex();
        EXPECT_EQ(urem(a, d), fromMpz(r.v)) << a.toHex() << " % " << d.toHex();
      }
    }
  }
}

//===- Randomized cross-checks against GMP ------------------------------===//

/// udiv, urem, sdiv and smod of a by the nonzero b against GMP's truncating division (which
/// keeps the dividend's sign, as the EVM does).
void expectDivisionMatchesGmp(const Word &a, const Word &b) {
  Mpz ma(a), mb(b), q, r, s1, s2;
  const std::string where = a.toHex() + " / " + b.toHex();
  mpz_tdiv_qr(q.v, r.v, ma.v, mb.v);
  EXPECT_EQ(udiv(a, b), fromMpz(q.v)) << where;
  EXPECT_EQ(urem(a, b), fromMpz(r.v)) << where;
  toSigned(s1, a);
  toSigned(s2, b);
  mpz_tdiv_qr(q.v, r.v, s1.v, s2.v);
  EXPECT_EQ(sdiv(a, b), fromMpz(q.v)) << where;
  EXPECT_EQ(smod(a, b), fromMpz(r.v)) << where;
}

// Dividends below 2^128 and divisors below 2^64, of either sign: the short-division path
// (Word.cpp, divideShort), with the magnitudes at its edges (2^127, 2^128 - 1, 2^64 - 1) and
// the words just past them, which must take the long path.
TEST(WordTest, ShortDivisionAgainstGmp) {
  Gen g;
  auto shortWord = [&](unsigned limbs) {
    Word w{};
    for (unsigned i = 0; i < limbs; ++i)
      w.limbs[i] = g.limb();
    switch (g.rng() % 4) {
    case 0:
      return -w; // a negative of the same magnitude
    case 1:
      return w + Word(g.rng() % 3) - Word(1); // one either side of it
    default:
      return w;
    }
  };
  for (int i = 0; i < 50000; ++i) {
    Word a = shortWord(1 + unsigned(g.rng() % 2));
    Word b = i % 11 == 0 ? shortWord(2) : shortWord(1);
    if (i % 13 == 0)
      a = -shl(Word(120 + g.rng() % 9), Word(1)); // -2^120 .. -2^128
    if (b.isZero())
      continue;
    expectDivisionMatchesGmp(a, b);
    if (HasFailure())
      return;
  }
}

TEST(WordTest, RandomAgainstGmp) {
  Gen g;
  Mpz t, twoTo256;
  mpz_ui_pow_ui(twoTo256.v, 2, 256);
  for (int i = 0; i < 20000; ++i) {
    // Mix structured and uniform operands; the structured ones vary in limb
    // count.
    Word a = i % 3 == 0 ? g.uniform() : g.word();
    Word b = i % 5 == 0 ? g.uniform() : g.word();
    Word m = i % 7 == 0 ? g.uniform() : g.word();
    Mpz ma(a), mb(b), mm(m);
    auto where = [&] { return a.toHex() + " " + b.toHex() + " " + m.toHex(); };

    mpz_add(t.v, ma.v, mb.v);
    EXPECT_EQ(a + b, fromMpz(t.v)) << where();
    mpz_sub(t.v, ma.v, mb.v);
    EXPECT_EQ(a - b, fromMpz(t.v)) << where();
    mpz_mul(t.v, ma.v, mb.v);
    EXPECT_EQ(a * b, fromMpz(t.v)) << where();
    EXPECT_EQ(a < b, mpz_cmp(ma.v, mb.v) < 0) << where();

    if (b.isZero()) {
      EXPECT_EQ(udiv(a, b), Word{});
      EXPECT_EQ(urem(a, b), Word{});
    } else {
      expectDivisionMatchesGmp(a, b);
    }

    if (m.isZero()) {
      EXPECT_EQ(addmod(a, b, m), Word{});
      EXPECT_EQ(mulmod(a, b, m), Word{});
    } else {
      mpz_add(t.v, ma.v, mb.v);
      mpz_mod(t.v, t.v, mm.v);
      EXPECT_EQ(addmod(a, b, m), fromMpz(t.v)) << where();
      mpz_mul(t.v, ma.v, mb.v);
      mpz_mod(t.v, t.v, mm.v);
      EXPECT_EQ(mulmod(a, b, m), fromMpz(t.v)) << where();
      // Reduced operands take addmod's fast path.
      Word ra = urem(a, m), rb = urem(b, m);
      Mpz mra(ra), mrb(rb);
      mpz_add(t.v, mra.v, mrb.v);
      mpz_mod(t.v, t.v, mm.v);
      EXPECT_EQ(addmod(ra, rb, m), fromMpz(t.v)) << where();
    }

    if (i % 10 == 0) {
      mpz_powm(t.v, ma.v, mb.v, twoTo256.v);
      EXPECT_EQ(exp(a, b), fromMpz(t.v)) << where();
      // Small exponents too, where the result often does not wrap to zero.
      Word e = Word(g.rng() % 40);
      Mpz me(e);
      mpz_powm(t.v, ma.v, me.v, twoTo256.v);
      EXPECT_EQ(exp(a, e), fromMpz(t.v)) << where();
    }
    if (::testing::Test::HasFailure())
      break; // one bad operand is enough to report
  }
}

} // namespace
