//===- State.h - In-memory world state with a journal ------------*- C++ -*-===//
//
// Accounts, storage and the journal that makes nested call frames revertible. Every change
// goes through a method that records how to undo it; `checkpoint()` marks a point and
// `rollback()` undoes everything after it. MetisDB will later back the same interface with
// LMDB pages; today the whole state lives in a hash map (state tests, blocks with pre-state).
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_STATE_H
#define METIS_RUNTIME_STATE_H

#include "metis/runtime/Host.h"
#include "metis/runtime/Keccak.h"

#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace metis::state {

struct StorageSlot {
  Word current{};
  Word original{};   ///< Value at the start of the transaction (EIP-2200).
  bool warm = false; ///< Accessed in this transaction (EIP-2929).
};

struct Account {
  static constexpr uint64_t kMaxNonce = ~uint64_t(0);

  uint64_t nonce = 0;
  Word balance{};
  std::shared_ptr<const Bytes> code; ///< Shared: a code is often deployed many times.
  Bytes32 codeHash = kEmptyCodeHash;
  std::unordered_map<Word, StorageSlot> storage;
  std::unordered_map<Word, Word> transientStorage;
  /// EIP-161: touched this transaction; deleted at its end if empty.
  bool touched = false;
  /// Created in this transaction (EIP-6780: only such accounts can really self-destruct).
  bool createdInTx = false;
  /// SELFDESTRUCT ran for an account created in this transaction: deleted at its end.
  bool destructed = false;

  size_t codeSize() const noexcept { return code ? code->size() : 0; }
  BytesView codeView() const noexcept { return code ? BytesView(*code) : BytesView(); }
  bool isEmpty() const noexcept { return nonce == 0 && balance.isZero() && codeSize() == 0; }
  bool hasStorage() const noexcept;
};

struct Log {
  Address address;
  std::vector<Bytes32> topics;
  Bytes data;
};

class State {
public:
  /// Marks a point to roll back to: the journal length.
  size_t checkpoint() const noexcept { return journal_.size(); }
  void rollback(size_t checkpoint) noexcept;

  Account *find(const Address &addr) noexcept;
  const Account *find(const Address &addr) const noexcept;
  /// The account, created empty (journaled) if absent.
  Account &getOrCreate(const Address &addr);
  /// Inserts an account without journaling (loading a pre-state).
  Account &insert(const Address &addr, Account account);

  void setBalance(Account &acc, const Address &addr, const Word &value);
  void setNonce(Account &acc, const Address &addr, uint64_t nonce);
  void setCode(Account &acc, const Address &addr, Bytes code);
  void setStorage(Account &acc, const Address &addr, const Word &key, const Word &value);
  void setTransient(Account &acc, const Address &addr, const Word &key, const Word &value);
  void touch(Account &acc, const Address &addr);
  void markCreated(Account &acc, const Address &addr);
  void markDestructed(Account &acc, const Address &addr);

  /// EIP-2929 warm sets; the return value says whether it was already warm.
  bool warmAccount(const Address &addr);
  bool warmSlot(const Address &addr, const Word &key);
  /// warmSlot for an account that exists (`acc` is `addr`'s): the slot, created empty if
  /// absent, and whether it was warm already.
  std::pair<StorageSlot &, bool> accessSlot(Account &acc, const Address &addr, const Word &key);
  bool isWarm(const Address &addr) const { return warmAccounts_.contains(addr); }

  std::vector<Log> &logs() noexcept { return logs_; }
  void addLog(Log log);

  /// Ends a transaction: deletes destructed and touched-empty accounts (EIP-161, EIP-6780),
  /// clears transient storage, flags and warm sets, makes current storage the new original,
  /// and forgets the journal.
  void finalizeTransaction();

  const std::unordered_map<Address, Account> &accounts() const noexcept { return accounts_; }

  /// keccak256 of the secure Merkle Patricia trie over all accounts.
  Bytes32 stateRoot() const;

private:
  struct BalanceChange {
    Address addr;
    Word prev;
  };
  struct NonceChange {
    Address addr;
    uint64_t prev;
  };
  struct CodeChange {
    Address addr;
    std::shared_ptr<const Bytes> prev;
    Bytes32 prevHash;
  };
  struct StorageChange {
    Address addr;
    Word key;
    Word prev;
  };
  struct TransientChange {
    Address addr;
    Word key;
    Word prev;
  };
  struct AccountCreated {
    Address addr;
  };
  struct FlagChange {
    Address addr;
    bool Account::*flag;
    bool prev;
  };
  struct WarmAccount {
    Address addr;
  };
  struct WarmSlot {
    Address addr;
    Word key;
  };
  struct WarmOrphanSlot {
    Address addr;
    Word key;
  };
  struct LogAdded {};
  using Entry =
      std::variant<BalanceChange, NonceChange, CodeChange, StorageChange, TransientChange,
                   AccountCreated, FlagChange, WarmAccount, WarmSlot, WarmOrphanSlot, LogAdded>;

  struct SlotKey {
    Address addr;
    Word key;
    bool operator==(const SlotKey &) const = default;
  };
  struct SlotKeyHash {
    size_t operator()(const SlotKey &k) const noexcept {
      return std::hash<Address>()(k.addr) ^ std::hash<Word>()(k.key);
    }
  };

  void setFlag(Account &acc, const Address &addr, bool Account::*flag, bool value);
  void eraseAccount(const Address &addr);

  /// The account find() returned last. A frame asks for its own account at every SLOAD, and
  /// an unordered_map's nodes stay put until erased, so the pointer holds until eraseAccount;
  /// a copy of the State starts without it, as its nodes are others. It makes even the const
  /// find() a write: a State is not for concurrent readers (MPEF gives each its own view).
  struct LastFound {
    Address addr;
    Account *account = nullptr;
    LastFound() = default;
    LastFound(const LastFound &) {}
    LastFound &operator=(const LastFound &) {
      account = nullptr;
      return *this;
    }
  };

  std::unordered_map<Address, Account> accounts_;
  mutable LastFound lastFound_;
  std::unordered_set<Address> warmAccounts_;
  /// Warm slots of accounts that do not exist (yet): access-list entries for addresses a
  /// transaction may create. Slots of existing accounts carry their own flag, which keeps
  /// the hot SLOAD path to one hash lookup.
  std::unordered_set<SlotKey, SlotKeyHash> warmOrphanSlots_;
  std::vector<Log> logs_;
  std::vector<Entry> journal_;
};

/// keccak256(rlp([[address, [topics...], data], ...])): the logs hash state tests check.
Bytes32 logsHash(std::span<const Log> logs);

} // namespace metis::state

#endif // METIS_RUNTIME_STATE_H
