//===- MessageRunner.cpp - Run one message against a contract -------------===//
#include "metis/runtime/MessageRunner.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Precompiles.h"

#include <limits>

namespace metis {

MessageRunner::MessageRunner(MessageSetup setup, Executor *executor)
    : setup_(std::move(setup)), analysis_(*setup_.code), executor_(executor),
      codeHash_(keccak256(BytesView(*setup_.code))) {
  state::Account sender;
  sender.balance = ~Word{} >> 1;
  state_.insert(setup_.sender, std::move(sender));
  state::Account contract;
  contract.nonce = 1;
  contract.code = setup_.code;
  contract.codeHash = codeHash_;
  state_.insert(setup_.contract, std::move(contract));

  // The revmc fixtures' environment: block 1 at time 1, zero coinbase and fees.
  block_.number = 1;
  block_.timestamp = 1;
  block_.gasLimit = std::numeric_limits<int64_t>::max();
  block_.blockHash = [](int64_t n) { return keccak256(std::to_string(n)); };

  host_ = std::make_unique<state::StateHost>(
      state_, block_, state::makeTxContext(block_, setup_.sender, Word(0)), nullptr);

  // What a transaction warms (EIP-2929, EIP-3651); left out of the rollback below.
  state_.warmAccount(setup_.sender);
  state_.warmAccount(setup_.contract);
  for (unsigned id = 1; id <= precompiles::kNumPrecompiles; ++id)
    state_.warmAccount(Address::fromUint64(id));
  state_.warmAccount(block_.coinbase);
  checkpoint_ = state_.checkpoint();

  msg_.kind = CallKind::Call;
  msg_.depth = 0;
  msg_.gas = setup_.gas;
  msg_.recipient = setup_.contract;
  msg_.codeAddress = setup_.contract;
  msg_.sender = setup_.sender;
  msg_.input = setup_.input;
}

Result MessageRunner::run() noexcept { return run(nullptr); }

Result MessageRunner::run(const std::function<void(state::State &)> &inspect) {
  Result r = executor_ ? executor_->execute(*host_, msg_, *setup_.code, codeHash_)
                       : execute(*host_, msg_, analysis_);
  if (inspect)
    inspect(state_);
  // Undoes storage, transient storage, warm slots and logs: the next run starts equal.
  state_.rollback(checkpoint_);
  return r;
}

} // namespace metis
