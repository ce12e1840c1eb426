//===- InvalidOpcodeTest.cpp - Undefined opcodes and INVALID --------------===//
//
// Every byte the Cancun instruction set leaves undefined (0x0c..0x0f,
// 0x1e, 0x1f, 0x21..0x2f, 0x4b..0x4f, 0xa5..0xef, 0xf6..0xf9, 0xfb, 0xfc) and
// the designated INVALID (0xfe, EIP-141) halt exceptionally, consuming all
// gas. 0xef is reserved by EIP-3541 but, in code that is already deployed,
// just undefined.
// https://eips.ethereum.org/EIPS/eip-141
// https://eips.ethereum.org/EIPS/eip-3541
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using InvalidOpcodeTest = ExecutionTest;

bool definedInCancun(unsigned b) {
  return b <= 0x0b || (b >= 0x10 && b <= 0x1d) || b == 0x20 || (b >= 0x30 && b <= 0x4a) ||
         (b >= 0x50 && b <= 0xa4) || (b >= 0xf0 && b <= 0xf5) || b == 0xfa || b == 0xfd ||
         b == 0xfe || b == 0xff;
}

TEST_P(InvalidOpcodeTest, UndefinedBytesConsumeAllGas) {
  for (unsigned b = 0; b < 256; ++b) {
    if (definedInCancun(b))
      continue;
    SCOPED_TRACE(b);
    execute(1000, Bytecode(Bytes{uint8_t(b)}));
    EXPECT_HALT(Status::UndefinedInstruction);
  }
}

TEST_P(InvalidOpcodeTest, UndefinedAfterValidInstructions) {
  for (uint8_t b : {0x0c, 0xef}) {
    SCOPED_TRACE(int(b));
    execute(50000, push(1) + push(2) + Bytecode(Bytes{b}) + OP_STOP);
    EXPECT_HALT(Status::UndefinedInstruction);
  }
}

TEST_P(InvalidOpcodeTest, InvalidConsumesAllGas) {
  execute(1000, Bytecode(OP_INVALID));
  EXPECT_HALT(Status::InvalidInstruction);
  execute(50000, mstore(0, 1) + OP_INVALID);
  EXPECT_HALT(Status::InvalidInstruction);
}

TEST_P(InvalidOpcodeTest, UndefinedBytesInPushDataAreData) {
  // PUSH2 0xef0c POP: 3 + 2 = 5.
  execute(1000, push(0xef0c) + OP_POP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 5);
}

TEST_P(InvalidOpcodeTest, UnreachedUndefinedBytesAreHarmless) {
  // STOP before the undefined byte: nothing is run past it.
  execute(1000, Bytecode(OP_STOP) + Bytecode(Bytes{0xef}));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 0);
}

TEST_P(InvalidOpcodeTest, HaltUndoesTheFramesWrites) {
  execute(100000, sstore(0, 1) + OP_INVALID);
  EXPECT_HALT(Status::InvalidInstruction);
  EXPECT_EQ(storage(kContract, 0), Word(0));
}

METIS_INSTANTIATE_ENGINE_TESTS(InvalidOpcodeTest);

} // namespace
