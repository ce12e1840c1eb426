//===- State.cpp - In-memory world state with a journal ---------------------===//
#include "metis/runtime/State.h"
#include "metis/runtime/Rlp.h"
#include "metis/runtime/Trie.h"

#include <utility>

namespace metis::state {

bool Account::hasStorage() const noexcept {
  for (const auto &[key, slot] : storage)
    if (!slot.current.isZero())
      return true;
  return false;
}

Account *State::find(const Address &addr) noexcept {
  return const_cast<Account *>(std::as_const(*this).find(addr));
}

const Account *State::find(const Address &addr) const noexcept {
  if (lastFound_.account && lastFound_.addr == addr)
    return lastFound_.account;
  auto it = accounts_.find(addr);
  if (it == accounts_.end())
    return nullptr;
  lastFound_.addr = addr;
  lastFound_.account = const_cast<Account *>(&it->second);
  return &it->second;
}

void State::eraseAccount(const Address &addr) {
  if (lastFound_.addr == addr)
    lastFound_.account = nullptr;
  accounts_.erase(addr);
}

Account &State::getOrCreate(const Address &addr) {
  auto [it, inserted] = accounts_.try_emplace(addr);
  if (inserted)
    journal_.emplace_back(AccountCreated{addr});
  return it->second;
}

Account &State::insert(const Address &addr, Account account) {
  return accounts_.insert_or_assign(addr, std::move(account)).first->second;
}

void State::setBalance(Account &acc, const Address &addr, const Word &value) {
  journal_.emplace_back(BalanceChange{addr, acc.balance});
  acc.balance = value;
}

void State::setNonce(Account &acc, const Address &addr, uint64_t nonce) {
  journal_.emplace_back(NonceChange{addr, acc.nonce});
  acc.nonce = nonce;
}

void State::setCode(Account &acc, const Address &addr, Bytes code) {
  journal_.emplace_back(CodeChange{addr, acc.code, acc.codeHash});
  acc.codeHash = keccak256(code);
  acc.code = std::make_shared<const Bytes>(std::move(code));
}

void State::setStorage(Account &acc, const Address &addr, const Word &key, const Word &value) {
  StorageSlot &slot = acc.storage[key];
  journal_.emplace_back(StorageChange{addr, key, slot.current});
  slot.current = value;
}

void State::setTransient(Account &acc, const Address &addr, const Word &key, const Word &value) {
  Word &slot = acc.transientStorage[key];
  journal_.emplace_back(TransientChange{addr, key, slot});
  slot = value;
}

void State::setFlag(Account &acc, const Address &addr, bool Account::*flag, bool value) {
  if (acc.*flag == value)
    return;
  journal_.emplace_back(FlagChange{addr, flag, acc.*flag});
  acc.*flag = value;
}

void State::touch(Account &acc, const Address &addr) {
  setFlag(acc, addr, &Account::touched, true);
}
void State::markCreated(Account &acc, const Address &addr) {
  setFlag(acc, addr, &Account::createdInTx, true);
}
void State::markDestructed(Account &acc, const Address &addr) {
  setFlag(acc, addr, &Account::destructed, true);
}

bool State::warmAccount(const Address &addr) {
  if (!warmAccounts_.insert(addr).second)
    return true;
  journal_.emplace_back(WarmAccount{addr});
  return false;
}

std::pair<StorageSlot &, bool> State::accessSlot(Account &acc, const Address &addr,
                                                 const Word &key) {
  StorageSlot &slot = acc.storage[key];
  if (slot.warm)
    return {slot, true};
  if (!warmOrphanSlots_.empty() && warmOrphanSlots_.contains(SlotKey{addr, key}))
    return {slot, true};
  slot.warm = true;
  journal_.emplace_back(WarmSlot{addr, key});
  return {slot, false};
}

bool State::warmSlot(const Address &addr, const Word &key) {
  if (Account *acc = find(addr))
    return accessSlot(*acc, addr, key).second;
  if (!warmOrphanSlots_.insert(SlotKey{addr, key}).second)
    return true;
  journal_.emplace_back(WarmOrphanSlot{addr, key});
  return false;
}

void State::addLog(Log log) {
  logs_.push_back(std::move(log));
  journal_.emplace_back(LogAdded{});
}

void State::rollback(size_t checkpoint) noexcept {
  while (journal_.size() > checkpoint) {
    std::visit(
        [this](auto &e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, BalanceChange>)
            accounts_[e.addr].balance = e.prev;
          else if constexpr (std::is_same_v<T, NonceChange>)
            accounts_[e.addr].nonce = e.prev;
          else if constexpr (std::is_same_v<T, CodeChange>) {
            Account &acc = accounts_[e.addr];
            acc.code = std::move(e.prev);
            acc.codeHash = e.prevHash;
          } else if constexpr (std::is_same_v<T, StorageChange>)
            accounts_[e.addr].storage[e.key].current = e.prev;
          else if constexpr (std::is_same_v<T, TransientChange>)
            accounts_[e.addr].transientStorage[e.key] = e.prev;
          else if constexpr (std::is_same_v<T, AccountCreated>)
            eraseAccount(e.addr);
          else if constexpr (std::is_same_v<T, FlagChange>)
            accounts_[e.addr].*e.flag = e.prev;
          else if constexpr (std::is_same_v<T, WarmAccount>)
            warmAccounts_.erase(e.addr);
          else if constexpr (std::is_same_v<T, WarmSlot>)
            accounts_[e.addr].storage[e.key].warm = false;
          else if constexpr (std::is_same_v<T, WarmOrphanSlot>)
            warmOrphanSlots_.erase(SlotKey{e.addr, e.key});
          else if constexpr (std::is_same_v<T, LogAdded>)
            logs_.pop_back();
        },
        journal_.back());
    journal_.pop_back();
  }
}

void State::finalizeTransaction() {
  for (auto it = accounts_.begin(); it != accounts_.end();) {
    Account &acc = it->second;
    if (acc.destructed || (acc.touched && acc.isEmpty())) {
      if (lastFound_.account == &acc)
        lastFound_.account = nullptr;
      it = accounts_.erase(it);
      continue;
    }
    acc.touched = acc.createdInTx = false;
    acc.transientStorage.clear();
    for (auto slot = acc.storage.begin(); slot != acc.storage.end();) {
      if (slot->second.current.isZero()) {
        slot = acc.storage.erase(slot);
      } else {
        slot->second.original = slot->second.current;
        slot->second.warm = false;
        ++slot;
      }
    }
    ++it;
  }
  warmAccounts_.clear();
  warmOrphanSlots_.clear();
  journal_.clear();
}

static Bytes encodeWord(const Word &w) { return rlp::encodeString(w.toBigEndianTrimmed()); }

static Bytes32 storageRoot(const Account &acc) {
  std::vector<std::pair<Bytes, Bytes>> entries;
  entries.reserve(acc.storage.size());
  for (const auto &[key, slot] : acc.storage) {
    if (slot.current.isZero())
      continue;
    Bytes32 k = keccak256(BytesView(key.toBytes32()));
    entries.emplace_back(Bytes(k.bytes.begin(), k.bytes.end()), encodeWord(slot.current));
  }
  return trie::root(std::move(entries));
}

Bytes32 State::stateRoot() const {
  std::vector<std::pair<Bytes, Bytes>> entries;
  entries.reserve(accounts_.size());
  for (const auto &[addr, acc] : accounts_) {
    Bytes32 k = keccak256(BytesView(addr));
    Bytes32 sroot = storageRoot(acc);
    Bytes value = rlp::encodeList({rlp::encodeUint(acc.nonce), encodeWord(acc.balance),
                                   rlp::encodeString(sroot), rlp::encodeString(acc.codeHash)});
    entries.emplace_back(Bytes(k.bytes.begin(), k.bytes.end()), std::move(value));
  }
  return trie::root(std::move(entries));
}

Bytes32 logsHash(std::span<const Log> logs) {
  std::vector<Bytes> items;
  items.reserve(logs.size());
  for (const Log &log : logs) {
    std::vector<Bytes> topics;
    for (const Bytes32 &t : log.topics)
      topics.push_back(rlp::encodeString(t));
    items.push_back(rlp::encodeList(
        {rlp::encodeString(log.address), rlp::encodeList(topics), rlp::encodeString(log.data)}));
  }
  return keccak256(rlp::encodeList(items));
}

} // namespace metis::state
