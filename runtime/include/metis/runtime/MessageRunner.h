//===- MessageRunner.h - Run one message against a contract ------*- C++ -*-===//
//
// The smallest embedding of the VM in C++: a contract's code, a funded sender and a message,
// run as a depth-0 CALL with no transaction around it (no intrinsic gas, no fees), the way
// evmone's benchmark harness runs code. The benchmark tools, `metisc run` and the engine
// tests use it; the C API of the embedding issue wraps it.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_MESSAGERUNNER_H
#define METIS_RUNTIME_MESSAGERUNNER_H

#include "metis/runtime/StateHost.h"

#include <functional>
#include <memory>

namespace metis {

/// What one message runs: `code` deployed at `contract`, called by `sender` with `input`.
struct MessageSetup {
  std::shared_ptr<const Bytes> code;
  Address contract;
  Address sender;
  Bytes input;
  int64_t gas = 0; ///< The frame's gas limit.
};

/// Runs a setup over a State holding just the sender (funded) and the contract. Sender,
/// contract, coinbase and precompiles are warm, as in a transaction. Each run is rolled back
/// to the pre-state through the journal, so a contract that writes storage sees the same state
/// every time without copying the State.
class MessageRunner {
public:
  /// Runs on `executor` (a JIT, say), or the interpreter when null.
  explicit MessageRunner(MessageSetup setup, Executor *executor = nullptr);
  MessageRunner(const MessageRunner &) = delete;
  MessageRunner &operator=(const MessageRunner &) = delete;

  Result run() noexcept;
  /// Runs, then shows `inspect` the state the call left (storage, balances, logs) before it is
  /// rolled back: what a differential test compares between tiers.
  Result run(const std::function<void(state::State &)> &inspect);
  int64_t gasUsed(const Result &r) const noexcept { return msg_.gas - r.gasLeft; }
  const MessageSetup &setup() const noexcept { return setup_; }

private:
  MessageSetup setup_;
  CodeAnalysis analysis_;
  Executor *executor_;
  Bytes32 codeHash_;
  state::State state_;
  state::BlockInfo block_;
  std::unique_ptr<state::StateHost> host_;
  Message msg_;
  size_t checkpoint_ = 0;
};

} // namespace metis

#endif // METIS_RUNTIME_MESSAGERUNNER_H
