//===- CallTest.cpp - The CALL family: gas, depth, return data, static ----===//
//
// - Value transfer costs 9000 and gives the callee a 2300 stipend on top of
//   the gas forwarded; whatever the callee leaves, stipend included, goes
//   back to the caller (C_CALLGAS in the yellow paper, appendix H). With
//   value to an account that does not exist (EIP-161: empty counts as
//   absent), 25000 more.
// - EIP-150: a call forwards at most all but one 64th of the gas left after
//   its own costs. https://eips.ethereum.org/EIPS/eip-150
// - A call at depth 1024, or one sending more than the balance, fails without
//   running and without consuming the forwarded gas.
// - EIP-211: RETURNDATACOPY past the end of the return data is an exceptional
//   halt. https://eips.ethereum.org/EIPS/eip-211
// - EIP-214: STATICCALL forbids every state change beneath it.
//   https://eips.ethereum.org/EIPS/eip-214
// - EIP-7: DELEGATECALL keeps the caller, value and storage of the frame.
//   https://eips.ethereum.org/EIPS/eip-7
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/NativeStack.h"
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using CallTest = ExecutionTest;

const Address kChild = Address::fromUint64(0xc41d);
const Address kGrandchild = Address::fromUint64(0x96a4d);
/// An address with no account.
const Address kNobody = Address::fromUint64(0x40b0d1);

/// Returns the gas the frame has left when it starts: GAS (2) + retTop (13).
Bytecode returnGas() { return Bytecode(OP_GAS) + retTop(); }

//===- Value, stipend and new accounts ------------------------------------===//

TEST_P(CallTest, ValueToNewAccount) {
  deploy(kContract, call(kNobody).gas(0).value(1) + retTop(), 10);
  // 4 PUSH0 8 + PUSH1 3 + PUSH20 3 + PUSH0 2 = 16; CALL 100 + 2500 (cold) +
  // 9000 (value) + 25000 (new account) = 36600; the callee has no code and
  // returns its 0 + 2300 untouched, so the caller gets the 2300 stipend back
  // on top: 34300; retTop 13. 34329.
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 34329);
  EXPECT_EQ(outputWord(), Word(1));
  EXPECT_EQ(balanceOf(kNobody), Word(1));
  EXPECT_EQ(balanceOf(kContract), Word(9));
}

TEST_P(CallTest, ValueToExistingAccount) {
  deploy(kContract, call(kChild).gas(0).value(1) + retTop(), 10);
  fund(kChild, Word(1));
  // No new-account charge: 16 + 100 + 2500 + 9000 - 2300 (stipend back) +
  // 13 = 9329.
  run(100000);
  EXPECT_EQ(gasUsed, 9329);
  EXPECT_EQ(balanceOf(kChild), Word(2));
}

TEST_P(CallTest, ZeroValueToNewAccount) {
  // No value, no 9000 and no 25000: 5 PUSH0 10 + PUSH20 3 + PUSH0 2 + 2600
  // + 13 = 2628.
  execute(100000, call(kNobody).gas(0) + retTop());
  EXPECT_EQ(gasUsed, 2628);
  EXPECT_EQ(outputWord(), Word(1));
  // EIP-161: the touched account is empty and goes at the end of the
  // transaction.
  endTransaction();
  EXPECT_EQ(account(kNobody), nullptr);
}

TEST_P(CallTest, StipendIsVisibleToTheCallee) {
  deploy(kChild, returnGas());
  deploy(kContract, call(kChild).gas(0).value(1).output(0, 32) + OP_POP + ret(0, 32), 10);
  // The callee starts with the 2300 stipend; GAS reads 2298.
  // Caller: PUSH1 3 + 3 PUSH0 6 + PUSH1 3 + PUSH20 3 + PUSH0 2 = 17; CALL
  // 100 + 2500 + 9000 + memory 3 = 11603; the callee used 15 (GAS 2 +
  // retTop 13) and hands back 2285; POP 2; RETURN 5.
  // 17 + 11603 - 2285 + 2 + 5 = 9342.
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(2298));
  EXPECT_EQ(gasUsed, 9342);
}

TEST_P(CallTest, InsufficientBalanceIsALightFailure) {
  // The contract has nothing to send. 4 PUSH0 8 + PUSH1 3 + PUSH20 3 +
  // PUSH2 3 = 17; the call's own costs are charged (100 + 2500 + 9000 +
  // 25000 = 36600) but the call does not happen and C_CALLGAS -- the 1000
  // and the 2300 stipend -- comes back; 13. 17 + 36600 - 2300 + 13 = 34330,
  // result 0.
  execute(100000, call(kNobody).gas(1000).value(1) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 34330);
  EXPECT_EQ(outputWord(), Word(0));
  EXPECT_EQ(balanceOf(kNobody), Word(0));
}

//===- EIP-150 ------------------------------------------------------------===//

TEST_P(CallTest, AllButOne64thIsForwarded) {
  deploy(kChild, returnGas());
  // With 100000: PUSH1 3 + 4 PUSH0 8 + PUSH20 3 + GAS 2 = 16, leaving 99984;
  // CALL 100 and 2500 (cold) and 3 (memory) leave 97381. The callee gets
  // 97381 - floor(97381 / 64) = 97381 - 1521 = 95860 and GAS reads 95858.
  // It uses 15; POP 2; RETURN 5. Used: 16 + 2603 + 15 + 2 + 5 = 2641.
  execute(100000, call(kChild).output(0, 32) + OP_POP + ret(0, 32));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(95858));
  EXPECT_EQ(gasUsed, 2641);
}

TEST_P(CallTest, RequestAboveTheCapIsCapped) {
  deploy(kChild, returnGas());
  // PUSH32 for the gas: 17, leaving 99983; after the CALL's 2603, 97380;
  // the callee gets 97380 - 1521 = 95859 and GAS reads 95857. 2642 used.
  execute(100000, call(kChild).gas(~Word{}).output(0, 32) + OP_POP + ret(0, 32));
  EXPECT_EQ(outputWord(), Word(95857));
  EXPECT_EQ(gasUsed, 2642);
}

TEST_P(CallTest, RequestBelowTheCapIsExact) {
  deploy(kChild, returnGas());
  // PUSH2 5000: the callee gets 5000, GAS reads 4998. 17 + 2603 + 15 + 7.
  execute(100000, call(kChild).gas(5000).output(0, 32) + OP_POP + ret(0, 32));
  EXPECT_EQ(outputWord(), Word(4998));
  EXPECT_EQ(gasUsed, 2642);
}

TEST_P(CallTest, FailedCalleeBurnsOnlyWhatItWasGiven) {
  deploy(kChild, Bytecode(OP_INVALID));
  // 16 + 2600 + 1000 (all the callee had) + 13 = 3629.
  execute(100000, call(kChild).gas(1000) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 3629);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(CallTest, TooLittleGasAfterTheCallForTheRestOfTheBlockIsOutOfGas) {
  // The callee burns the 63/64 it gets; the ~1/64 left cannot pay SELFDESTRUCT's 5000, which
  // compiled code charged with its block before the call (the call's `prepaid`). The
  // beneficiary is warm and not empty, so SELFDESTRUCT has no dynamic cost to fail on.
  deploy(kChild, Bytecode(OP_INVALID));
  execute(20000, Bytecode(call(kChild)) + OP_POP + push(0xc41d) + OP_SELFDESTRUCT);
  EXPECT_EQ(result.status, Status::OutOfGas);
  EXPECT_EQ(gasUsed, 20000);
}

//===- Depth --------------------------------------------------------------===//

/// Reads its depth d from calldata, calls itself with d + 1 and returns what
/// the callee returned; when its call fails, it returns d.
Bytecode recurseAndReportDepth() {
  Bytecode head =
      calldataload(0) + push(1) + OP_ADD + mstore(0) + call(OP_ADDRESS).input(0, 32).output(0, 32);
  Bytecode onFailure = calldataload(0) + mstore(0);
  const size_t retPc = head.size() + 3 + onFailure.size();
  Bytecode code = head + jumpi(retPc) + onFailure + OP_JUMPDEST + ret(0, 32);
  EXPECT_EQ(code.bytes()[retPc], OP_JUMPDEST);
  return code;
}

TEST_P(CallTest, RecursionStopsAtDepth1024) {
  // The frame at depth 1024 cannot call, so the answer is 1024 -- provided
  // every frame still has gas: a frame spends 135 before its call and
  // forwards 63/64 of the rest, so depth 1024 gets about
  // (G + 63 * 135) * (63/64)^1024 - 63 * 135 = G * 9.9e-8 - 8505. With
  // G = 10^12 that is ~90000, plenty. However large G is, the recursion is
  // 1025 frames of a few instructions each.
  execute(1'000'000'000'000, recurseAndReportDepth());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(1024));
}

TEST_P(CallTest, RecursionToDepth1024FitsASmallNativeStack) {
  // Every nested frame recurses on the native stack. Started on a thread with only a
  // little more than the margin, the recursion must move to fresh stacks as it goes
  // (NativeStack.h) instead of overflowing this one.
  runOnFreshStack([&] { execute(1'000'000'000'000, recurseAndReportDepth()); },
                  kNativeStackMargin + (kNativeStackMargin >> 2));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(1024));
}

TEST_P(CallTest, RecursionWithLittleGasStopsEarly) {
  // With 10^9 the gas runs out around depth 740, and every frame still
  // returns normally.
  execute(1'000'000'000, recurseAndReportDepth());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_LT(outputWord(), Word(1024));
  EXPECT_GT(outputWord(), Word(100));
}

TEST_P(CallTest, CallAtDepth1024FailsWithoutConsumingGas) {
  // 4 PUSH0 8 + PUSH0 2 + PUSH20 3 + PUSH2 3 = 16, CALL 100 + 2500; the 1000
  // come back; 13. 2629, result 0.
  depth = 1024;
  execute(100000, call(kChild).gas(1000) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2629);
  EXPECT_EQ(outputWord(), Word(0));
  // One level up the call happens (to an account without code): result 1.
  resetState();
  depth = 1023;
  execute(100000, call(kChild).gas(1000) + retTop());
  EXPECT_EQ(gasUsed, 2629);
  EXPECT_EQ(outputWord(), Word(1));
}

TEST_P(CallTest, CreateAtDepth1024FailsWithoutConsumingGas) {
  // 3 PUSH0 6 + CREATE 32000 + 13 = 32019; the nonce is not bumped.
  depth = 1024;
  execute(100000, create(0, 0, 0) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 32019);
  EXPECT_EQ(outputWord(), Word(0));
  EXPECT_EQ(account(kContract)->nonce, 1u);
}

//===- Return data (EIP-211) ----------------------------------------------===//

/// Calls kChild (which returns the word 7) and then runs `after`.
Bytecode callThen(const Bytecode &after) { return Bytecode(call(kChild)) + OP_POP + after; }

TEST_P(CallTest, ReturndatacopyInBounds) {
  deploy(kChild, push(7) + retTop());
  // CALL 15 + 2600, callee 16, POP 2; RETURNDATACOPY(0, 0, 32): PUSH1 3 +
  // PUSH0 2 + PUSH0 2 + 3 + memory 3 + copy 3 = 16; RETURN 5. 2654.
  execute(100000, callThen(returndatacopy(0, 0, 32) + ret(0, 32)));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2654);
  EXPECT_EQ(outputWord(), Word(7));
}

TEST_P(CallTest, ReturndatasizeAfterCall) {
  deploy(kChild, push(7) + retTop());
  execute(100000, callThen(Bytecode(OP_RETURNDATASIZE) + retTop()));
  EXPECT_EQ(outputWord(), Word(32));
}

TEST_P(CallTest, ReturndatacopyOutOfBoundsHalts) {
  struct Range {
    Word offset, size;
  };
  const Range bad[] = {{0, 33}, {1, 32}, {32, 1}, {33, 0}, {Word(1) << 64, 0}, {~Word{}, 1}};
  for (const Range &r : bad) {
    SCOPED_TRACE(::testing::Message()
                 << "offset " << r.offset.toHex() << " size " << r.size.toHex());
    resetState();
    deploy(kChild, push(7) + retTop());
    execute(100000, callThen(returndatacopy(0, r.offset, r.size)));
    EXPECT_EXCEPTIONAL_HALT();
  }
}

TEST_P(CallTest, ReturndatacopyToTheEndIsFine) {
  deploy(kChild, push(7) + retTop());
  // Offset 32, size 0: exactly the end. CALL 2617 + child 16, then PUSH0 2 +
  // PUSH1 3 + PUSH0 2 + RETURNDATACOPY 3 = 10. 2643.
  execute(100000, callThen(returndatacopy(0, 32, 0)));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2643);
}

TEST_P(CallTest, ReturndatacopyWithoutACall) {
  // No return data yet: copying nothing from 0 is fine (PUSH0 x3 6 + 3)...
  execute(1000, returndatacopy(0, 0, 0));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 9);
  // ...one byte, or nothing from offset 1, is not.
  execute(1000, returndatacopy(0, 0, 1));
  EXPECT_EXCEPTIONAL_HALT();
  execute(1000, returndatacopy(0, 1, 0));
  EXPECT_EXCEPTIONAL_HALT();
}

TEST_P(CallTest, RevertDataIsReturnData) {
  deploy(kChild, mstore(0, 0xaa) + revert(0, 32));
  execute(100000, callThen(returndatacopy(0, 0, 32) + ret(0, 32)));
  EXPECT_EQ(outputWord(), Word(0xaa));
}

TEST_P(CallTest, FailedCallLeavesNoReturnData) {
  deploy(kChild, mstore(0, 0xaa) + OP_INVALID);
  execute(100000, Bytecode(call(kChild).gas(10000)) + OP_POP + OP_RETURNDATASIZE + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(CallTest, OutputCopyStopsAtTheReturnData) {
  // The callee returns one zero byte into a 32-byte window of 0xff bytes:
  // only that byte is written.
  deploy(kChild, ret(0, 1));
  execute(100000, mstore(0, ~Word{}) + call(kChild).output(0, 32) + OP_POP + ret(0, 32));
  EXPECT_EQ(result.status, Status::Success);
  Bytes expected(32, 0xff);
  expected[0] = 0;
  EXPECT_EQ(result.output, expected);
}

TEST_P(CallTest, SelfCallWithValueKeepsTheBalance) {
  // The inner frame sees one byte of calldata and stops at once.
  Bytecode outer = call(OP_ADDRESS).gas(0).value(4).input(0, 1) + retTop();
  const size_t stopPc = 4 + outer.size();
  Bytecode code = jumpi(stopPc, OP_CALLDATASIZE) + outer + OP_JUMPDEST;
  ASSERT_EQ(code.bytes()[stopPc], OP_JUMPDEST);
  deploy(kContract, code, 10);
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(1));
  EXPECT_EQ(balanceOf(kContract), Word(10));
}

//===- STATICCALL (EIP-214) -----------------------------------------------===//

TEST_P(CallTest, StateChangesInStaticCallFail) {
  const Bytecode violations[] = {
      sstore(0, 1),
      sstore(0, 0), // even a no-op store
      emit(OP_LOG0, {0, 0}),
      tstore(0, 1),
      create(0, 0, 0),
      create2(0, 0, 0, 0),
      call(kNobody).gas(0).value(1),
      selfdestruct(kNobody),
  };
  for (const Bytecode &child : violations) {
    SCOPED_TRACE(toHex(child));
    resetState();
    deploy(kChild, child, 10);
    // 4 PUSH0 8 + PUSH20 3 + PUSH2 3 = 14; STATICCALL 100 + 2500; the
    // callee's 10000 all burnt; 13. 12627, result 0.
    execute(100000, staticcall(kChild).gas(10000) + retTop());
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(gasUsed, 12627);
    EXPECT_EQ(outputWord(), Word(0));
    EXPECT_EQ(storage(kChild, 0), Word(0));
    EXPECT_TRUE(logs().empty());
    EXPECT_EQ(balanceOf(kChild), Word(10));
  }
}

TEST_P(CallTest, ReadsAndValuelessCallsAreFineInStaticCall) {
  deploy(kChild, sload(0) + OP_POP + call(kNobody).gas(0) + retTop());
  execute(100000, staticcall(kChild).gas(10000).output(0, 32) + mstore(32) + ret(0, 64));
  ASSERT_EQ(result.output.size(), 64u);
  // The inner CALL succeeded, and so did the STATICCALL.
  EXPECT_EQ(Word::fromBigEndian(result.output.data()), Word(1));
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(1));
}

TEST_P(CallTest, StaticIsInheritedByNestedCalls) {
  // The child makes a plain CALL; the grandchild's SSTORE still fails.
  deploy(kGrandchild, sstore(0, 1));
  deploy(kChild, call(kGrandchild) + retTop());
  execute(100000, staticcall(kChild).output(0, 32) + mstore(32) + ret(0, 64));
  ASSERT_EQ(result.output.size(), 64u);
  EXPECT_EQ(Word::fromBigEndian(result.output.data()), Word(0));
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(1));
  EXPECT_EQ(storage(kGrandchild, 0), Word(0));
}

//===- DELEGATECALL and CALLCODE ------------------------------------------===//

TEST_P(CallTest, DelegatecallKeepsCallerValueAndStorage) {
  deploy(kChild, sstore(0, OP_CALLER) + sstore(1, OP_CALLVALUE) + sstore(2, OP_ADDRESS));
  execute(1'000'000, Bytecode(delegatecall(kChild)) + OP_POP, {}, Word(5));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(storage(kContract, 0), Word::fromAddress(kSender));
  EXPECT_EQ(storage(kContract, 1), Word(5));
  EXPECT_EQ(storage(kContract, 2), Word::fromAddress(kContract));
  EXPECT_EQ(storage(kChild, 0), Word(0));
}

TEST_P(CallTest, CallcodeRunsOnTheCallersStorage) {
  deploy(kChild, sstore(0, OP_CALLER) + sstore(1, OP_CALLVALUE) + sstore(2, OP_ADDRESS));
  // Through CALLCODE the caller is the contract itself.
  deploy(kContract, callcode(kChild).value(3) + OP_POP, 10);
  run(1'000'000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(storage(kContract, 0), Word::fromAddress(kContract));
  EXPECT_EQ(storage(kContract, 1), Word(3));
  EXPECT_EQ(storage(kContract, 2), Word::fromAddress(kContract));
  EXPECT_EQ(storage(kChild, 0), Word(0));
  // The value went from the contract to itself.
  EXPECT_EQ(balanceOf(kContract), Word(10));
}

METIS_INSTANTIATE_ENGINE_TESTS(CallTest);

} // namespace
