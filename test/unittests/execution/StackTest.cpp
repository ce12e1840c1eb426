//===- StackTest.cpp - Stack underflow and the 1024-item limit ------------===//
//
// The stack holds at most 1024 words; taking more items than it holds or
// growing it past 1024 is an exceptional halt that consumes all gas (yellow
// paper, section 9.4.2). DUPn reads n items and SWAPn n + 1.
// https://ethereum.github.io/yellowpaper/paper.pdf
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using StackTest = ExecutionTest;

TEST_P(StackTest, AddWithOneItemUnderflows) {
  execute(1000, push(1) + OP_ADD);
  EXPECT_HALT(Status::StackUnderflow);
}

TEST_P(StackTest, PopOnEmptyStackUnderflows) {
  execute(1000, Bytecode(OP_POP));
  EXPECT_HALT(Status::StackUnderflow);
}

TEST_P(StackTest, UnderflowAfterValidWorkStillTakesAllGas) {
  execute(1000, push(1) + push(2) + OP_ADD + OP_ADD);
  EXPECT_HALT(Status::StackUnderflow);
}

TEST_P(StackTest, Dup16NeedsSixteenItems) {
  // 15 items: underflow.
  execute(1000, 15 * push(0) + OP_DUP16);
  EXPECT_HALT(Status::StackUnderflow);
  // With 16, DUP16 copies the bottom item (the first pushed, 7).
  execute(1000, push(7) + 15 * push(0) + OP_DUP16 + retTop());
  EXPECT_EQ(result.status, Status::Success);
  // PUSH1 3 + 15 PUSH0 30 + DUP16 3 + 13 = 49.
  EXPECT_EQ(gasUsed, 49);
  EXPECT_EQ(outputWord(), Word(7));
}

TEST_P(StackTest, Swap16NeedsSeventeenItems) {
  execute(1000, 16 * push(0) + OP_SWAP16);
  EXPECT_HALT(Status::StackUnderflow);
  // SWAP16 brings the bottom of 17 items (7) to the top:
  // PUSH1 3 + 16 PUSH0 32 + SWAP16 3 + 13 = 51.
  execute(1000, push(7) + 16 * push(0) + OP_SWAP16 + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 51);
  EXPECT_EQ(outputWord(), Word(7));
}

TEST_P(StackTest, ThousandTwentyFourPushesFit) {
  // 1024 PUSH1 at 3 each = 3072.
  execute(10000, 1024 * push(1));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3072);
}

TEST_P(StackTest, ThousandTwentyFifthPushOverflows) {
  execute(10000, 1025 * push(1));
  EXPECT_HALT(Status::StackOverflow);
}

TEST_P(StackTest, DupOverflowsAFullStack) {
  // 1023 items and a DUP1: 1024 items, fine (1023 * 3 + 3 = 3072).
  execute(10000, 1023 * push(1) + OP_DUP1);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3072);
  // 1024 items and a DUP1: 1025.
  execute(10000, 1024 * push(1) + OP_DUP1);
  EXPECT_HALT(Status::StackOverflow);
}

TEST_P(StackTest, ConsumingMakesRoomAgain) {
  // 1024 items, ADD leaves 1023, one more push is the 1024th:
  // 1024 * 3 + ADD 3 + PUSH1 3 = 3078.
  execute(10000, 1024 * push(1) + OP_ADD + push(1));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3078);
}

TEST_P(StackTest, SwapAtFullStackIsFine) {
  // SWAP does not grow the stack: 1024 * 3 + SWAP1 3 = 3075.
  execute(10000, 1024 * push(1) + OP_SWAP1);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3075);
}

METIS_INSTANTIATE_ENGINE_TESTS(StackTest);

} // namespace
