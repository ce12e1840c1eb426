//===- StateHost.h - The Host over an in-memory State -------------*- C++ -*-===//
#ifndef METIS_RUNTIME_STATEHOST_H
#define METIS_RUNTIME_STATEHOST_H

#include "metis/runtime/Executor.h"
#include "metis/runtime/Transaction.h"

namespace metis::state {

/// Serves one transaction's frames: state access, nested calls and creates (with their
/// checkpoints), precompiles and logs.
class StateHost final : public Host {
public:
  StateHost(State &state, const BlockInfo &block, TxContext txContext, Tracer *tracer,
            Executor *executor = nullptr)
      : state_(state), block_(block), txContext_(std::move(txContext)), tracer_(tracer),
        executor_(executor) {}

  bool accountExists(const Address &addr) noexcept override;
  Word getStorage(const Address &addr, const Word &key) noexcept override;
  StorageStatus setStorage(const Address &addr, const Word &key,
                           const Word &value) noexcept override;
  Word getTransientStorage(const Address &addr, const Word &key) noexcept override;
  void setTransientStorage(const Address &addr, const Word &key,
                           const Word &value) noexcept override;
  Word getBalance(const Address &addr) noexcept override;
  size_t getCodeSize(const Address &addr) noexcept override;
  Bytes32 getCodeHash(const Address &addr) noexcept override;
  size_t copyCode(const Address &addr, size_t offset, uint8_t *out, size_t size) noexcept override;
  bool selfdestruct(const Address &addr, const Address &beneficiary) noexcept override;
  Result call(const Message &msg) noexcept override;
  const TxContext &getTxContext() noexcept override { return txContext_; }
  Bytes32 getBlockHash(int64_t number) noexcept override;
  void emitLog(const Address &addr, BytesView data,
               std::span<const Bytes32> topics) noexcept override;
  AccessStatus accessAccount(const Address &addr) noexcept override;
  AccessStatus accessStorage(const Address &addr, const Word &key) noexcept override;
  AccessStatus loadStorage(const Address &addr, const Word &key, Word &value) noexcept override;

private:
  /// call() on the current native stack.
  Result callHere(const Message &msg) noexcept;
  Result execute(const Message &msg) noexcept;
  Result create(const Message &msg, const Address &newAddr) noexcept;
  Result callPrecompile(unsigned id, const Message &msg) noexcept;

  State &state_;
  const BlockInfo &block_;
  TxContext txContext_;
  Tracer *tracer_;
  Executor *executor_; ///< Runs code; the interpreter when null.
};

/// CREATE: keccak256(rlp([sender, nonce]))[12:].
Address createAddress(const Address &sender, uint64_t nonce);
/// CREATE2: keccak256(0xff ++ sender ++ salt ++ keccak256(initcode))[12:].
Address create2Address(const Address &sender, const Word &salt, BytesView initcode);

} // namespace metis::state

#endif // METIS_RUNTIME_STATEHOST_H
