//===- AccessTest.cpp - EIP-2929: cold and warm access --------------------===//
//
// The first touch of an account in a transaction costs 2600 (BALANCE,
// EXT*, CALL family), of a storage slot 2100 (SLOAD); later touches 100.
// Addresses a reverted frame touched become cold again. The contract a
// CREATE makes is warm.
// https://eips.ethereum.org/EIPS/eip-2929
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using AccessTest = ExecutionTest;

const Address kOther = Address::fromUint64(0x07e4);
const Address kChild = Address::fromUint64(0xc41d);

TEST_P(AccessTest, BalanceColdThenWarm) {
  // PUSH20 3 + BALANCE 2600 + POP 2, then PUSH20 3 + BALANCE 100 + POP 2.
  execute(10000, balance(kOther) + OP_POP + balance(kOther) + OP_POP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2710);
}

TEST_P(AccessTest, ExtcodesizeAndExtcodehashShareWarmth) {
  // EXTCODESIZE warms kOther for EXTCODEHASH: 3 + 2600 + 2 + 3 + 100 + 2.
  execute(10000, emit(OP_EXTCODESIZE, {kOther}) + OP_POP + emit(OP_EXTCODEHASH, {kOther}) + OP_POP);
  EXPECT_EQ(gasUsed, 2710);
}

TEST_P(AccessTest, ExtcodecopyColdThenWarm) {
  // EXTCODECOPY(kOther, 0, 0, 0): 3 PUSH0 6 + PUSH20 3 + 2600 = 2609; then
  // 6 + 3 + 100 = 109. 2718.
  Bytecode copy = emit(OP_EXTCODECOPY, {kOther, 0, 0, 0});
  execute(10000, copy + copy);
  EXPECT_EQ(gasUsed, 2718);
}

TEST_P(AccessTest, SloadColdThenWarm) {
  // PUSH1 3 + SLOAD 2100 + POP 2, then 3 + 100 + 2. 2210.
  execute(10000, sload(1) + OP_POP + sload(1) + OP_POP);
  EXPECT_EQ(gasUsed, 2210);
}

TEST_P(AccessTest, SlotsAreWarmedOneByOne) {
  // Slot 2 is still cold after slot 1: 2105 + 2105.
  execute(10000, sload(1) + OP_POP + sload(2) + OP_POP);
  EXPECT_EQ(gasUsed, 4210);
}

TEST_P(AccessTest, CallColdThenWarm) {
  // CALL(0 gas) to an account without code: 5 PUSH0 10 + PUSH20 3 + PUSH0 2
  // = 15, CALL 2600, POP 2 = 2617; again with 100: 117. 2734.
  Bytecode callOther = Bytecode(call(kOther).gas(0)) + OP_POP;
  execute(10000, callOther + callOther);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2734);
}

TEST_P(AccessTest, SelfIsWarm) {
  // ADDRESS 2 + BALANCE 100 + POP 2.
  execute(10000, balance(OP_ADDRESS) + OP_POP);
  EXPECT_EQ(gasUsed, 104);
}

/// The gas BALANCE(kOther) takes, measured between two GAS: PUSH20 3 +
/// BALANCE + POP 2 + GAS 2 on top of the BALANCE itself.
Bytecode measureBalance() {
  return Bytecode(OP_GAS) + balance(kOther) + OP_POP + OP_GAS + OP_SWAP1 + OP_SUB + retTop();
}

TEST_P(AccessTest, WarmthFromASuccessfulChildStays) {
  deploy(kChild, balance(kOther) + OP_STOP);
  execute(100000, Bytecode(call(kChild)) + OP_POP + measureBalance());
  EXPECT_EQ(result.status, Status::Success);
  // 3 + 100 + 2 + 2.
  EXPECT_EQ(outputWord(), Word(107));
}

TEST_P(AccessTest, WarmthFromARevertedChildIsUndone) {
  deploy(kChild, balance(kOther) + revert(0, 0));
  execute(100000, Bytecode(call(kChild)) + OP_POP + measureBalance());
  EXPECT_EQ(result.status, Status::Success);
  // 3 + 2600 + 2 + 2.
  EXPECT_EQ(outputWord(), Word(2607));
}

TEST_P(AccessTest, WarmthFromAFailedChildIsUndone) {
  deploy(kChild, balance(kOther) + OP_INVALID);
  execute(100000, Bytecode(call(kChild).gas(10000)) + OP_POP + measureBalance());
  EXPECT_EQ(outputWord(), Word(2607));
}

TEST_P(AccessTest, CreatedAddressIsWarm) {
  // After CREATE, GAS SWAP1 BALANCE POP GAS: SWAP1 3 + BALANCE 100 + POP 2 +
  // GAS 2 = 107 between the two GAS.
  execute(100000, create(0, 0, 0) + OP_GAS + OP_SWAP1 + OP_BALANCE + OP_POP + OP_GAS + OP_SWAP1 +
                      OP_SUB + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(107));
}

METIS_INSTANTIATE_ENGINE_TESTS(AccessTest);

} // namespace
