//===- TransientStorageTest.cpp - EIP-1153: TLOAD and TSTORE --------------===//
//
// Transient storage is per-address storage that costs a flat 100 gas to read
// or write (no cold surcharge, no refunds), lives only for the transaction,
// is reverted with the call frame that wrote it, and cannot be written in a
// static context.
// https://eips.ethereum.org/EIPS/eip-1153
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using TransientStorageTest = ExecutionTest;

const Address kChild = Address::fromUint64(0xc41d);

TEST_P(TransientStorageTest, StoreThenLoad) {
  // PUSH1 3 + PUSH1 3 + TSTORE 100 + PUSH1 3 + TLOAD 100 + 13 = 222.
  execute(1000, tstore(1, 42) + tload(1) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 222);
  EXPECT_EQ(outputWord(), Word(42));
  EXPECT_EQ(refund(), 0);
}

TEST_P(TransientStorageTest, UnsetSlotIsZero) {
  // PUSH1 3 + TLOAD 100 + 13 = 116.
  execute(1000, tload(7) + retTop());
  EXPECT_EQ(gasUsed, 116);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(TransientStorageTest, IsNotPersistentStorage) {
  // The slot's persistent value stays 0: TSTORE 106 + PUSH1 3 + SLOAD (cold,
  // 2100) + 13 = 2222.
  execute(10000, tstore(1, 42) + sload(1) + retTop());
  EXPECT_EQ(gasUsed, 2222);
  EXPECT_EQ(outputWord(), Word(0));
  EXPECT_EQ(storage(kContract, 1), Word(0));
}

TEST_P(TransientStorageTest, ClearingGivesNoRefund) {
  // 106 + (PUSH0 2 + PUSH1 3 + TSTORE 100) = 211, and no refund.
  execute(1000, tstore(1, 42) + tstore(1, 0));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 211);
  EXPECT_EQ(refund(), 0);
}

TEST_P(TransientStorageTest, LivesForTheTransaction) {
  execute(1000, tstore(1, 42));
  EXPECT_EQ(result.status, Status::Success);
  // A second frame of the same transaction sees it...
  execute(1000, tload(1) + retTop());
  EXPECT_EQ(outputWord(), Word(42));
  // ...the next transaction does not.
  endTransaction();
  execute(1000, tload(1) + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(TransientStorageTest, IsPerAddress) {
  // The child reads slot 1 of its own transient storage, not the caller's.
  deploy(kChild, tload(1) + retTop());
  execute(100000, tstore(1, 42) + Bytecode(call(kChild).output(0, 32)) + OP_POP + ret(0, 32));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(0));
}

/// Writes 1 to slot 1, DELEGATECALLs the child (which runs on the caller's
/// transient storage), and returns [call result, tload(1)].
Bytecode writeThenDelegate(Operand gas) {
  return tstore(1, 1) + Bytecode(delegatecall(kChild).gas(std::move(gas))) + mstore(0) + tload(1) +
         mstore(32) + ret(0, 64);
}

TEST_P(TransientStorageTest, RevertedChildUndoesItsWrites) {
  deploy(kChild, tstore(1, 2) + revert(0, 0));
  // tstore 106; DELEGATECALL: 4 PUSH0 8 + PUSH20 3 + GAS 2 = 13, then 100 +
  // 2500 (cold kChild); the child uses 106 + 4 and gives the rest back;
  // mstore(0): PUSH0 2 + MSTORE 3 + 3 = 8; tload 103; mstore(32): 3 + 3 + 3
  // = 9; RETURN(0, 64): 5. 106 + 13 + 2600 + 110 + 8 + 103 + 9 + 5 = 2954.
  execute(100000, writeThenDelegate(OP_GAS));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2954);
  ASSERT_EQ(result.output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(result.output.data()), Word(0));
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(1));
}

TEST_P(TransientStorageTest, FailedChildUndoesItsWrites) {
  deploy(kChild, tstore(1, 2) + OP_INVALID);
  // As above with the gas given as PUSH2 1000 (3, not GAS 2): 14; the child
  // burns all 1000. 106 + 14 + 2600 + 1000 + 8 + 103 + 9 + 5 = 3845.
  execute(100000, writeThenDelegate(1000));
  EXPECT_EQ(gasUsed, 3845);
  ASSERT_EQ(result.output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(result.output.data()), Word(0));
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(1));
}

TEST_P(TransientStorageTest, SuccessfulChildKeepsItsWrites) {
  deploy(kChild, tstore(1, 2));
  // 106 + 13 + 2600 + 106 + 8 + 103 + 9 + 5 = 2950.
  execute(100000, writeThenDelegate(OP_GAS));
  EXPECT_EQ(gasUsed, 2950);
  ASSERT_EQ(result.output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(result.output.data()), Word(1));
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(2));
}

TEST_P(TransientStorageTest, RevertUndoesWritesOfGrandchildren) {
  // The child lets a grandchild (by DELEGATECALL, so on the same storage)
  // write, then reverts: the grandchild's write goes too.
  const Address grandchild = Address::fromUint64(0x96a4d);
  deploy(grandchild, tstore(1, 3));
  deploy(kChild, Bytecode(delegatecall(grandchild)) + revert(0, 0));
  execute(100000, writeThenDelegate(OP_GAS));
  ASSERT_EQ(result.output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(1));
}

TEST_P(TransientStorageTest, TopFrameRevertUndoesWrites) {
  execute(1000, tstore(1, 42) + revert(0, 0));
  EXPECT_EQ(result.status, Status::Revert);
  execute(1000, tload(1) + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(TransientStorageTest, TstoreInStaticCallFails) {
  deploy(kChild, tstore(1, 1));
  // STATICCALL: 4 PUSH0 8 + PUSH20 3 + PUSH2 3 = 14, 100 + 2500 cold, and the
  // child's 1000 all burnt; retTop 13. 14 + 2600 + 1000 + 13 = 3627.
  execute(100000, Bytecode(staticcall(kChild).gas(1000)) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3627);
  EXPECT_EQ(outputWord(), Word(0));
  // Nothing was written.
  const state::Account *child = account(kChild);
  ASSERT_NE(child, nullptr);
  auto it = child->transientStorage.find(Word(1));
  EXPECT_TRUE(it == child->transientStorage.end() || it->second.isZero());
}

TEST_P(TransientStorageTest, TloadInStaticCallIsFine) {
  deploy(kChild, tload(1) + retTop());
  // 14 + 2600 + child (PUSH1 3 + TLOAD 100 + 13 = 116) + 13 = 2743.
  execute(100000, Bytecode(staticcall(kChild).gas(1000)) + retTop());
  EXPECT_EQ(gasUsed, 2743);
  EXPECT_EQ(outputWord(), Word(1));
}

METIS_INSTANTIATE_ENGINE_TESTS(TransientStorageTest);

} // namespace
