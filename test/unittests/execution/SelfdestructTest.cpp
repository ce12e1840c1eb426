//===- SelfdestructTest.cpp - EIP-6780: SELFDESTRUCT only in the same tx --===//
//
// SELFDESTRUCT sends the whole balance to the beneficiary. Only an account
// created in the same transaction is deleted (at the end of it; sending to
// itself then burns the balance); any other account keeps its code, storage
// and nonce and merely loses its balance (to itself: no change).
// https://eips.ethereum.org/EIPS/eip-6780
// Gas: 5000, plus 2600 for a cold beneficiary (EIP-2929), plus 25000 when a
// non-zero balance goes to an account that does not exist (EIP-161); no
// refund (EIP-3529).
// https://eips.ethereum.org/EIPS/eip-2929
// https://eips.ethereum.org/EIPS/eip-3529
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using SelfdestructTest = ExecutionTest;

const Address kBeneficiary = Address::fromUint64(0xbe4ef1c1a);
const Address kOther = Address::fromUint64(0x07e4);

//===- Accounts that existed before the transaction -----------------------===//

TEST_P(SelfdestructTest, PreExistingOnlyLosesItsBalance) {
  Bytecode code = selfdestruct(kBeneficiary);
  deploy(kContract, code, 1000);
  setStorage(kContract, 5, 6);
  // PUSH20 3 + 5000 + 2600 (cold) + 25000 (new account) = 32603.
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 32603);
  EXPECT_EQ(refund(), 0);
  endTransaction();
  const state::Account *acc = account(kContract);
  ASSERT_NE(acc, nullptr);
  EXPECT_EQ(acc->balance, Word(0));
  EXPECT_EQ(acc->nonce, 1u);
  EXPECT_EQ(Bytes(acc->codeView().begin(), acc->codeView().end()), code.bytes());
  EXPECT_EQ(storage(kContract, 5), Word(6));
  EXPECT_EQ(balanceOf(kBeneficiary), Word(1000));
}

TEST_P(SelfdestructTest, ExistingBeneficiaryCostsNoAccountCreation) {
  deploy(kContract, selfdestruct(kOther), 1000);
  fund(kOther, Word(1));
  // 3 + 5000 + 2600 = 7603.
  run(100000);
  EXPECT_EQ(gasUsed, 7603);
  EXPECT_EQ(balanceOf(kOther), Word(1001));
}

TEST_P(SelfdestructTest, ZeroBalanceCostsNoAccountCreation) {
  // Nothing is sent, so no 25000: 7603.
  execute(100000, selfdestruct(kBeneficiary));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 7603);
  endTransaction();
  ASSERT_NE(account(kContract), nullptr);
  // The beneficiary was only touched, and is empty: EIP-161 removes it.
  EXPECT_EQ(account(kBeneficiary), nullptr);
}

TEST_P(SelfdestructTest, WarmBeneficiary) {
  // The sender is warm and exists: CALLER 2 + 5000.
  deploy(kContract, selfdestruct(OP_CALLER), 1000);
  run(100000);
  EXPECT_EQ(gasUsed, 5002);
  EXPECT_EQ(balanceOf(kSender), Word(1'000'001'000));
}

TEST_P(SelfdestructTest, PreExistingToItselfChangesNothing) {
  // ADDRESS 2 + 5000.
  deploy(kContract, selfdestruct(OP_ADDRESS), 1000);
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 5002);
  endTransaction();
  ASSERT_NE(account(kContract), nullptr);
  EXPECT_EQ(balanceOf(kContract), Word(1000));
  EXPECT_EQ(account(kContract)->codeSize(), 2u);
}

TEST_P(SelfdestructTest, StopsExecution) {
  execute(100000, selfdestruct(kBeneficiary) + sstore(0, 1));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(storage(kContract, 0), Word(0));
}

//===- Accounts created in the same transaction ---------------------------===//

TEST_P(SelfdestructTest, InInitCodeDeletesTheNewAccount) {
  Bytecode init = selfdestruct(kBeneficiary);
  ASSERT_EQ(init.size(), 22u);
  deploy(kContract, storeInMemory(0, init) + create(10, 0, 22) + retTop(), 100);
  // storeInMemory 11; PUSH1 3 + PUSH0 2 + PUSH1 3 = 8; CREATE 32000 + 2; the
  // init frame: PUSH20 3 + 5000 + 2600 + 25000 = 32603; retTop 10. 64634.
  run(200000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 64634);
  EXPECT_EQ(refund(), 0);
  const Address created = outputAddress();
  EXPECT_EQ(created, state::createAddress(kContract, 1));
  // Still there until the transaction ends...
  EXPECT_NE(account(created), nullptr);
  endTransaction();
  // ...then gone, its balance with the beneficiary.
  EXPECT_EQ(account(created), nullptr);
  EXPECT_EQ(balanceOf(kBeneficiary), Word(10));
  EXPECT_EQ(balanceOf(kContract), Word(90));
}

TEST_P(SelfdestructTest, CalledAfterCreationDeletesTheNewAccount) {
  // The init code deploys `selfdestruct(kBeneficiary)`, then the creator
  // calls it in the same transaction.
  Bytecode runtime = selfdestruct(kBeneficiary);
  Bytecode init = storeInMemory(0, runtime) + ret(0, runtime.size());
  // After CREATE the new address is on the stack; the CALL's five zero
  // operands come first, so it is the sixth item when the address is needed.
  // Afterwards it returns [address, EXTCODESIZE(address)].
  deploy(kContract,
         storeInMemory(0, init) + create(10, 0, init.size()) + call(OP_DUP6) + OP_POP + OP_DUP1 +
             OP_EXTCODESIZE + mstore(32) + mstore(0) + ret(0, 64),
         100);
  run(1'000'000);
  EXPECT_EQ(result.status, Status::Success);
  ASSERT_EQ(result.output.size(), 64u);
  const Address created = Word::fromBigEndian(result.output.data()).toAddress();
  EXPECT_EQ(created, state::createAddress(kContract, 1));
  // The code stays until the end of the transaction.
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(runtime.size()));
  endTransaction();
  EXPECT_EQ(account(created), nullptr);
  EXPECT_EQ(balanceOf(kBeneficiary), Word(10));
}

TEST_P(SelfdestructTest, NewAccountToItselfBurnsTheBalance) {
  Bytecode init = selfdestruct(OP_ADDRESS);
  deploy(kContract, storeInMemory(0, init) + create(10, 0, 2) + retTop(), 100);
  run(200000);
  EXPECT_EQ(result.status, Status::Success);
  const Address created = outputAddress();
  EXPECT_NE(created, Address{});
  endTransaction();
  EXPECT_EQ(account(created), nullptr);
  EXPECT_EQ(balanceOf(kContract), Word(90));
}

TEST_P(SelfdestructTest, CreatedInAnEarlierTransactionSurvives) {
  Bytecode runtime = selfdestruct(kBeneficiary);
  Bytecode init = storeInMemory(0, runtime) + ret(0, runtime.size());
  deploy(kContract, storeInMemory(0, init) + create(10, 0, init.size()) + retTop(), 100);
  run(1'000'000);
  const Address created = outputAddress();
  endTransaction();
  ASSERT_NE(account(created), nullptr);

  // Next transaction: the contract self-destructs but is not new any more.
  // PUSH20 3 + 5000 + 2600 + 25000 = 32603.
  contract = created;
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 32603);
  endTransaction();
  ASSERT_NE(account(created), nullptr);
  EXPECT_EQ(account(created)->codeSize(), runtime.size());
  EXPECT_EQ(balanceOf(created), Word(0));
  EXPECT_EQ(balanceOf(kBeneficiary), Word(10));
}

TEST_P(SelfdestructTest, RevertedSelfdestructIsUndone) {
  // The self-destruct happens in a frame that then reverts: it is undone.
  const Address child = Address::fromUint64(0xc41d);
  deploy(child, selfdestruct(kBeneficiary), 50);
  deploy(kContract, call(child) + revert(0, 0));
  run(1'000'000);
  EXPECT_EQ(result.status, Status::Revert);
  endTransaction();
  EXPECT_EQ(balanceOf(child), Word(50));
  EXPECT_EQ(balanceOf(kBeneficiary), Word(0));
}

METIS_INSTANTIATE_ENGINE_TESTS(SelfdestructTest);

} // namespace
