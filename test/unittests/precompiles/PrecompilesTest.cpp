//===- PrecompilesTest.cpp - The precompiled contracts 0x01..0x0a ---------===//
//
// Vectors from the EIPs (EIP-198 and EIP-2565 for modexp, EIP-152 for blake2f)
// and from go-ethereum's core/vm/testdata/precompiles, plus gas edge cases.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Precompiles.h"

#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <limits>

using namespace metis;
using namespace metis::precompiles;

namespace {

constexpr int64_t kPlenty = 100'000'000;
constexpr int64_t kMaxGas = std::numeric_limits<int64_t>::max();

Bytes hex(std::string_view s) {
  auto bytes = fromHex(s);
  EXPECT_TRUE(bytes) << "bad hex in test: " << s;
  return bytes.value_or(Bytes{});
}

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes &p : parts)
    out.insert(out.end(), p.begin(), p.end());
  return out;
}

/// A 32-byte big-endian word holding `v`.
Bytes word(uint64_t v) {
  Bytes out(32, 0);
  for (int i = 0; i < 8; ++i)
    out[31 - i] = uint8_t(v >> (8 * i));
  return out;
}

Bytes allOnesWord() { return Bytes(32, 0xff); }

void expectSuccess(const Result &r, int64_t gas, std::string_view outputHex) {
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, gas);
  EXPECT_EQ(toHex(r.output), outputHex);
}

void expectFailure(const Result &r, int64_t gasLimit) {
  EXPECT_EQ(r.status, Status::Failure);
  EXPECT_EQ(r.gasUsed, gasLimit);
  EXPECT_TRUE(r.output.empty());
}

void expectOutOfGas(const Result &r, int64_t gasLimit) {
  EXPECT_EQ(r.status, Status::OutOfGas);
  EXPECT_EQ(r.gasUsed, gasLimit);
  EXPECT_TRUE(r.output.empty());
}

//===----------------------------------------------------------------------===//
// Addresses and dispatch
//===----------------------------------------------------------------------===//

TEST(Precompiles, Ids) {
  for (unsigned i = 1; i <= 10; ++i) {
    EXPECT_EQ(precompileId(Address::fromUint64(i)), i);
    EXPECT_TRUE(isPrecompile(Address::fromUint64(i)));
  }
  EXPECT_EQ(precompileId(Address::fromUint64(0)), 0u);
  EXPECT_EQ(precompileId(Address::fromUint64(11)), 0u);
  EXPECT_EQ(precompileId(Address::fromUint64(0x101)), 0u);
  Address high = Address::fromUint64(1);
  high[0] = 1;
  EXPECT_FALSE(isPrecompile(high));
}

TEST(Precompiles, UnknownIdFails) {
  expectFailure(execute(0, {}, 1000), 1000);
  expectFailure(execute(11, {}, 1000), 1000);
}

TEST(Precompiles, NegativeGasLimitIsOutOfGas) { expectOutOfGas(execute(4, {}, -5), 0); }

//===----------------------------------------------------------------------===//
// 0x01 ecrecover
//===----------------------------------------------------------------------===//

// go-ethereum's ecRecover.json "ValidKey": signed by the key of 0xa94f...ebf0b.
constexpr std::string_view kEcrecoverValid =
    "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
    "000000000000000000000000000000000000000000000000000000000000001c"
    "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
    "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
constexpr std::string_view kA94fWord =
    "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

TEST(Ecrecover, ValidKey) {
  expectSuccess(execute(1, hex(kEcrecoverValid), kPlenty), 3000, kA94fWord);
}

TEST(Ecrecover, ExtraInputIgnored) {
  Bytes in = cat({hex(kEcrecoverValid), hex("deadbeef")});
  expectSuccess(execute(1, in, 3000), 3000, kA94fWord);
}

TEST(Ecrecover, UnrecoverableKeyGivesEmptyOutput) {
  // go-ethereum's "CallEcrecoverUnrecoverableKey".
  Bytes in = hex("a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281"
                 "000000000000000000000000000000000000000000000000000000000000001b"
                 "3078356531653033663533636531386237373263636230303933666637316633"
                 "6635336635633735623734646362333161383561613862383839326234653862"
                 "1122334455667788991011121314151617181920212223242526272829303132");
  expectSuccess(execute(1, in, kPlenty), 3000, "");
}

TEST(Ecrecover, BadVGivesEmptyOutput) {
  Bytes in = hex(kEcrecoverValid);
  for (uint8_t v : {0, 1, 26, 29, 0x1c + 0x80}) {
    in[63] = v;
    expectSuccess(execute(1, in, kPlenty), 3000, "");
  }
  // 28 in the low byte but junk higher up: v is the whole word (geth's
  // InvalidHighV-bits).
  in[63] = 0x1c;
  in[32] = 0x10;
  expectSuccess(execute(1, in, kPlenty), 3000, "");
  in[32] = 0;
  in[50] = 0x01;
  expectSuccess(execute(1, in, kPlenty), 3000, "");
}

TEST(Ecrecover, OutOfRangeRAndSGiveEmptyOutput) {
  Bytes n = hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  Bytes base = hex(kEcrecoverValid);
  auto withWord = [&](size_t offset, const Bytes &w) {
    Bytes in = base;
    std::copy(w.begin(), w.end(), in.begin() + offset);
    return in;
  };
  expectSuccess(execute(1, withWord(64, Bytes(32, 0)), kPlenty), 3000,
                ""); // r = 0
  expectSuccess(execute(1, withWord(96, Bytes(32, 0)), kPlenty), 3000,
                "");                                             // s = 0
  expectSuccess(execute(1, withWord(64, n), kPlenty), 3000, ""); // r = n
  expectSuccess(execute(1, withWord(96, n), kPlenty), 3000, ""); // s = n
  expectSuccess(execute(1, withWord(96, allOnesWord()), kPlenty), 3000, "");
}

TEST(Ecrecover, ShortAndEmptyInput) {
  // Padding makes v = 0: invalid, but the call succeeds and costs 3000.
  expectSuccess(execute(1, {}, kPlenty), 3000, "");
  expectSuccess(execute(1, hex(kEcrecoverValid.substr(0, 64)), kPlenty), 3000, "");
  // Dropping trailing zero bytes of s changes nothing: the padding puts them
  // back.
  Bytes in = hex(kEcrecoverValid);
  Bytes padded = in;
  std::fill(padded.end() - 4, padded.end(), 0);
  Result full = execute(1, padded, kPlenty);
  Result truncated = execute(1, BytesView(padded).first(124), kPlenty);
  EXPECT_EQ(full.output, truncated.output);
}

TEST(Ecrecover, OutOfGas) { expectOutOfGas(execute(1, hex(kEcrecoverValid), 2999), 2999); }

/// Signs `hash` with the well-known test key of 0xa94f...ebf0b; returns r || s
/// and the recovery id.
std::pair<Bytes, int> signWithTestKey(const Bytes &hash) {
  Bytes key = hex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_ecdsa_recoverable_signature sig;
  EXPECT_TRUE(
      secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash.data(), key.data(), nullptr, nullptr));
  Bytes rs(64);
  int recid = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, rs.data(), &recid, &sig);
  secp256k1_context_destroy(ctx);
  return {rs, recid};
}

TEST(Ecrecover, RecoversOwnSignatureAndHighS) {
  Bytes hash = hex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  auto [rs, recid] = signWithTestKey(hash);
  Bytes in = cat({hash, word(27 + recid), rs});
  expectSuccess(execute(1, in, 3000), 3000, kA94fWord);

  // libsecp256k1 signs with low s; (r, n - s) with the other parity is the same
  // signature with high s, which ecrecover (unlike transactions) accepts.
  Bytes n = hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  Bytes highS(32);
  int borrow = 0;
  for (int i = 31; i >= 0; --i) {
    int d = int(n[i]) - int(rs[32 + i]) - borrow;
    borrow = d < 0;
    highS[i] = uint8_t(d + (borrow ? 256 : 0));
  }
  ASSERT_EQ(borrow, 0);
  EXPECT_GE(highS[0], 0x80) << "expected the negated s to be high";
  Bytes highIn = cat({hash, word(27 + (recid ^ 1)), Bytes(rs.begin(), rs.begin() + 32), highS});
  expectSuccess(execute(1, highIn, 3000), 3000, kA94fWord);

  // The wrong parity recovers some other key.
  Bytes wrong = cat({hash, word(27 + (recid ^ 1)), rs});
  Result r = execute(1, wrong, 3000);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_NE(toHex(r.output), kA94fWord);
}

//===----------------------------------------------------------------------===//
// 0x02 SHA-256, 0x03 RIPEMD-160, 0x04 identity
//===----------------------------------------------------------------------===//

Bytes abc() { return {'a', 'b', 'c'}; }

TEST(Sha256, KnownDigests) {
  expectSuccess(execute(2, {}, kPlenty), 60,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expectSuccess(execute(2, abc(), kPlenty), 72,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, GasPerWord) {
  EXPECT_EQ(execute(2, Bytes(32), kPlenty).gasUsed, 72);
  EXPECT_EQ(execute(2, Bytes(33), kPlenty).gasUsed, 84);
  EXPECT_EQ(execute(2, Bytes(64), kPlenty).gasUsed, 84);
  expectOutOfGas(execute(2, Bytes(33), 83), 83);
}

TEST(Ripemd160, KnownDigests) {
  expectSuccess(execute(3, {}, kPlenty), 600,
                "0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31");
  expectSuccess(execute(3, abc(), kPlenty), 720,
                "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  expectOutOfGas(execute(3, abc(), 719), 719);
}

TEST(Identity, CopiesInput) {
  expectSuccess(execute(4, {}, kPlenty), 15, "");
  expectSuccess(execute(4, abc(), kPlenty), 18, "616263");
  Bytes big(33, 0x5a);
  Result r = execute(4, big, 21);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, 21);
  EXPECT_EQ(r.output, big);
  expectOutOfGas(execute(4, big, 20), 20);
}

//===----------------------------------------------------------------------===//
// 0x05 modexp
//===----------------------------------------------------------------------===//

constexpr std::string_view kSecpP =
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
constexpr std::string_view kSecpPMinus1 =
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";

TEST(Modexp, Eip198FermatExample) {
  // 3^(p-1) mod p = 1 for the secp256k1 field prime; EIP-2565 prices it at 16 *
  // 255 / 3.
  Bytes in = cat({word(1), word(32), word(32), hex("03"), hex(kSecpPMinus1), hex(kSecpP)});
  expectSuccess(execute(5, in, kPlenty), 1360,
                "0000000000000000000000000000000000000000000000000000000000000001");
  expectOutOfGas(execute(5, in, 1359), 1359);
}

TEST(Modexp, Eip198ZeroLengthBase) {
  // No bytes are read for an empty base: it is 0, and so is the result.
  Bytes in = cat({word(0), word(32), word(32), hex(kSecpPMinus1), hex(kSecpP)});
  expectSuccess(execute(5, in, kPlenty), 1360,
                "0000000000000000000000000000000000000000000000000000000000000000");
}

TEST(Modexp, Eip198PaddingAndExcess) {
  // 3^65535 mod 2^255: once with a trailing byte to ignore, once with the
  // modulus cut short (0x80 then implicit zeros).
  std::string_view expected = "3b01b01ac41f2d6e917c6d6a221ce793802469026d9ab7578fa2e79e4da6aaab";
  Bytes head = cat({word(1), word(2), word(32), hex("03ffff")});
  Bytes excess = cat({head, hex("80"), Bytes(31, 0), hex("07")});
  expectSuccess(execute(5, excess, kPlenty), 200, expected);
  Bytes truncated = cat({head, hex("80")});
  expectSuccess(execute(5, truncated, kPlenty), 200, expected);
}

TEST(Modexp, Eip198HugeModulusLength) {
  // Modulus length 2^256 - 1: no gas limit can pay for it, and nothing may be
  // allocated.
  Bytes in = cat({word(0), word(32), allOnesWord(),
                  hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"),
                  hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                      "d")});
  expectOutOfGas(execute(5, in, kMaxGas), kMaxGas);
}

TEST(Modexp, HugeLengthsSaturate) {
  Bytes big = allOnesWord();
  Bytes justOver64Bits = word(0);
  justOver64Bits[23] = 1; // 2^64
  expectOutOfGas(execute(5, cat({big, word(0), word(1)}), kMaxGas), kMaxGas);
  expectOutOfGas(execute(5, cat({word(1), word(0), justOver64Bits}), kMaxGas), kMaxGas);
  // A huge exponent length with a one-byte modulus: the iteration count alone
  // is out of reach.
  expectOutOfGas(execute(5, cat({word(1), big, word(1)}), kMaxGas), kMaxGas);
  expectOutOfGas(execute(5, cat({word(0), justOver64Bits, word(1)}), kMaxGas), kMaxGas);
  // 2^32 exponent bytes cost about 2^35 / 3 gas even for a one-byte modulus.
  Bytes e4g = word(uint64_t(1) << 32);
  expectOutOfGas(execute(5, cat({word(1), e4g, word(1)}), 10'000'000'000), 10'000'000'000);
}

TEST(Modexp, HugeExponentLengthWithZeroModulusLength) {
  // max(Blen, Mlen) = 0 makes the complexity 0, so the price is the 200 floor
  // whatever Elen says, and the output is Mlen = 0 bytes.
  expectSuccess(execute(5, cat({word(0), allOnesWord(), word(0)}), 200), 200, "");
  expectSuccess(execute(5, cat({word(0), word(uint64_t(1) << 40), word(0), hex("ff")}), 200), 200,
                "");
}

TEST(Modexp, EmptyInput) {
  expectSuccess(execute(5, {}, kPlenty), 200, "");
  expectOutOfGas(execute(5, {}, 199), 199);
}

TEST(Modexp, ZeroLengthExponent) {
  // x^0 = 1, reduced: 1 mod 7 = 1, but 1 mod 1 = 0.
  expectSuccess(execute(5, cat({word(1), word(0), word(1), hex("05"), hex("07")}), kPlenty), 200,
                "01");
  expectSuccess(execute(5, cat({word(1), word(0), word(1), hex("05"), hex("01")}), kPlenty), 200,
                "00");
  expectSuccess(execute(5, cat({word(0), word(0), word(2), hex("0007")}), kPlenty), 200, "0001");
}

TEST(Modexp, ZeroModulusGivesZeros) {
  expectSuccess(execute(5, cat({word(1), word(1), word(3), hex("0203")}), kPlenty), 200, "000000");
  expectSuccess(execute(5, cat({word(1), word(1), word(2), hex("0203"), hex("0000")}), kPlenty),
                200, "0000");
}

TEST(Modexp, OutputIsLeftPadded) {
  // 2^3 mod 1000 = 8, as a 4-byte modulus.
  expectSuccess(
      execute(5, cat({word(1), word(1), word(4), hex("02"), hex("03"), hex("000003e8")}), kPlenty),
      200, "00000008");
  // A base longer than the modulus and larger than it.
  expectSuccess(
      execute(5, cat({word(2), word(1), word(1), hex("0109"), hex("01"), hex("0a")}), kPlenty), 200,
      "05");
}

TEST(Modexp, ExponentHeadPricing) {
  // Blen = Mlen = 256: complexity 32^2 = 1024. Elen = 40 with an all-zero head:
  // 8 * (40 - 32) = 64 iterations. The result is 3^0 mod 7 = 1.
  Bytes base = Bytes(256, 0), mod = Bytes(256, 0);
  base.back() = 3;
  mod.back() = 7;
  Bytes lengths = cat({word(256), word(40), word(256)});
  Bytes one = Bytes(256, 0);
  one.back() = 1;
  Result r = execute(5, cat({lengths, base, Bytes(40, 0), mod}), kPlenty);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, 1024 * 64 / 3);
  EXPECT_EQ(r.output, one);

  // Exponent 0x01 followed by 39 zero bytes = 2^312: head bit index 248, 64 +
  // 248 = 312 iterations. 3^(2^312) mod 7 = 4.
  Bytes exp(40, 0);
  exp[0] = 1;
  Bytes four = Bytes(256, 0);
  four.back() = 4;
  r = execute(5, cat({lengths, base, exp, mod}), kPlenty);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, 1024 * 312 / 3);
  EXPECT_EQ(r.output, four);
  expectOutOfGas(execute(5, cat({lengths, base, exp, mod}), 1024 * 312 / 3 - 1),
                 1024 * 312 / 3 - 1);

  // The same exponent, cut off after its first byte: the padding restores it
  // exactly, and the cut-off modulus reads as zero.
  r = execute(5, cat({lengths, base, hex("01")}), kPlenty);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, 1024 * 312 / 3);
  EXPECT_EQ(r.output, Bytes(256, 0));

  // A head bit beyond byte 32 does not count: only the first 32 bytes price.
  Bytes lateBit(40, 0);
  lateBit[39] = 0x80;
  r = execute(5, cat({lengths, base, lateBit, mod}), kPlenty);
  EXPECT_EQ(r.gasUsed, 1024 * 64 / 3);
}

TEST(Modexp, ShortExponentHeads) {
  // Elen <= 32: the iteration count is the highest set bit's index, at least 1.
  auto gasFor = [](const Bytes &exp) {
    Bytes in = cat({word(512), word(exp.size()), word(512), Bytes(512, 1), exp, Bytes(512, 3)});
    return execute(5, in, kPlenty).gasUsed;
  };
  // Complexity 64^2 = 4096.
  EXPECT_EQ(gasFor(hex("00")), 4096 / 3);
  EXPECT_EQ(gasFor(hex("01")), 4096 / 3);
  EXPECT_EQ(gasFor(hex("03")), 4096 / 3);
  EXPECT_EQ(gasFor(hex("010001")), 4096 * 16 / 3);
  EXPECT_EQ(gasFor(hex("0000000000000000000000000000000000000000000000000000000000000004")),
            4096 * 2 / 3);
  EXPECT_EQ(gasFor(allOnesWord()), 4096 * 255 / 3);
}

TEST(Modexp, GethNagydani1Pow0x10001) {
  // go-ethereum's modexp_eip2565.json "nagydani-1-pow0x10001".
  Bytes in = hex("0000000000000000000000000000000000000000000000000000000000000040"
                 "0000000000000000000000000000000000000000000000000000000000000003"
                 "0000000000000000000000000000000000000000000000000000000000000040"
                 "e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb003"
                 "3ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5"
                 "010001"
                 "fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2b"
                 "b02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b");
  expectSuccess(execute(5, in, kPlenty), 341,
                "c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b84091"
                "28a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2");
}

//===----------------------------------------------------------------------===//
// 0x09 blake2f
//===----------------------------------------------------------------------===//

// EIP-152's inputs share everything after the round count but the final flag.
constexpr std::string_view kBlakeStateAndMessage =
    "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
    "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
    "6162630000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0300000000000000"
    "0000000000000000";

Bytes blakeInput(std::string_view rounds, std::string_view flag) {
  return cat({hex(rounds), hex(kBlakeStateAndMessage), hex(flag)});
}

TEST(Blake2f, Eip152InvalidLength) {
  // Vectors 0-2: empty, 212 and 214 bytes.
  expectFailure(execute(9, {}, kPlenty), kPlenty);
  expectFailure(execute(9, blakeInput("00000c", "01"), kPlenty), kPlenty);
  expectFailure(execute(9, blakeInput("000000000c", "01"), kPlenty), kPlenty);
}

TEST(Blake2f, Eip152InvalidFinalFlag) {
  // Vector 3.
  expectFailure(execute(9, blakeInput("0000000c", "02"), kPlenty), kPlenty);
  expectFailure(execute(9, blakeInput("0000000c", "ff"), kPlenty), kPlenty);
}

TEST(Blake2f, Eip152ZeroRounds) {
  // Vector 4: free, yet not the identity (h is still folded with the IV and
  // counters).
  expectSuccess(execute(9, blakeInput("00000000", "01"), 0), 0,
                "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
                "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b");
}

TEST(Blake2f, Eip152TwelveRounds) {
  // Vector 5: BLAKE2b-512("abc").
  expectSuccess(execute(9, blakeInput("0000000c", "01"), kPlenty), 12,
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  expectOutOfGas(execute(9, blakeInput("0000000c", "01"), 11), 11);
}

TEST(Blake2f, Eip152NotFinal) {
  // Vector 6.
  expectSuccess(execute(9, blakeInput("0000000c", "00"), kPlenty), 12,
                "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
                "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735");
}

TEST(Blake2f, Eip152OneRound) {
  // Vector 7.
  expectSuccess(execute(9, blakeInput("00000001", "01"), kPlenty), 1,
                "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fb"
                "a551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421");
}

TEST(Blake2f, MaxRoundsPricedBeforeRunning) {
  // Vector 8 (2^32 - 1 rounds) is too slow for a unit test; its price must stop
  // it first.
  expectOutOfGas(execute(9, blakeInput("ffffffff", "01"), kPlenty), kPlenty);
}

} // namespace
