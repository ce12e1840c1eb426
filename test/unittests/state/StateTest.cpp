//===- StateTest.cpp - The in-memory state: lookups, warmth, the journal -----===//
//
// State::find keeps the account it found last; these check that it never hands out an account
// that is gone (rolled back, deleted at the end of a transaction) or one of another State.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/State.h"
#include "metis/runtime/StateHost.h"
#include "metis/runtime/Transaction.h"

#include <gtest/gtest.h>

namespace metis::state {
namespace {

Address addressOf(uint8_t last) {
  Address a{};
  a.bytes[19] = last;
  return a;
}

TEST(StateTest, FindForgetsAnAccountARollbackRemoves) {
  State s;
  size_t mark = s.checkpoint();
  s.getOrCreate(addressOf(1));
  ASSERT_NE(s.find(addressOf(1)), nullptr);
  s.rollback(mark);
  EXPECT_EQ(s.find(addressOf(1)), nullptr);
}

TEST(StateTest, FindForgetsAnAccountTheTransactionEndDeletes) {
  State s;
  Account &acc = s.getOrCreate(addressOf(2));
  s.touch(acc, addressOf(2)); // touched and empty: deleted (EIP-161)
  ASSERT_EQ(s.find(addressOf(2)), &acc);
  s.finalizeTransaction();
  EXPECT_EQ(s.find(addressOf(2)), nullptr);
}

TEST(StateTest, ACopyFindsItsOwnAccounts) {
  State s;
  s.insert(addressOf(3), Account{.nonce = 7});
  ASSERT_NE(s.find(addressOf(3)), nullptr);
  State copy = s;
  Account *own = copy.find(addressOf(3));
  ASSERT_NE(own, nullptr);
  EXPECT_NE(own, s.find(addressOf(3)));
  own->nonce = 8;
  EXPECT_EQ(s.find(addressOf(3))->nonce, 7u);
}

TEST(StateTest, FindSwitchesBetweenAccounts) {
  State s;
  s.insert(addressOf(4), Account{.nonce = 4});
  s.insert(addressOf(5), Account{.nonce = 5});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(s.find(addressOf(4))->nonce, 4u);
    EXPECT_EQ(s.find(addressOf(5))->nonce, 5u);
  }
  EXPECT_EQ(s.find(addressOf(6)), nullptr);
}

// loadStorage answers accessStorage and getStorage at once, the same way.
TEST(StateTest, LoadStorageIsAccessThenGet) {
  State s;
  Account &acc = s.insert(addressOf(7), Account{});
  acc.storage[Word(1)] = StorageSlot{Word(42), Word(42), false};
  BlockInfo block;
  StateHost host(s, block, TxContext{}, nullptr);
  Word value;
  EXPECT_EQ(host.loadStorage(addressOf(7), Word(1), value), AccessStatus::Cold);
  EXPECT_EQ(value, Word(42));
  EXPECT_EQ(host.loadStorage(addressOf(7), Word(1), value), AccessStatus::Warm);
  EXPECT_EQ(host.loadStorage(addressOf(7), Word(2), value), AccessStatus::Cold);
  EXPECT_EQ(value, Word());
  // An account that does not exist: cold once, then warm, and zero.
  EXPECT_EQ(host.loadStorage(addressOf(8), Word(1), value), AccessStatus::Cold);
  EXPECT_EQ(host.loadStorage(addressOf(8), Word(1), value), AccessStatus::Warm);
  EXPECT_EQ(value, Word());
  // Warmth is journaled like accessStorage's.
  size_t mark = s.checkpoint();
  EXPECT_EQ(host.loadStorage(addressOf(7), Word(3), value), AccessStatus::Cold);
  s.rollback(mark);
  EXPECT_EQ(host.accessStorage(addressOf(7), Word(3)), AccessStatus::Cold);
}

} // namespace
} // namespace metis::state
