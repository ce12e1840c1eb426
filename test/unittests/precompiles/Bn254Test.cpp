//===- Bn254Test.cpp - BN254 fields, curves and pairing ---------*- C++ -*-===//
//
// The arithmetic under 0x06..0x08 checked by its algebra: field identities
// (Fp against GMP), Frobenius maps against plain powers, group orders, the G2
// subgroup test against [r]Q on points of every cofactor order, and the
// pairing's bilinearity. The precompiles' wire format and the go-ethereum
// vectors are in Bn254PrecompileTest.cpp.
//
//===----------------------------------------------------------------------===//
#include "bn254/Pairing.h"

#include <gmp.h>
#include <gtest/gtest.h>

#include <random>

using namespace metis;
using namespace metis::precompiles::bn254;

namespace {

std::mt19937_64 &rng() {
  static std::mt19937_64 gen(0xb254);
  return gen;
}

/// Uniform-ish below 2^253 < p (and < r).
Word randomWord() {
  auto &g = rng();
  return Word::fromLimbs(g(), g(), g(), g() & 0x1fffffffffffffff);
}
Fp randomFp() { return Fp::fromCanonical(randomWord()); }
Fp2 randomFp2() { return {randomFp(), randomFp()}; }
Fp6 randomFp6() { return {randomFp2(), randomFp2(), randomFp2()}; }
Fp12 randomFp12() { return {randomFp6(), randomFp6()}; }

template <class F> F power(const F &x, const Word &e) {
  F acc = F::one();
  for (int i = 255; i >= 0; --i) {
    acc = acc * acc;
    if (e.bit(unsigned(i)))
      acc = acc * x;
  }
  return acc;
}

/// a * b mod m through GMP.
Word mulMod(const Word &a, const Word &b, const Word &m) {
  mpz_t x, y, z;
  mpz_inits(x, y, z, nullptr);
  mpz_import(x, 4, -1, 8, 0, 0, a.limbs);
  mpz_import(y, 4, -1, 8, 0, 0, b.limbs);
  mpz_import(z, 4, -1, 8, 0, 0, m.limbs);
  mpz_mul(x, x, y);
  mpz_mod(x, x, z);
  Word out{};
  mpz_export(out.limbs, nullptr, -1, 8, 0, 0, x);
  mpz_clears(x, y, z, nullptr);
  return out;
}

Word hexWord(const char *hex) { return wordFromHex(hex); }

G2Affine g2FromEip197(const char *hex256) {
  std::string s(hex256);
  auto part = [&](int i) { return Fp::fromHex(s.substr(64 * i, 64).c_str()); };
  return {{part(1), part(0)}, {part(3), part(2)}, false};
}

/// An element of the cyclotomic subgroup: the easy part of the final
/// exponentiation applied to a random element.
Fp12 randomCyclotomic() {
  Fp12 f = randomFp12();
  Fp12 m = f.conj() * f.inverse();
  return m.frobenius2() * m;
}

//===----------------------------------------------------------------------===//
// Fields
//===----------------------------------------------------------------------===//

TEST(Bn254Fp, MatchesGmp) {
  for (int i = 0; i < 200; ++i) {
    Word a = randomWord(), b = randomWord();
    Fp x = Fp::fromCanonical(a), y = Fp::fromCanonical(b);
    EXPECT_EQ(x.toWord(), a);
    EXPECT_EQ((x * y).toWord(), mulMod(a, b, kP));
    Word sum = a + b;
    EXPECT_EQ((x + y).toWord(), sum < kP ? sum : sum - kP);
    EXPECT_EQ((x - y).toWord(), a < b ? a + kP - b : a - b);
    EXPECT_EQ(x.half().dbl(), x);
    EXPECT_EQ(x * x.inverse(), Fp::one());
  }
  // Edges: p - 1 squared is 1; 0 and 1 round-trip.
  Fp minusOne = -Fp::one();
  EXPECT_EQ(minusOne.toWord(), kP - Word(1));
  EXPECT_EQ(minusOne * minusOne, Fp::one());
  EXPECT_EQ(Fp::zero().toWord(), Word(0));
  EXPECT_EQ(Fp::one().toWord(), Word(1));
  EXPECT_EQ(-Fp::zero(), Fp::zero());
  EXPECT_EQ(Fp::zero().inverse(), Fp::zero());
}

TEST(Bn254Fp, AssemblyMatchesPortable) {
  // Fp::operator* takes one of the assembly paths on x86-64; hold both to the
  // portable product, including operands near p.
  std::vector<Fp> values = {Fp::zero(), Fp::one(), -Fp::one(), Fp::fromCanonical(kP - Word(2))};
  for (int i = 0; i < 300; ++i)
    values.push_back(randomFp());
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    const Fp &a = values[i], &b = values[i + 1];
    Fp expected = Fp::mulPortable(a, b);
    EXPECT_EQ(a * b, expected);
#if METIS_BN254_X86_ASM
    EXPECT_EQ(mulMulq(a, b), expected);
    if (hasBmi2Adx())
      EXPECT_EQ(mulAdx(a, b), expected);
#endif
  }
}

TEST(Bn254Fp, DecodeRejectsNonCanonical) {
  uint8_t buf[32];
  kP.toBigEndian(buf);
  EXPECT_FALSE(Fp::fromBigEndian(buf));
  (kP - Word(1)).toBigEndian(buf);
  ASSERT_TRUE(Fp::fromBigEndian(buf));
  EXPECT_EQ(*Fp::fromBigEndian(buf), -Fp::one());
  (~Word{}).toBigEndian(buf);
  EXPECT_FALSE(Fp::fromBigEndian(buf));
}

TEST(Bn254Fp2, Identities) {
  const Fp2 xi{Fp::fromUint(9), Fp::one()};
  Fp2 i{Fp::zero(), Fp::one()};
  EXPECT_EQ(i * i, -Fp2::one());
  for (int n = 0; n < 50; ++n) {
    Fp2 a = randomFp2(), b = randomFp2(), c = randomFp2();
    EXPECT_EQ((a * b) * c, a * (b * c));
    EXPECT_EQ(a * (b + c), a * b + a * c);
    EXPECT_EQ(a.square(), a * a);
    EXPECT_EQ(a.mulByXi(), a * xi);
    EXPECT_EQ(a * a.inverse(), Fp2::one());
    EXPECT_EQ(a.half() + a.half(), a);
    EXPECT_EQ(power(a, kP), a.conj());
  }
  EXPECT_EQ(kTwistB * xi, Fp2::one() * Fp::fromUint(3));
}

TEST(Bn254Fp6, Identities) {
  Fp6 v{Fp2::zero(), Fp2::one(), Fp2::zero()};
  for (int n = 0; n < 20; ++n) {
    Fp6 a = randomFp6(), b = randomFp6(), c = randomFp6();
    EXPECT_EQ((a * b) * c, a * (b * c));
    EXPECT_EQ(a * (b + c), a * b + a * c);
    EXPECT_EQ(a.square(), a * a);
    EXPECT_EQ(a.mulByV(), a * v);
    EXPECT_EQ(a * a.inverse(), Fp6::one());
    Fp2 b0 = randomFp2(), b1 = randomFp2();
    Fp6 sparse{b0, b1, Fp2::zero()};
    EXPECT_EQ(a.mulBy01(b0, b1), a * sparse);
  }
}

TEST(Bn254Fp12, Identities) {
  for (int n = 0; n < 10; ++n) {
    Fp12 a = randomFp12(), b = randomFp12(), c = randomFp12();
    EXPECT_EQ((a * b) * c, a * (b * c));
    EXPECT_EQ(a.square(), a * a);
    EXPECT_EQ(a * a.inverse(), Fp12::one());
    Line l{randomFp2(), randomFp2(), randomFp2()};
    Fp12 full{{l.a, Fp2::zero(), Fp2::zero()}, {l.b, l.c, Fp2::zero()}};
    EXPECT_EQ(a.mulByLine(l), a * full);
  }
}

TEST(Bn254Fp12, FrobeniusIsPowerOfP) {
  Fp12 a = randomFp12();
  Fp12 ap = power(a, kP);
  EXPECT_EQ(a.frobenius(), ap);
  EXPECT_EQ(a.frobenius2(), power(ap, kP));
  EXPECT_EQ(a.frobenius3(), a.frobenius().frobenius().frobenius());
  // Twelve applications are the identity; six are the conjugation.
  Fp12 x = a;
  for (int i = 0; i < 6; ++i)
    x = x.frobenius();
  EXPECT_EQ(x, a.conj());
}

TEST(Bn254Fp12, CyclotomicSquare) {
  for (int n = 0; n < 10; ++n) {
    Fp12 m = randomCyclotomic();
    EXPECT_EQ(m.cyclotomicSquare(), m.square());
    EXPECT_EQ(m * m.conj(), Fp12::one());
  }
}

//===----------------------------------------------------------------------===//
// Curves
//===----------------------------------------------------------------------===//

TEST(Bn254Curve, GeneratorsHaveOrderR) {
  EXPECT_TRUE(isOnCurve(kG1Generator));
  EXPECT_TRUE(isOnCurve(kG2Generator));
  EXPECT_TRUE(mulPlain(kG1Generator, kR).isInfinity());
  EXPECT_TRUE(mulPlain(kG2Generator, kR).isInfinity());
  EXPECT_FALSE(mulPlain(kG1Generator, kR - Word(1)).isInfinity());
  EXPECT_EQ(mulPlain(kG1Generator, kR - Word(1)).toAffine(), -kG1Generator);
  EXPECT_TRUE(isInG2(kG2Generator));
}

TEST(Bn254Curve, GroupLaw) {
  G1 g = G1::fromAffine(kG1Generator);
  G1 two = g.dbl(), three = two + g;
  EXPECT_EQ(g + g, two);
  EXPECT_EQ(two.addMixed(kG1Generator), three);
  EXPECT_EQ(three + -g, two);
  EXPECT_TRUE((g + -g).isInfinity());
  EXPECT_TRUE(g.addMixed(-kG1Generator).isInfinity());
  EXPECT_EQ(G1::infinity() + g, g);
  EXPECT_EQ(g + G1::infinity(), g);
  EXPECT_EQ(mulPlain(kG1Generator, Word(3)), three);
  EXPECT_TRUE(isOnCurve(three.toAffine()));
  G2 q = G2::fromAffine(kG2Generator);
  EXPECT_EQ(q + q + q, mulPlain(kG2Generator, Word(3)));
  EXPECT_TRUE(isOnCurve((q + q.dbl()).toAffine()));
}

TEST(Bn254Curve, MulG1MatchesDoubleAndAdd) {
  G1Affine p = mulPlain(kG1Generator, randomWord()).toAffine();
  std::vector<Word> scalars = {Word(0),      Word(1),  Word(2),        Word(15),
                               Word(16),     Word(17), kR - Word(1),   kR,
                               kR + Word(1), ~Word{},  Word(31) << 250};
  for (int i = 0; i < 10; ++i)
    scalars.push_back(randomWord() | (Word(rng()()) << 192));
  for (const Word &k : scalars) {
    // Plain double-and-add does not reduce: compare against k mod r.
    Word reduced = k;
    while (!(reduced < kR))
      reduced = reduced - kR;
    EXPECT_EQ(mulG1(p, k), mulPlain(p, reduced)) << k.limbs[3];
  }
  EXPECT_TRUE(mulG1({Fp::zero(), Fp::zero(), true}, Word(5)).isInfinity());
}

TEST(Bn254Curve, PsiActsAsP) {
  // On G2, psi is multiplication by p mod r; psi^2 is psi twice.
  G2 q = G2::fromAffine(kG2Generator);
  Word pModR = kP - kR;
  EXPECT_EQ(psi(q), mulPlain(kG2Generator, pModR));
  EXPECT_EQ(psi2(q), psi(psi(q)));
}

/// Twist points off G2, EIP-197 encoded (x_imag, x_real, y_imag, y_real): a
/// random one (full order), ones of order r * l for each prime l of the
/// cofactor 2p - r, and one of order 10069.
const char *const kTwistNotInG2[] = {
    "23445bb31738f7d93d9c172411e20b8f6b0d549b6f03675a1600a35a099950d8"
    "0dbd9d7381e74ef5e8e25d940ed904759531985d5d9dc9f81818e811892f902b"
    "2b1b84bfc21e1beb24c243d78e7708c13fe099648e4d401260947b0f23311ae8"
    "089640eb115c71746298ca6700be9c43b81165b9020638372942fd8b929a1fbf",
    "1bb11ac2573525da15b02fbb2d7b70df636d5c1dca1c7aa623b660927e83e715"
    "2ac7fc7645940bba700491378c28e1abc561f5e636fd55f3f1f894d38b803a33"
    "3035963f81a22c13ded02417e146c71944729bfe433837786852d440c10fcb54"
    "2a22a8b4de9f6ef21b78bd2bd59e63cfa10c4f2285fe45472905dc0bd994182d",
    "197499ff7c476c7c5b54452f2646732dfa9537d3c95f4875675ce9e08c3f3f9d"
    "26191b810ae6add88f9f80497f242f98b3538b5c58fba746530b05c14c4ee677"
    "1f0770fc3336d7793cf6e7a75c939d31d1f0795a4612ce6501c1168f0a4323a8"
    "2dc545c7f0c40d52df829da05b38b660715db75f2bf283d8e328c7c786e5013f",
    "07c6ad561473024748ef20999ffbcc383e1cf9a26f5a3c215c8306ddf077ffd0"
    "2b489199488a3c9b2483031503083a72d4ac1edc75de9bccba2d46a1af1c4880"
    "283ac1c83b03e156376b6e8427583a4917532f519cc5a05449d3b717e380feca"
    "244a8cf8bb46ce1c708468bed3eeb766749ed0f33c8c9e3e23e9044591fcf9cf",
    "06c13d2ec802098fc6430fb809bef815b06dac605efd25ee74c91a94a3ecad23"
    "09b7e492e4e5982455899955d3af0683bfea9a488a1fb8abbf5e321e55787b14"
    "25a2763f2758f9120c0813f07ea9b5b66986f1410905e24b28a3af98a03d277e"
    "0a16b734f1f6dfde7cafe928d603e17bb571c4db11fc66edccaf4748e066ae63",
    "271d88a12f567cd289890e4f30ae7031f84370ef358a9d96e301a6b96907919c"
    "1546b074c0fff63fb27929d77e3c02b75f5990daf69b3f71b8ede38666add02c"
    "1f869e8af47c997233f8847078fa01d42ad4a6e07f8a8545211eef870769a963"
    "1c719213168b8d2b318dd8e615485ef1b6f4d4197652f3b086a59366a3ca8556",
};

/// The random point above times the cofactor: in G2.
const char *const kTwistInG2 = "230012b8d1aa12244232bb46dc722bb657fe38a2e155c77d109af3f0d8e0e846"
                               "1aa48ffde206f257a32022f540478217515b2e570679012df429a4dba71853cd"
                               "2ebfb98bab11ce422036e2d1459863f271c1e3be6e6bd3510e737ba1c87f49c3"
                               "1d9ab0e5d352d2ec717d4c33600e6b98720b85cbaa80747a8da000e18a49746a";

TEST(Bn254Curve, G2SubgroupCheckAgreesWithOrder) {
  for (const char *hex : kTwistNotInG2) {
    G2Affine q = g2FromEip197(hex);
    ASSERT_TRUE(isOnCurve(q)) << hex;
    EXPECT_FALSE(mulPlain(q, kR).isInfinity()) << hex;
    EXPECT_FALSE(isInG2(q)) << hex;
  }
  G2Affine q = g2FromEip197(kTwistInG2);
  ASSERT_TRUE(isOnCurve(q));
  EXPECT_TRUE(mulPlain(q, kR).isInfinity());
  EXPECT_TRUE(isInG2(q));
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(isInG2(mulPlain(kG2Generator, randomWord()).toAffine()));
}

//===----------------------------------------------------------------------===//
// Pairing
//===----------------------------------------------------------------------===//

TEST(Bn254Pairing, NonDegenerateOfOrderR) {
  Fp12 e = pairing(kG1Generator, kG2Generator);
  EXPECT_FALSE(e.isOne());
  EXPECT_TRUE(power(e, kR).isOne());
}

TEST(Bn254Pairing, Bilinear) {
  Fp12 e = pairing(kG1Generator, kG2Generator);
  for (int i = 0; i < 3; ++i) {
    Word a = randomWord(), b = randomWord();
    G1Affine ap = mulG1(kG1Generator, a).toAffine();
    G2Affine bq = mulPlain(kG2Generator, b).toAffine();
    EXPECT_EQ(pairing(ap, bq), power(e, mulMod(a, b, kR)));
    EXPECT_EQ(pairing(ap, kG2Generator), power(e, a));
  }
}

TEST(Bn254Pairing, InverseCancels) {
  G1Affine p = mulG1(kG1Generator, randomWord()).toAffine();
  G2Affine q = mulPlain(kG2Generator, randomWord()).toAffine();
  EXPECT_EQ(pairing(p, q) * pairing(-p, q), Fp12::one());
  PairingInput pairs[] = {{p, q}, {-p, q}};
  EXPECT_TRUE(pairingProductIsOne(pairs));
  PairingInput pairs2[] = {{p, q}, {p, -q}};
  EXPECT_TRUE(pairingProductIsOne(pairs2));
  PairingInput pairs3[] = {{p, q}, {p, q}};
  EXPECT_FALSE(pairingProductIsOne(pairs3));
}

TEST(Bn254Pairing, SharedMillerLoopIsTheProduct) {
  PairingInput in[3];
  Fp12 product = Fp12::one();
  for (PairingInput &pair : in) {
    pair = {mulG1(kG1Generator, randomWord()).toAffine(),
            mulPlain(kG2Generator, randomWord()).toAffine()};
    product = product * millerLoop({&pair, 1});
  }
  EXPECT_EQ(millerLoop(in), product);
}

TEST(Bn254Pairing, InfinityContributesOne) {
  G1Affine inf1{Fp::zero(), Fp::zero(), true};
  G2Affine inf2{Fp2::zero(), Fp2::zero(), true};
  EXPECT_TRUE(pairing(inf1, kG2Generator).isOne());
  EXPECT_TRUE(pairing(kG1Generator, inf2).isOne());
  EXPECT_TRUE(pairingProductIsOne({}));
}

} // namespace
