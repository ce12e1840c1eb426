//===- ArithmeticTest.cpp - Arithmetic, comparison and bit opcodes --------===//
//
// Results modulo 2^256 as the yellow paper defines them (appendix H), with the
// exact gas: the static cost of every instruction plus EXP's 50 per exponent
// byte (EIP-160: https://eips.ethereum.org/EIPS/eip-160). Shifts follow
// EIP-145: https://eips.ethereum.org/EIPS/eip-145
//
// retTop() costs 13 with empty memory (PUSH0 2, MSTORE 3 + 3 for one word,
// PUSH1 3, PUSH0 2, RETURN 0).
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using ArithmeticTest = ExecutionTest;

const Word kMax = ~Word{};
const Word kIntMin = Word(1) << 255;

TEST_P(ArithmeticTest, Add) {
  // PUSH1 3 + PUSH1 3 + ADD 3 + 13 = 22.
  execute(1000, push(1) + push(2) + OP_ADD + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(3));
}

TEST_P(ArithmeticTest, AddWraps) {
  // PUSH32 3 + PUSH1 3 + ADD 3 + 13 = 22; (2^256 - 1) + 2 = 1.
  execute(1000, push(kMax) + push(2) + OP_ADD + retTop());
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(ArithmeticTest, SubTakesTopMinusSecond) {
  // SUB(a = top, b) = a - b: 5 - 1. 3 + 3 + 3 + 13 = 22.
  execute(1000, push(1) + push(5) + OP_SUB + retTop());
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(4));
  // 1 - 5 wraps to 2^256 - 4.
  execute(1000, push(5) + push(1) + OP_SUB + retTop());
  EXPECT_EQ(outputWord(), kMax - 3);
}

TEST_P(ArithmeticTest, MulWraps) {
  // 3 + 3 + MUL 5 + 13 = 24; (2^256 - 1) * 2 = 2^256 - 2.
  execute(1000, push(2) + push(kMax) + OP_MUL + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 24);
  EXPECT_EQ(outputWord(), kMax - 1);
}

TEST_P(ArithmeticTest, DivByZeroIsZero) {
  // 7 / 0: PUSH0 2 + PUSH1 3 + DIV 5 + 13 = 23.
  execute(1000, push(0) + push(7) + OP_DIV + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 23);
  EXPECT_EQ(outputWord(), Word(0));
  // 7 % 0 is zero too.
  execute(1000, push(0) + push(7) + OP_MOD + retTop());
  EXPECT_EQ(gasUsed, 23);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(ArithmeticTest, SdivTruncatesTowardZero) {
  // -8 / 3 = -2. PUSH1 3 + PUSH32 3 + SDIV 5 + 13 = 24.
  execute(1000, push(3) + push(-Word(8)) + OP_SDIV + retTop());
  EXPECT_EQ(gasUsed, 24);
  EXPECT_EQ(outputWord(), -Word(2));
}

TEST_P(ArithmeticTest, SdivOverflowGivesIntMin) {
  // -2^255 / -1 overflows and wraps to -2^255.
  execute(1000, push(kMax) + push(kIntMin) + OP_SDIV + retTop());
  EXPECT_EQ(gasUsed, 24);
  EXPECT_EQ(outputWord(), kIntMin);
}

TEST_P(ArithmeticTest, SmodTakesSignOfDividend) {
  // -8 smod 3 = -2; 8 smod -3 = 2. 3 + 3 + SMOD 5 + 13 = 24.
  execute(1000, push(3) + push(-Word(8)) + OP_SMOD + retTop());
  EXPECT_EQ(gasUsed, 24);
  EXPECT_EQ(outputWord(), -Word(2));
  execute(1000, push(-Word(3)) + push(8) + OP_SMOD + retTop());
  EXPECT_EQ(outputWord(), Word(2));
}

TEST_P(ArithmeticTest, AddmodUsesTheFullSum) {
  // (2^256 - 1 + 2) mod 3 on the 257-bit sum: 2^256 = 1 (mod 3), so 2.
  // 3 + 3 + 3 + ADDMOD 8 + 13 = 30.
  execute(1000, push(3) + push(2) + push(kMax) + OP_ADDMOD + retTop());
  EXPECT_EQ(gasUsed, 30);
  EXPECT_EQ(outputWord(), Word(2));
}

TEST_P(ArithmeticTest, MulmodUsesTheFullProduct) {
  // (2^256 - 1)^2 mod 12: 2^256 = 4 (mod 12), so 3^2 = 9.
  // 3 + 3 + 3 + MULMOD 8 + 13 = 30.
  execute(1000, push(12) + push(kMax) + push(kMax) + OP_MULMOD + retTop());
  EXPECT_EQ(gasUsed, 30);
  EXPECT_EQ(outputWord(), Word(9));
  // A zero modulus gives zero.
  execute(1000, push(0) + push(5) + push(5) + OP_MULMOD + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(ArithmeticTest, ExpZeroExponentCostsNoByteGas) {
  // 3^0 = 1: PUSH0 2 + PUSH1 3 + EXP 10 + 13 = 28.
  execute(1000, push(0) + push(3) + OP_EXP + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 28);
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(ArithmeticTest, ExpOneByteExponent) {
  // 2^255: 3 + 3 + EXP (10 + 50 * 1) + 13 = 79.
  execute(1000, push(255) + push(2) + OP_EXP + retTop());
  EXPECT_EQ(gasUsed, 79);
  EXPECT_EQ(outputWord(), kIntMin);
}

TEST_P(ArithmeticTest, ExpTwoByteExponentWraps) {
  // 2^256 mod 2^256 = 0; the exponent 0x0100 has two bytes:
  // PUSH2 3 + PUSH1 3 + EXP (10 + 50 * 2) + 13 = 129.
  execute(1000, push(0x100) + push(2) + OP_EXP + retTop());
  EXPECT_EQ(gasUsed, 129);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(ArithmeticTest, ExpFullWidthExponent) {
  // 1^(2^256 - 1) = 1: PUSH32 3 + PUSH1 3 + EXP (10 + 50 * 32) + 13 = 1629.
  execute(2000, push(kMax) + push(1) + OP_EXP + retTop());
  EXPECT_EQ(gasUsed, 1629);
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(ArithmeticTest, ExpByteGasIsCharged) {
  // Up to and including EXP costs 3 + 3 + 110 = 116: with 115 it runs out.
  execute(115, push(0x100) + push(2) + OP_EXP);
  EXPECT_HALT(Status::OutOfGas);
  execute(116, push(0x100) + push(2) + OP_EXP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 116);
}

TEST_P(ArithmeticTest, SignextendAndByte) {
  // SIGNEXTEND(0, 0xff) = -1: PUSH1 3 + PUSH0 2 + SIGNEXTEND 5 + 13 = 23.
  execute(1000, push(0xff) + push(0) + OP_SIGNEXTEND + retTop());
  EXPECT_EQ(gasUsed, 23);
  EXPECT_EQ(outputWord(), kMax);
  // SIGNEXTEND(0, 0x7f) = 0x7f.
  execute(1000, push(0x7f) + push(0) + OP_SIGNEXTEND + retTop());
  EXPECT_EQ(outputWord(), Word(0x7f));
  // BYTE(31, 0x1234) = 0x34, counted from the most significant byte:
  // PUSH2 3 + PUSH1 3 + BYTE 3 + 13 = 22.
  execute(1000, push(0x1234) + push(31) + OP_BYTE + retTop());
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(0x34));
  // BYTE(32, x) = 0.
  execute(1000, push(kMax) + push(32) + OP_BYTE + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(ArithmeticTest, Shifts) {
  // SHL(4, 1) = 16: 3 + 3 + SHL 3 + 13 = 22.
  execute(1000, push(1) + push(4) + OP_SHL + retTop());
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(16));
  // SHR(256, x) = 0.
  execute(1000, push(kMax) + push(256) + OP_SHR + retTop());
  EXPECT_EQ(gasUsed, 22);
  EXPECT_EQ(outputWord(), Word(0));
  // SAR(4, -16) = -1; SAR(300, -16) = -1; SAR(300, 16) = 0.
  execute(1000, push(-Word(16)) + push(4) + OP_SAR + retTop());
  EXPECT_EQ(outputWord(), kMax);
  execute(1000, push(-Word(16)) + push(300) + OP_SAR + retTop());
  EXPECT_EQ(outputWord(), kMax);
  execute(1000, push(16) + push(300) + OP_SAR + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(ArithmeticTest, SignedAndUnsignedComparison) {
  // SLT(-1, 0) = 1 but LT(2^256 - 1, 0) = 0: PUSH0 2 + PUSH32 3 + 3 + 13 = 21.
  execute(1000, push(0) + push(kMax) + OP_SLT + retTop());
  EXPECT_EQ(gasUsed, 21);
  EXPECT_EQ(outputWord(), Word(1));
  execute(1000, push(0) + push(kMax) + OP_LT + retTop());
  EXPECT_EQ(outputWord(), Word(0));
  execute(1000, push(0) + push(kMax) + OP_SGT + retTop());
  EXPECT_EQ(outputWord(), Word(0));
  execute(1000, push(0) + push(kMax) + OP_GT + retTop());
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(ArithmeticTest, ChainedThroughTheStack) {
  // (2 + 3) * 4 - 1 = 19: three PUSH1 9, ADD 3, MUL 5, PUSH1 3, SWAP1 3,
  // SUB 3, then 13: 39.
  execute(1000,
          push(4) + push(3) + push(2) + OP_ADD + OP_MUL + push(1) + OP_SWAP1 + OP_SUB + retTop());
  EXPECT_EQ(gasUsed, 39);
  EXPECT_EQ(outputWord(), Word(19));
}

METIS_INSTANTIATE_ENGINE_TESTS(ArithmeticTest);

} // namespace
