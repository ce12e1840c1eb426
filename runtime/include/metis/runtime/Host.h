//===- Host.h - What executing code sees of the world ------------*- C++ -*-===//
//
// The interface every tier (interpreter, JIT, AOT) calls for anything outside the frame:
// accounts, storage, transient storage, code, nested calls and creates, logs, block and
// transaction context, and the EIP-2929 access lists. It is shaped like EVMC's host interface
// so the EVMC binding is a thin adapter, and so MetisDB and MPEF can implement it later.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_HOST_H
#define METIS_RUNTIME_HOST_H

#include "metis/runtime/Bytes.h"
#include "metis/runtime/Word.h"

#include <span>
#include <vector>

namespace metis {

/// Execution outcome. The values equal EVMC's `evmc_status_code`.
enum class Status : int32_t {
  Success = 0,
  Failure = 1,
  Revert = 2,
  OutOfGas = 3,
  InvalidInstruction = 4,
  UndefinedInstruction = 5,
  StackOverflow = 6,
  StackUnderflow = 7,
  BadJumpDestination = 8,
  InvalidMemoryAccess = 9,
  CallDepthExceeded = 10,
  StaticModeViolation = 11,
  PrecompileFailure = 12,
  ArgumentOutOfRange = 14,
  InsufficientBalance = 17,
  InternalError = -1,
  Rejected = -2,
  OutOfMemory = -3,
};

const char *statusName(Status s) noexcept;

enum class CallKind : uint8_t { Call, DelegateCall, CallCode, Create, Create2 };

/// One call frame's inputs (EVMC's evmc_message).
struct Message {
  CallKind kind = CallKind::Call;
  bool isStatic = false;
  int32_t depth = 0;
  int64_t gas = 0;
  Address recipient;   ///< Whose storage and balance the code acts on.
  Address sender;      ///< CALLER.
  Address codeAddress; ///< Whose code runs (differs from recipient for DELEGATECALL/CALLCODE).
  BytesView input;     ///< Calldata; the init code for creates.
  Word value{};
  Word salt{}; ///< CREATE2 only.
};

struct Result {
  Status status = Status::InternalError;
  int64_t gasLeft = 0;
  int64_t gasRefund = 0;
  Bytes output;
  Address createAddress; ///< Creates only, on success.
};

/// Block and transaction facts the block-information opcodes read.
struct TxContext {
  Word gasPrice{};
  Address origin;
  Address coinbase;
  int64_t number = 0;
  int64_t timestamp = 0;
  int64_t gasLimit = 0;
  Word prevRandao{};
  Word chainId{};
  Word baseFee{};
  Word blobBaseFee{};
  std::vector<Bytes32> blobHashes;
};

enum class AccessStatus : uint8_t { Cold, Warm };

/// EIP-2200 storage transitions (EVMC's evmc_storage_status); the interpreter maps each to its
/// gas cost and refund.
enum class StorageStatus : uint8_t {
  Assigned,         ///< current == new, or a dirty slot changed to a third value
  Added,            ///< 0 -> 0 -> Z
  Deleted,          ///< X -> X -> 0
  Modified,         ///< X -> X -> Z
  DeletedAdded,     ///< X -> 0 -> Z
  ModifiedDeleted,  ///< X -> Y -> 0
  DeletedRestored,  ///< X -> 0 -> X
  AddedDeleted,     ///< 0 -> Y -> 0
  ModifiedRestored, ///< X -> Y -> X
};

class Host {
public:
  virtual ~Host() = default;

  virtual bool accountExists(const Address &addr) noexcept = 0;
  virtual Word getStorage(const Address &addr, const Word &key) noexcept = 0;
  virtual StorageStatus setStorage(const Address &addr, const Word &key,
                                   const Word &value) noexcept = 0;
  virtual Word getTransientStorage(const Address &addr, const Word &key) noexcept = 0;
  virtual void setTransientStorage(const Address &addr, const Word &key,
                                   const Word &value) noexcept = 0;
  virtual Word getBalance(const Address &addr) noexcept = 0;
  virtual size_t getCodeSize(const Address &addr) noexcept = 0;
  /// Zero for a non-existent or empty account (EIP-1052, EIP-161).
  virtual Bytes32 getCodeHash(const Address &addr) noexcept = 0;
  /// Copies code[offset, offset + size) clipped to the code; returns the bytes copied.
  virtual size_t copyCode(const Address &addr, size_t offset, uint8_t *out,
                          size_t size) noexcept = 0;
  /// Sends the balance to `beneficiary` and, per EIP-6780, marks the account for deletion if
  /// it was created in this transaction. Returns whether this is the first selfdestruct.
  virtual bool selfdestruct(const Address &addr, const Address &beneficiary) noexcept = 0;
  /// Runs a nested call or create (depth and balance are already checked by the caller).
  virtual Result call(const Message &msg) noexcept = 0;
  virtual const TxContext &getTxContext() noexcept = 0;
  virtual Bytes32 getBlockHash(int64_t number) noexcept = 0;
  virtual void emitLog(const Address &addr, BytesView data,
                       std::span<const Bytes32> topics) noexcept = 0;
  /// Marks the account or slot warm and says what it was before (EIP-2929).
  virtual AccessStatus accessAccount(const Address &addr) noexcept = 0;
  virtual AccessStatus accessStorage(const Address &addr, const Word &key) noexcept = 0;
  /// SLOAD's two questions at once: marks the slot warm, reads it into `value` and says what
  /// it was before. A host that holds the state answers both from one lookup; this default
  /// asks accessStorage and getStorage.
  virtual AccessStatus loadStorage(const Address &addr, const Word &key, Word &value) noexcept {
    AccessStatus before = accessStorage(addr, key);
    value = getStorage(addr, key);
    return before;
  }
};

} // namespace metis

#endif // METIS_RUNTIME_HOST_H
