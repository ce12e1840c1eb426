//===- ExecutionFixture.h - One test, every engine --------------*- C++ -*-===//
//
// The fixture every execution test uses, parameterised by the engine that runs
// the code under test. A test deploys code, runs it as the top frame of a
// transaction and asserts on what the EIPs say must come out: status, gas
// used, output, refund counter, state and logs.
//
//   TEST_P(ArithmeticTest, Add) {
//     execute(100, push(1) + push(2) + OP_ADD + retTop());
//     EXPECT_EQ(result.status, Status::Success);
//     EXPECT_EQ(gasUsed, 22);
//   }
//   METIS_INSTANTIATE_ENGINE_TESTS(ArithmeticTest);
//
// The engines are Engine's (metis/Target/Engine.h), made by Engine::create: a tier added
// there is tested here. Every frame, nested ones included, runs on the engine under test.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TEST_UNITTESTS_SUPPORT_EXECUTIONFIXTURE_H
#define METIS_TEST_UNITTESTS_SUPPORT_EXECUTIONFIXTURE_H

#include "Bytecode.h"

#include "metis/Target/Engine.h"
#include "metis/runtime/Interpreter.h"
#include "metis/runtime/Precompiles.h"
#include "metis/runtime/StateHost.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace metis {
// Readable failure messages.
inline void PrintTo(Status s, std::ostream *os) { *os << statusName(s); }
inline void PrintTo(const Word &w, std::ostream *os) { *os << w.toHex(); }
inline void PrintTo(const Address &a, std::ostream *os) { *os << "0x" << toHex(a); }
} // namespace metis

namespace metis::test {

/// The engine called `name`, made by Engine::create as the tools make theirs, once for the
/// whole test binary (compiled code is cached by code hash; the AOT engine's folder goes
/// with it at exit). Null, with a test failure, if it cannot be made.
inline Engine *engineFor(std::string_view name) {
  static std::map<std::string, std::unique_ptr<Engine>, std::less<>> engines;
  if (auto it = engines.find(name); it != engines.end())
    return it->second.get();
  auto created = Engine::create(name);
  if (!created) {
    ADD_FAILURE() << "cannot create the engine '" << name
                  << "': " << llvm::toString(created.takeError());
    return nullptr;
  }
  return engines.emplace(std::string(name), std::move(*created)).first->second.get();
}

/// The named engine's executor (null: the interpreter).
inline Executor *executorFor(std::string_view engine) {
  Engine *e = engineFor(engine);
  return e ? e->executor() : nullptr;
}

/// Runs `code` as the frame `msg` on the named engine.
inline Result runEngine(std::string_view engine, Host &host, const Message &msg, BytesView code) {
  if (Executor *executor = executorFor(engine))
    return executor->execute(host, msg, code, keccak256(code));
  return metis::execute(host, msg, code);
}

/// Every engine the execution tests are instantiated over: all of Engine::names().
inline std::vector<std::string> engineNames() { return Engine::names(); }

/// Instantiates every TEST_P of `Suite` once per engine, named after it.
#define METIS_INSTANTIATE_ENGINE_TESTS(Suite)                                                      \
  INSTANTIATE_TEST_SUITE_P(                                                                        \
      , Suite, ::testing::ValuesIn(::metis::test::engineNames()),                                  \
      [](const ::testing::TestParamInfo<std::string> &info) { return info.param; })

/// An exceptional halt with the given status: every unit of the frame's gas
/// is gone and there is no output.
#define EXPECT_HALT(STATUS)                                                                        \
  do {                                                                                             \
    EXPECT_EQ(result.status, STATUS);                                                              \
    EXPECT_EQ(result.gasLeft, 0);                                                                  \
    EXPECT_EQ(gasUsed, msg.gas);                                                                   \
    EXPECT_TRUE(result.output.empty());                                                            \
  } while (0)

/// An exceptional halt where the EIP names no particular status.
#define EXPECT_EXCEPTIONAL_HALT()                                                                  \
  do {                                                                                             \
    EXPECT_NE(result.status, Status::Success);                                                     \
    EXPECT_NE(result.status, Status::Revert);                                                      \
    EXPECT_EQ(result.gasLeft, 0);                                                                  \
    EXPECT_EQ(gasUsed, msg.gas);                                                                   \
  } while (0)

class ExecutionTest : public ::testing::TestWithParam<std::string> {
protected:
  /// The transaction's sender: ORIGIN and the top frame's CALLER.
  static inline const Address kSender = Address::fromUint64(0x5e4de4);
  /// Where the code under test runs unless a test picks another `contract`.
  static inline const Address kContract = Address::fromUint64(0xc0de);
  static inline const Address kCoinbase = Address::fromUint64(0xc014ba5e);

  ExecutionTest() {
    block.number = 1000;
    block.timestamp = 1700000000;
    block.gasLimit = 30'000'000;
    block.coinbase = kCoinbase;
    tx = state::makeTxContext(block, kSender, Word(0));
    resetState();
  }

  /// A fresh world holding only the funded sender; for tests that loop over
  /// cases.
  void resetState() {
    state = state::State{};
    fund(kSender, Word(1'000'000'000)).nonce = 1;
  }

  /// The engine under test.
  std::string_view engine() const { return GetParam(); }

  //===- Pre-state
  //----------------------------------------------------------===//

  /// Puts an account with `code` at `addr` (nonce 1, as EIP-161 gives new
  /// contracts), replacing any account there.
  state::Account &deploy(const Address &addr, BytesView code, const Word &balance = {}) {
    state::Account acc;
    acc.nonce = 1;
    acc.balance = balance;
    acc.code = std::make_shared<const Bytes>(code.begin(), code.end());
    acc.codeHash = keccak256(code);
    return state.insert(addr, std::move(acc));
  }

  /// Puts an account without code holding `balance` at `addr`, replacing any
  /// account there.
  state::Account &fund(const Address &addr, const Word &balance) {
    state::Account acc;
    acc.balance = balance;
    return state.insert(addr, std::move(acc));
  }

  /// A pre-existing storage slot: its original value is `value` too.
  void setStorage(const Address &addr, const Word &key, const Word &value) {
    state::Account *acc = state.find(addr);
    ASSERT_NE(acc, nullptr) << "deploy the account first";
    acc->storage[key] = state::StorageSlot{value, value};
  }

  //===- Running
  //------------------------------------------------------------===//

  /// Deploys `code` at `contract` (keeping the balance and nonce of an account
  /// already there) and runs it.
  void execute(int64_t gas, BytesView code, BytesView input = {}, const Word &value = {}) {
    state::Account *existing = state.find(contract);
    if (existing) {
      existing->code = std::make_shared<const Bytes>(code.begin(), code.end());
      existing->codeHash = keccak256(code);
    } else {
      deploy(contract, code);
    }
    run(gas, input, value);
  }

  /// Runs the code already at `contract` as a transaction's top frame: the
  /// sender, the recipient, the precompiles (EIP-2929) and the coinbase
  /// (EIP-3651) start warm; the value moves from the sender; a failure undoes
  /// the frame's state changes, as StateHost does for nested frames.
  void run(int64_t gas, BytesView input = {}, const Word &value = {}) {
    input_.assign(input.begin(), input.end());
    msg = Message{};
    msg.kind = CallKind::Call;
    msg.depth = depth;
    msg.isStatic = isStatic;
    msg.gas = gas;
    msg.sender = kSender;
    msg.recipient = contract;
    msg.codeAddress = contract;
    msg.input = input_;
    msg.value = value;

    state.warmAccount(kSender);
    state.warmAccount(contract);
    for (unsigned id = 1; id <= precompiles::kNumPrecompiles; ++id)
      state.warmAccount(Address::fromUint64(id));
    state.warmAccount(tx.coinbase);

    // Nested frames run on the engine under test too.
    state::StateHost host(state, block, tx, nullptr, executorFor(engine()));
    const size_t checkpoint = state.checkpoint();
    state::Account &to = state.getOrCreate(contract);
    state.touch(to, contract);
    if (!value.isZero()) {
      state::Account &from = state.getOrCreate(kSender);
      state.setBalance(from, kSender, from.balance - value);
      state.setBalance(to, contract, to.balance + value);
    }
    const state::Account *acc = state.find(contract);
    std::shared_ptr<const Bytes> code = acc->code;
    result = runEngine(engine(), host, msg, code ? BytesView(*code) : BytesView());
    if (result.status != Status::Success) {
      state.rollback(checkpoint);
      result.gasRefund = 0;
    }
    gasUsed = msg.gas - result.gasLeft;
  }

  /// Ends the transaction (EIP-161 and EIP-6780 deletions, transient storage
  /// cleared, warm sets emptied).
  void endTransaction() { state.finalizeTransaction(); }

  //===- Results
  //------------------------------------------------------------===//

  /// The output read as one word; fails the test unless it is 32 bytes.
  Word outputWord() const {
    EXPECT_EQ(result.output.size(), 32u);
    return result.output.size() == 32 ? Word::fromBigEndian(result.output.data()) : Word{};
  }
  Address outputAddress() const { return outputWord().toAddress(); }
  int64_t refund() const { return result.gasRefund; }

  Word storage(const Address &addr, const Word &key) const {
    const state::Account *acc = state.find(addr);
    if (!acc)
      return Word{};
    auto it = acc->storage.find(key);
    return it == acc->storage.end() ? Word{} : it->second.current;
  }
  Word balanceOf(const Address &addr) const {
    const state::Account *acc = state.find(addr);
    return acc ? acc->balance : Word{};
  }
  const state::Account *account(const Address &addr) const { return state.find(addr); }
  std::vector<state::Log> &logs() { return state.logs(); }

  state::State state;
  state::BlockInfo block;
  /// What the block and transaction opcodes read; set fields before running.
  TxContext tx;
  /// Where execute() deploys and run() calls.
  Address contract = kContract;
  /// The top frame's call depth (1024 is the deepest a frame can be).
  int32_t depth = 0;
  /// Whether the top frame runs in a static context (as under STATICCALL).
  bool isStatic = false;

  /// The top frame's message, as last run.
  Message msg;
  Result result;
  /// msg.gas - result.gasLeft.
  int64_t gasUsed = 0;

private:
  Bytes input_;
};

} // namespace metis::test

#endif // METIS_TEST_UNITTESTS_SUPPORT_EXECUTIONFIXTURE_H
