//===- JumpTest.cpp - JUMP, JUMPI and jump destination validity -----------===//
//
// A jump must land on a JUMPDEST byte that is an instruction, not push data,
// and lies inside the code; anything else is an exceptional halt that consumes
// all gas. JUMPI with a zero condition does not jump and so never checks its
// destination. Yellow paper, sections 9.4.3 and 9.4.2:
// https://ethereum.github.io/yellowpaper/paper.pdf
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using JumpTest = ExecutionTest;

TEST_P(JumpTest, JumpToJumpdest) {
  // 0: PUSH1 4  2: JUMP  3: INVALID  4: JUMPDEST  5: PUSH1 1 ...
  // 3 + 8 + 1 + 3 + 13 = 28.
  Bytecode code = jump(4) + OP_INVALID + OP_JUMPDEST + push(1) + retTop();
  ASSERT_EQ(code.bytes()[4], OP_JUMPDEST);
  execute(1000, code);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 28);
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(JumpTest, JumpIntoPushData) {
  // 0: PUSH1 4  2: JUMP  3: PUSH1 0x5b  5: STOP -- byte 4 is 0x5b but data.
  Bytecode code = jump(4) + push(0x5b) + OP_STOP;
  ASSERT_EQ(code.bytes()[4], OP_JUMPDEST);
  execute(1000, code);
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, JumpToAnInstructionThatIsNoJumpdest) {
  // Destination 3 is the PUSH1.
  execute(1000, jump(3) + push(0x5b) + OP_STOP);
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, JumpOutOfRange) {
  execute(1000, jump(100) + OP_JUMPDEST);
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, JumpToCodeSize) {
  // The code is 3 bytes; offset 3 is past the end (the implicit STOP there is
  // not a JUMPDEST).
  execute(1000, jump(3));
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, HugeDestinationIsNotTruncated) {
  // Each destination's low 64 bits are 0, where there is a JUMPDEST: an
  // engine that truncated would loop until out of gas instead.
  for (Word dest : {Word(1) << 64, Word(1) << 128, Word(1) << 255}) {
    SCOPED_TRACE(dest.toHex());
    execute(1000, Bytecode(OP_JUMPDEST) + jump(dest));
    EXPECT_HALT(Status::BadJumpDestination);
  }
  execute(1000, Bytecode(OP_JUMPDEST) + jump(~Word{}));
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, JumpiTaken) {
  // 0: PUSH1 1  2: PUSH1 6  4: JUMPI  5: INVALID  6: JUMPDEST  7: PUSH1 7 ...
  // 3 + 3 + 10 + 1 + 3 + 13 = 33.
  Bytecode code = jumpi(6, 1) + OP_INVALID + OP_JUMPDEST + push(7) + retTop();
  ASSERT_EQ(code.bytes()[6], OP_JUMPDEST);
  execute(1000, code);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 33);
  EXPECT_EQ(outputWord(), Word(7));
}

TEST_P(JumpTest, JumpiTakenWithAnyNonZeroCondition) {
  // 0: PUSH32 ~0  33: PUSH1 37  35: JUMPI  36: INVALID  37: JUMPDEST
  Bytecode code = jumpi(37, ~Word{}) + OP_INVALID + OP_JUMPDEST + OP_STOP;
  ASSERT_EQ(code.bytes()[37], OP_JUMPDEST);
  execute(1000, code);
  EXPECT_EQ(result.status, Status::Success);
  // PUSH32 3 + PUSH1 3 + JUMPI 10 + JUMPDEST 1 = 17.
  EXPECT_EQ(gasUsed, 17);
}

TEST_P(JumpTest, JumpiTakenToBadDestination) {
  execute(1000, jumpi(100, 1) + OP_JUMPDEST);
  EXPECT_HALT(Status::BadJumpDestination);
}

TEST_P(JumpTest, JumpiNotTakenIgnoresBadDestination) {
  // PUSH0 2 + PUSH2 3 + JUMPI 10 + PUSH1 3 + 13 = 31.
  execute(1000, jumpi(0xffff, 0) + push(1) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 31);
  EXPECT_EQ(outputWord(), Word(1));
  // A destination that does not even fit in 64 bits: PUSH32, still 31.
  execute(1000, jumpi(~Word{}, 0) + push(1) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 31);
  // A destination inside push data: 0: PUSH0  1: PUSH1 5  3: JUMPI
  // 4: PUSH1 0x5b ... byte 5 is data. 2 + 3 + 10 + 3 + 13 = 31.
  execute(1000, jumpi(5, 0) + push(0x5b) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 31);
}

TEST_P(JumpTest, JumpWithoutDestinationUnderflows) {
  execute(1000, Bytecode(OP_JUMP));
  EXPECT_HALT(Status::StackUnderflow);
  execute(1000, push(4) + OP_JUMPI);
  EXPECT_HALT(Status::StackUnderflow);
}

TEST_P(JumpTest, FallingOffTheEndStops) {
  // PUSH1 3 and then the implicit STOP.
  execute(1000, push(1));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3);
  EXPECT_TRUE(result.output.empty());
}

TEST_P(JumpTest, PcIsTheInstructionOffset) {
  // 0: PUSH0  1: POP  2: PC -> 2. 2 + 2 + 2 + 13 = 19.
  execute(1000, Bytecode(OP_PUSH0) + OP_POP + OP_PC + retTop());
  EXPECT_EQ(gasUsed, 19);
  EXPECT_EQ(outputWord(), Word(2));
}

TEST_P(JumpTest, BackwardLoopRunsOutOfGas) {
  // 0: JUMPDEST  1: PUSH0  2: JUMP -- forever, until the gas is gone.
  execute(10000, Bytecode(OP_JUMPDEST) + jump(0));
  EXPECT_HALT(Status::OutOfGas);
}

METIS_INSTANTIATE_ENGINE_TESTS(JumpTest);

} // namespace
