//===- StateHost.cpp - The Host over an in-memory State ---------------------===//
#include "metis/runtime/StateHost.h"
#include "metis/runtime/NativeStack.h"
#include "metis/runtime/Precompiles.h"
#include "metis/runtime/Rlp.h"

#include <cstring>

namespace metis::state {

namespace {
constexpr size_t kMaxCodeSize = 24576; // EIP-170
constexpr int64_t kCodeDepositCostPerByte = 200;
const Address kRipemdAddress = Address::fromUint64(3);
} // namespace

Address createAddress(const Address &sender, uint64_t nonce) {
  Bytes32 h = keccak256(rlp::encodeList({rlp::encodeString(sender), rlp::encodeUint(nonce)}));
  Address a;
  std::memcpy(a.data(), h.data() + 12, 20);
  return a;
}

Address create2Address(const Address &sender, const Word &salt, BytesView initcode) {
  uint8_t buf[1 + 20 + 32 + 32];
  buf[0] = 0xff;
  std::memcpy(buf + 1, sender.data(), 20);
  salt.toBigEndian(buf + 21);
  Bytes32 codeHash = keccak256(initcode);
  std::memcpy(buf + 53, codeHash.data(), 32);
  Bytes32 h = keccak256(BytesView(buf, sizeof(buf)));
  Address a;
  std::memcpy(a.data(), h.data() + 12, 20);
  return a;
}

bool StateHost::accountExists(const Address &addr) noexcept {
  const Account *acc = state_.find(addr);
  return acc && !acc->isEmpty();
}

Word StateHost::getStorage(const Address &addr, const Word &key) noexcept {
  const Account *acc = state_.find(addr);
  if (!acc)
    return Word{};
  auto it = acc->storage.find(key);
  return it == acc->storage.end() ? Word{} : it->second.current;
}

StorageStatus StateHost::setStorage(const Address &addr, const Word &key,
                                    const Word &value) noexcept {
  Account &acc = state_.getOrCreate(addr);
  auto it = acc.storage.find(key);
  const Word current = it == acc.storage.end() ? Word{} : it->second.current;
  const Word original = it == acc.storage.end() ? Word{} : it->second.original;
  if (current == value)
    return StorageStatus::Assigned;
  state_.setStorage(acc, addr, key, value);
  if (original == current) { // clean slot
    if (original.isZero())
      return StorageStatus::Added;
    return value.isZero() ? StorageStatus::Deleted : StorageStatus::Modified;
  }
  // Dirty slot.
  if (!original.isZero()) {
    if (current.isZero())
      return value == original ? StorageStatus::DeletedRestored : StorageStatus::DeletedAdded;
    if (value.isZero())
      return StorageStatus::ModifiedDeleted;
    if (value == original)
      return StorageStatus::ModifiedRestored;
    return StorageStatus::Assigned;
  }
  return value.isZero() ? StorageStatus::AddedDeleted : StorageStatus::Assigned;
}

Word StateHost::getTransientStorage(const Address &addr, const Word &key) noexcept {
  const Account *acc = state_.find(addr);
  if (!acc)
    return Word{};
  auto it = acc->transientStorage.find(key);
  return it == acc->transientStorage.end() ? Word{} : it->second;
}

void StateHost::setTransientStorage(const Address &addr, const Word &key,
                                    const Word &value) noexcept {
  state_.setTransient(state_.getOrCreate(addr), addr, key, value);
}

Word StateHost::getBalance(const Address &addr) noexcept {
  const Account *acc = state_.find(addr);
  return acc ? acc->balance : Word{};
}

size_t StateHost::getCodeSize(const Address &addr) noexcept {
  const Account *acc = state_.find(addr);
  return acc ? acc->codeSize() : 0;
}

Bytes32 StateHost::getCodeHash(const Address &addr) noexcept {
  const Account *acc = state_.find(addr);
  if (!acc || acc->isEmpty())
    return Bytes32{};
  return acc->codeHash;
}

size_t StateHost::copyCode(const Address &addr, size_t offset, uint8_t *out, size_t size) noexcept {
  const Account *acc = state_.find(addr);
  if (!acc || offset >= acc->codeSize())
    return 0;
  size_t n = std::min(size, acc->codeSize() - offset);
  std::memcpy(out, acc->code->data() + offset, n);
  return n;
}

bool StateHost::selfdestruct(const Address &addr, const Address &beneficiary) noexcept {
  Account &acc = state_.getOrCreate(addr);
  const Word balance = acc.balance;
  Account &dst = state_.getOrCreate(beneficiary);
  state_.touch(dst, beneficiary);
  if (beneficiary != addr) {
    state_.setBalance(dst, beneficiary, dst.balance + balance);
    state_.setBalance(acc, addr, Word{});
  } else if (acc.createdInTx) {
    // Sending to itself burns the balance, but only where the account really goes away.
    state_.setBalance(acc, addr, Word{});
  }
  // EIP-6780: only an account created in this transaction is deleted.
  if (acc.createdInTx) {
    bool first = !acc.destructed;
    state_.markDestructed(acc, addr);
    return first;
  }
  return false;
}

Bytes32 StateHost::getBlockHash(int64_t number) noexcept {
  return block_.blockHash ? block_.blockHash(number) : Bytes32{};
}

void StateHost::emitLog(const Address &addr, BytesView data,
                        std::span<const Bytes32> topics) noexcept {
  state_.addLog(Log{addr, std::vector<Bytes32>(topics.begin(), topics.end()),
                    Bytes(data.begin(), data.end())});
}

AccessStatus StateHost::accessAccount(const Address &addr) noexcept {
  return state_.warmAccount(addr) ? AccessStatus::Warm : AccessStatus::Cold;
}

AccessStatus StateHost::accessStorage(const Address &addr, const Word &key) noexcept {
  return state_.warmSlot(addr, key) ? AccessStatus::Warm : AccessStatus::Cold;
}

AccessStatus StateHost::loadStorage(const Address &addr, const Word &key, Word &value) noexcept {
  Account *acc = state_.find(addr);
  if (!acc) {
    value = Word{};
    return accessStorage(addr, key);
  }
  auto [slot, wasWarm] = state_.accessSlot(*acc, addr, key);
  value = slot.current;
  return wasWarm ? AccessStatus::Warm : AccessStatus::Cold;
}

Result StateHost::callPrecompile(unsigned id, const Message &msg) noexcept {
  precompiles::Result r = precompiles::execute(id, msg.input, msg.gas);
  Result result;
  switch (r.status) {
  case precompiles::Status::Success:
    result.status = Status::Success;
    result.gasLeft = msg.gas - r.gasUsed;
    result.output = std::move(r.output);
    break;
  case precompiles::Status::OutOfGas:
    result.status = Status::OutOfGas;
    break;
  case precompiles::Status::Failure:
    result.status = Status::PrecompileFailure;
    break;
  }
  return result;
}

Result StateHost::execute(const Message &msg) noexcept {
  if (msg.kind == CallKind::Call) {
    Account &dst = state_.getOrCreate(msg.recipient);
    state_.touch(dst, msg.recipient);
    if (!msg.value.isZero()) {
      Account &src = state_.getOrCreate(msg.sender);
      state_.setBalance(src, msg.sender, src.balance - msg.value);
      state_.setBalance(dst, msg.recipient, dst.balance + msg.value);
    }
  }
  if (unsigned id = precompiles::precompileId(msg.codeAddress))
    return callPrecompile(id, msg);
  const Account *code = state_.find(msg.codeAddress);
  if (!code || code->codeSize() == 0)
    return Result{Status::Success, msg.gas, 0, {}, {}};
  // Keep the code alive even if the frame replaces the account's code.
  std::shared_ptr<const Bytes> bytes = code->code;
  if (executor_ && !tracer_)
    return executor_->execute(*this, msg, BytesView(*bytes), code->codeHash);
  return metis::execute(*this, msg, BytesView(*bytes), tracer_);
}

Result StateHost::create(const Message &msg, const Address &newAddr) noexcept {
  Account &acc = state_.getOrCreate(newAddr);
  // EIP-684/EIP-7610: an address with a nonce, code or storage cannot be created over.
  if (acc.nonce != 0 || acc.codeSize() != 0 || acc.hasStorage())
    return Result{Status::Failure, 0, 0, {}, {}};
  state_.setNonce(acc, newAddr, 1);
  state_.markCreated(acc, newAddr);
  state_.touch(acc, newAddr);
  if (!msg.value.isZero()) {
    Account &src = state_.getOrCreate(msg.sender);
    state_.setBalance(src, msg.sender, src.balance - msg.value);
    state_.setBalance(acc, newAddr, acc.balance + msg.value);
  }

  Message init = msg;
  init.kind = CallKind::Call;
  init.recipient = newAddr;
  init.codeAddress = newAddr;
  init.input = {};
  Result result = executor_ && !tracer_
                      ? executor_->execute(*this, init, msg.input, keccak256(msg.input))
                      : metis::execute(*this, init, msg.input, tracer_);
  if (result.status != Status::Success)
    return result;

  Bytes &code = result.output;
  int64_t gasLeft = result.gasLeft - int64_t(code.size()) * kCodeDepositCostPerByte;
  // EIP-170 size limit, EIP-3541 0xEF prefix, and the deposit cost: each fails the create
  // with all gas consumed.
  if (code.size() > kMaxCodeSize || gasLeft < 0 || (!code.empty() && code[0] == 0xef))
    return Result{Status::Failure, 0, 0, {}, {}};
  // The account object may have moved? No: unordered_map nodes are stable.
  Account &created = *state_.find(newAddr);
  state_.setCode(created, newAddr, std::move(code));
  return Result{Status::Success, gasLeft, result.gasRefund, {}, newAddr};
}

Result StateHost::call(const Message &msg) noexcept {
  // The callee's frame recurses on the native stack; NativeStack.h says why this is safe.
  return withNativeStackRoom([&] { return callHere(msg); });
}

Result StateHost::callHere(const Message &orig) noexcept {
  Address newAddr;
  if (orig.kind == CallKind::Create || orig.kind == CallKind::Create2) {
    Account &sender = state_.getOrCreate(orig.sender);
    uint64_t nonce = sender.nonce;
    if (orig.depth > 0) {
      // EIP-2681: a nonce at its maximum fails the create without consuming gas.
      if (nonce == Account::kMaxNonce)
        return Result{Status::Failure, orig.gas, 0, {}, {}};
      state_.setNonce(sender, orig.sender, nonce + 1);
    } else {
      --nonce; // the transaction has already bumped it
    }
    newAddr = orig.kind == CallKind::Create ? createAddress(orig.sender, nonce)
                                            : create2Address(orig.sender, orig.salt, orig.input);
    // EIP-2929: the new address stays warm even if the create fails.
    state_.warmAccount(newAddr);
  }

  const size_t checkpoint = state_.checkpoint();
  Result result = orig.kind == CallKind::Create || orig.kind == CallKind::Create2
                      ? create(orig, newAddr)
                      : execute(orig);
  if (result.status != Status::Success) {
    const Account *ripemd = state_.find(kRipemdAddress);
    bool ripemdTouched = ripemd && ripemd->touched;
    state_.rollback(checkpoint);
    // A consensus quirk kept since 2016 (geth's RIPEMD touch): a touch of 0x03 survives the
    // revert of the frame that touched it, so an empty 0x03 is still deleted.
    if (ripemdTouched)
      state_.touch(state_.getOrCreate(kRipemdAddress), kRipemdAddress);
    result.gasRefund = 0;
  }
  return result;
}

} // namespace metis::state
