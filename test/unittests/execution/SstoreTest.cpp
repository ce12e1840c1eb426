//===- SstoreTest.cpp - EIP-2200/2929/3529: SSTORE gas and refunds --------===//
//
// SSTORE is net-metered on (original, current, new) (EIP-2200), priced with
// EIP-2929's access costs and EIP-3529's reduced refunds:
//   no-op or dirty slot: 100 (warm read);   clean 0 -> Z: 20000 (set);
//   clean X -> Y or X -> 0: 2900 (reset = 5000 - 2100);
//   + 2100 when the slot is cold;
//   refunds: clearing 4800; undoing a clear -4800; restoring the original
//   value 20000 - 100 (was 0) or 2900 - 100 (was not).
// An SSTORE with 2300 gas or less left fails (the EIP-2200 sentry).
// https://eips.ethereum.org/EIPS/eip-2200
// https://eips.ethereum.org/EIPS/eip-2929
// https://eips.ethereum.org/EIPS/eip-3529
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using SstoreTest = ExecutionTest;

const Address kChild = Address::fromUint64(0xc41d);

struct StoreCase {
  uint64_t original;
  std::vector<uint64_t> writes; ///< Each an SSTORE(0, value) with PUSH1 (3).
  int64_t warmGas;
  int64_t refund;
};

// EIP-3529's table "with reduced refunds", slot 0 warm; each row's code is
// `PUSH1 v PUSH1 0 SSTORE` per write (the EIP's hex spells PUSH1 0 for 0).
// The gas below is derived from the rules above:
const StoreCase kCases[] = {
    // 0 -> 0 -> 0: 100 + 100 + 12.
    {0, {0, 0}, 212, 0},
    // 0 -> 0 -> 1: 100 (no-op) + 20000 (set) + 12.
    {0, {0, 1}, 20112, 0},
    // 0 -> 1 -> 0: 20000 + 100, refund 20000 - 100 (restored to 0).
    {0, {1, 0}, 20112, 19900},
    // 0 -> 1 -> 2: 20000 + 100 (dirty).
    {0, {1, 2}, 20112, 0},
    // 0 -> 1 -> 1: 20000 + 100 (no-op).
    {0, {1, 1}, 20112, 0},
    // 1 -> 0 -> 0: 2900 + 100, refund 4800.
    {1, {0, 0}, 3012, 4800},
    // 1 -> 0 -> 1: 2900 + 100, refund 4800 - 4800 + 2800.
    {1, {0, 1}, 3012, 2800},
    // 1 -> 0 -> 2: 2900 + 100, refund 4800 - 4800.
    {1, {0, 2}, 3012, 0},
    // 1 -> 2 -> 0: 2900 + 100, refund 4800.
    {1, {2, 0}, 3012, 4800},
    // 1 -> 2 -> 3: 2900 + 100.
    {1, {2, 3}, 3012, 0},
    // 1 -> 2 -> 1: 2900 + 100, refund 2900 - 100.
    {1, {2, 1}, 3012, 2800},
    // 1 -> 2 -> 2: 2900 + 100.
    {1, {2, 2}, 3012, 0},
    // 1 -> 1 -> 0: 100 (no-op) + 2900, refund 4800.
    {1, {1, 0}, 3012, 4800},
    // 1 -> 1 -> 2: 100 + 2900.
    {1, {1, 2}, 3012, 0},
    // 1 -> 1 -> 1: 100 + 100.
    {1, {1, 1}, 212, 0},
    // 0 -> 1 -> 0 -> 1: 20000 + 100 + 20000 (clean again: set), refund 19900.
    {0, {1, 0, 1}, 40118, 19900},
    // 1 -> 0 -> 1 -> 0: 2900 + 100 + 2900, refund 4800 - 2000 + 4800.
    {1, {0, 1, 0}, 5918, 7600},
};

Bytecode storeSequence(const StoreCase &c) {
  Bytecode code;
  for (uint64_t v : c.writes)
    code += pushBytes(Bytes{uint8_t(v)}) + pushBytes(Bytes{0}) + OP_SSTORE;
  return code;
}

TEST_P(SstoreTest, Eip3529TableWarm) {
  for (const StoreCase &c : kCases) {
    SCOPED_TRACE(::testing::Message() << "original " << c.original << ", last write "
                                      << c.writes.back() << ", " << c.writes.size() << " writes");
    resetState();
    deploy(kContract, storeSequence(c));
    if (c.original)
      setStorage(kContract, 0, c.original);
    state.warmSlot(kContract, Word(0));
    run(100000);
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(gasUsed, c.warmGas);
    EXPECT_EQ(refund(), c.refund);
    EXPECT_EQ(storage(kContract, 0), Word(c.writes.back()));
  }
}

TEST_P(SstoreTest, Eip3529TableCold) {
  // The same with the slot cold: the first SSTORE pays 2100 more, nothing
  // else changes.
  for (const StoreCase &c : kCases) {
    SCOPED_TRACE(::testing::Message() << "original " << c.original << ", last write "
                                      << c.writes.back() << ", " << c.writes.size() << " writes");
    resetState();
    deploy(kContract, storeSequence(c));
    if (c.original)
      setStorage(kContract, 0, c.original);
    run(100000);
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(gasUsed, c.warmGas + 2100);
    EXPECT_EQ(refund(), c.refund);
  }
}

TEST_P(SstoreTest, ColdSetCosts22100) {
  // PUSH1 3 + PUSH1 3 + 2100 + 20000 = 22106.
  execute(100000, sstore(1, 1));
  EXPECT_EQ(gasUsed, 22106);
  EXPECT_EQ(storage(kContract, 1), Word(1));
}

TEST_P(SstoreTest, ColdResetCosts5000) {
  deploy(kContract, sstore(1, 2));
  setStorage(kContract, 1, 1);
  // 3 + 3 + 2100 + 2900 = 5006.
  run(100000);
  EXPECT_EQ(gasUsed, 5006);
  EXPECT_EQ(refund(), 0);
}

TEST_P(SstoreTest, ColdClearRefunds4800) {
  deploy(kContract, sstore(1, 0));
  setStorage(kContract, 1, 1);
  // PUSH0 2 + PUSH1 3 + 2100 + 2900 = 5005, refund 4800.
  run(100000);
  EXPECT_EQ(gasUsed, 5005);
  EXPECT_EQ(refund(), 4800);
  EXPECT_EQ(storage(kContract, 1), Word(0));
}

TEST_P(SstoreTest, SloadMakesTheSlotWarm) {
  // PUSH1 3 + SLOAD 2100 + POP 2; then the set pays no cold surcharge:
  // 3 + 3 + 20000. 22111.
  execute(100000, sload(1) + OP_POP + sstore(1, 1));
  EXPECT_EQ(gasUsed, 22111);
}

TEST_P(SstoreTest, SentryRejectsAt2300) {
  // PUSH0 PUSH0 (4), then SSTORE of 0 to 0 on a warm slot (100). With 2304
  // the SSTORE starts with 2300 left: it fails even though it would cost 100.
  deploy(kContract, sstore(0, 0));
  state.warmSlot(kContract, Word(0));
  run(2304);
  EXPECT_HALT(Status::OutOfGas);
  // With 2305 it starts with 2301 and succeeds: 104.
  run(2305);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 104);
}

TEST_P(SstoreTest, SentryAppliesToColdSlotsToo) {
  deploy(kContract, sstore(0, 0));
  run(2304);
  EXPECT_HALT(Status::OutOfGas);
  // 2301 left covers the 2200 of a cold no-op: 2204.
  resetState();
  deploy(kContract, sstore(0, 0));
  run(2305);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2204);
}

TEST_P(SstoreTest, StipendAloneCannotStore) {
  // A value call with 0 gas gives the callee just the 2300 stipend: after
  // PUSH0 PUSH0 it has 2296, enough for a cold no-op (2200) but at or below
  // the sentry, so the SSTORE fails.
  deploy(kChild, sstore(0, 0));
  deploy(kContract, call(kChild).gas(0).value(1) + retTop(), 10);
  // 4 PUSH0 8 + PUSH1 3 + PUSH20 3 + PUSH0 2 = 16; CALL 100 + 2500 + 9000;
  // the callee burns its whole stipend, so no rebate; 13. 11629, result 0.
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 11629);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(SstoreTest, OutOfGasMidwayLeavesStorageUntouched) {
  // A cold set needs 22100 after the pushes.
  execute(22105, sstore(1, 1));
  EXPECT_HALT(Status::OutOfGas);
  EXPECT_EQ(storage(kContract, 1), Word(0));
}

TEST_P(SstoreTest, ChildRefundCountsWhenItSucceeds) {
  deploy(kChild, sstore(0, 0));
  setStorage(kChild, 0, 1);
  // CALL: 5 PUSH0 10 + PUSH20 3 + GAS 2 = 15, 100 + 2500 (cold kChild); the
  // child uses PUSH0 PUSH0 4 + 2100 + 2900 = 5004; POP 2. 7621.
  execute(100000, Bytecode(call(kChild)) + OP_POP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 7621);
  EXPECT_EQ(refund(), 4800);
  EXPECT_EQ(storage(kChild, 0), Word(0));
}

TEST_P(SstoreTest, ChildRefundIsDroppedWhenItReverts) {
  deploy(kChild, sstore(0, 0) + revert(0, 0));
  setStorage(kChild, 0, 1);
  // As above plus the child's REVERT(0, 0) 4: 7625, no refund.
  execute(100000, Bytecode(call(kChild)) + OP_POP);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 7625);
  EXPECT_EQ(refund(), 0);
  EXPECT_EQ(storage(kChild, 0), Word(1));
}

METIS_INSTANTIATE_ENGINE_TESTS(SstoreTest);

} // namespace
