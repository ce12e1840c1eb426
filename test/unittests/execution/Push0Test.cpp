//===- Push0Test.cpp - EIP-3855: PUSH0 ------------------------------------===//
//
// PUSH0 (0x5f) pushes the constant 0 for 2 gas (G_base) and, like any push,
// overflows the stack at the 1025th item. The cases are the EIP's own.
// https://eips.ethereum.org/EIPS/eip-3855
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using Push0Test = ExecutionTest;

TEST_P(Push0Test, CostsTwo) {
  execute(100, Bytecode(OP_PUSH0));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2);
}

TEST_P(Push0Test, PushesZero) {
  // Over a non-zero word in memory, so the zero is really written:
  // PUSH1 3 + PUSH0 2 + MSTORE 6 = 11; PUSH0 2 + retTop (memory already one
  // word) 10 = 12; 23.
  execute(100, mstore(0, 0xff) + OP_PUSH0 + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 23);
  EXPECT_EQ(result.output, Bytes(32, 0));
}

TEST_P(Push0Test, HasNoImmediate) {
  // 5f 60 07: PUSH0 then PUSH1 7; ADD gives 7. 2 + 3 + 3 + 13 = 21.
  execute(100, Bytecode(OP_PUSH0) + Bytecode::fromHex("6007") + OP_ADD + retTop());
  EXPECT_EQ(gasUsed, 21);
  EXPECT_EQ(outputWord(), Word(7));
}

TEST_P(Push0Test, ThousandTwentyFourTimes) {
  // 1024 * 2 = 2048.
  execute(10000, 1024 * Bytecode(OP_PUSH0));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2048);
}

TEST_P(Push0Test, ThousandTwentyFiveTimesOverflows) {
  execute(10000, 1025 * Bytecode(OP_PUSH0));
  EXPECT_HALT(Status::StackOverflow);
}

TEST_P(Push0Test, InsidePushDataIsData) {
  // PUSH1 0x5f pushes 0x5f, not 0: 3 + 13 = 16.
  execute(100, Bytecode::fromHex("605f") + retTop());
  EXPECT_EQ(gasUsed, 16);
  EXPECT_EQ(outputWord(), Word(0x5f));
}

METIS_INSTANTIATE_ENGINE_TESTS(Push0Test);

} // namespace
