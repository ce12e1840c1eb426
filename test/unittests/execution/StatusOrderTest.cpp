//===- StatusOrderTest.cpp - Which failure a block meets first -------------===//
//
// The EVM checks each instruction in turn: its stack bounds, then its gas, then what the
// instruction itself may refuse (a write in a static frame, a copy past the return data).
// Compiled code checks a block's stack bounds and charges its static gas once, at its entry,
// so a block that cannot pay for all of itself, or that underflows or overflows somewhere,
// may fail in another way than instruction-by-instruction execution would. Compiled code
// then hands the block to the interpreter from its first instruction (metis.gas.charge and
// metis.stack.check `resume at`), so every engine reports the same status.
//
// Each test sweeps the gas limit across the point where the first failure changes and
// expects every engine to halt with out of gas below it and the other failure from it on.
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

class StatusOrderTest : public ExecutionTest {
protected:
  /// Runs `code` with every gas limit in [from, to] and expects out of gas below
  /// `threshold` and `status` from it on; each a halt that takes all the gas.
  void expectFirstFailure(const Bytecode &code, int64_t from, int64_t to, int64_t threshold,
                          Status status) {
    for (int64_t gas = from; gas <= to; ++gas) {
      SCOPED_TRACE("gas limit " + std::to_string(gas));
      execute(gas, code);
      EXPECT_HALT(gas < threshold ? Status::OutOfGas : status);
      if (HasFailure())
        return; // one gas limit says enough
    }
  }
};

TEST_P(StatusOrderTest, UnderflowInTheEntryBlock) {
  // PUSH1 PUSH1 ADD (9 gas), then ADD on one word: out of gas below 9, underflow from 9.
  expectFirstFailure(push(1) + push(2) + OP_ADD + OP_ADD, 0, 20, 9, Status::StackUnderflow);
}

TEST_P(StatusOrderTest, OverflowInTheEntryBlock) {
  // 1024 PUSH0 take 2048 gas; the 1025th overflows before it is charged.
  expectFirstFailure(1025 * Bytecode(OP_PUSH0) + OP_STOP, 2040, 2056, 2048, Status::StackOverflow);
}

TEST_P(StatusOrderTest, UnderflowInABlockHoldingWordsInRegisters) {
  // 0: PUSH1 1  2: PUSH1 2  4: PUSH1 7  6: JUMP  7: JUMPDEST  8: ADD  9: ADD. The block at 7
  // holds the two words as SSA values: resuming pushes them for the interpreter.
  // 17 gas to the jump, JUMPDEST 1, ADD 3: underflow from 21.
  expectFirstFailure(push(1) + push(2) + jump(7) + OP_JUMPDEST + OP_ADD + OP_ADD, 0, 30, 21,
                     Status::StackUnderflow);
}

TEST_P(StatusOrderTest, MemoryGrowthBeforeAnUnderflowSeesTheRealWords) {
  // 0: PUSH1 1  2: PUSH2 0x1000  5: PUSH1 8  7: JUMP  8: JUMPDEST  9: MSTORE  10: POP.
  // MSTORE at 0x1000 grows memory to 129 words (129 * 3 + 129^2 / 512 = 419 gas) before POP
  // underflows: 17 + 1 + 3 + 419 = 440. The growth depends on the offset the block holds
  // in a register, which the interpreter must be given.
  const Bytecode code = push(1) + push(0x1000) + jump(8) + OP_JUMPDEST + OP_MSTORE + OP_POP;
  expectFirstFailure(code, 0, 20, 440, Status::StackUnderflow);
  expectFirstFailure(code, 430, 450, 440, Status::StackUnderflow);
}

TEST_P(StatusOrderTest, StaticWriteBeforeTheBlockRunsOutOfGas) {
  // SSTORE in a static frame fails after PUSH1 and PUSH0 (5 gas), though the whole block
  // (20 more PUSH0) costs 45: static-mode violation from 5, not out of gas.
  isStatic = true;
  expectFirstFailure(sstore(0, 1) + 20 * Bytecode(OP_PUSH0) + OP_STOP, 0, 50, 5,
                     Status::StaticModeViolation);
}

TEST_P(StatusOrderTest, ReturnDataCopyPastTheEndBeforeTheBlockRunsOutOfGas) {
  // RETURNDATACOPY of 1 byte with no return data: PUSH1 PUSH0 PUSH0 (7), the copy's 3 and one
  // word of memory (3), then an invalid memory access, though the block costs 53.
  expectFirstFailure(returndatacopy(0, 0, 1) + 20 * Bytecode(OP_PUSH0) + OP_STOP, 0, 60, 13,
                     Status::InvalidMemoryAccess);
}

TEST_P(StatusOrderTest, BlocksThatPaySucceedAlike) {
  // The same shapes with the stack right: no failure, the exact gas.
  execute(100, push(1) + push(2) + jump(7) + OP_JUMPDEST + OP_ADD + OP_POP + OP_STOP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 17 + 1 + 3 + 2);
  execute(22, push(1) + push(2) + jump(7) + OP_JUMPDEST + OP_ADD + OP_POP + OP_STOP);
  EXPECT_HALT(Status::OutOfGas);
}

METIS_INSTANTIATE_ENGINE_TESTS(StatusOrderTest);

} // namespace
