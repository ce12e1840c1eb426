//===- EvmcHost.cpp - metis::Host over an EVMC host -----------------------===//
//
// Type conversions are byte copies except for Word, which metis keeps as
// little-endian limbs and EVMC as big-endian bytes. The enums are mapped by
// switch rather than cast so a reordering on either side shows up as a wrong
// test, not as silent mispricing of SSTORE.
//
//===----------------------------------------------------------------------===//
#include "EvmcHost.h"

#include <algorithm>

namespace metis::evmc {

// metis::Status is defined with EVMC's values; the casts below rely on it.
static_assert(int(Status::Success) == EVMC_SUCCESS);
static_assert(int(Status::Failure) == EVMC_FAILURE);
static_assert(int(Status::Revert) == EVMC_REVERT);
static_assert(int(Status::OutOfGas) == EVMC_OUT_OF_GAS);
static_assert(int(Status::InvalidInstruction) == EVMC_INVALID_INSTRUCTION);
static_assert(int(Status::UndefinedInstruction) == EVMC_UNDEFINED_INSTRUCTION);
static_assert(int(Status::StackOverflow) == EVMC_STACK_OVERFLOW);
static_assert(int(Status::StackUnderflow) == EVMC_STACK_UNDERFLOW);
static_assert(int(Status::BadJumpDestination) == EVMC_BAD_JUMP_DESTINATION);
static_assert(int(Status::InvalidMemoryAccess) == EVMC_INVALID_MEMORY_ACCESS);
static_assert(int(Status::CallDepthExceeded) == EVMC_CALL_DEPTH_EXCEEDED);
static_assert(int(Status::StaticModeViolation) == EVMC_STATIC_MODE_VIOLATION);
static_assert(int(Status::PrecompileFailure) == EVMC_PRECOMPILE_FAILURE);
static_assert(int(Status::ArgumentOutOfRange) == EVMC_ARGUMENT_OUT_OF_RANGE);
static_assert(int(Status::InsufficientBalance) == EVMC_INSUFFICIENT_BALANCE);
static_assert(int(Status::InternalError) == EVMC_INTERNAL_ERROR);
static_assert(int(Status::Rejected) == EVMC_REJECTED);
static_assert(int(Status::OutOfMemory) == EVMC_OUT_OF_MEMORY);

evmc_status_code toEvmc(Status s) noexcept {
  return static_cast<evmc_status_code>(static_cast<int32_t>(s));
}

Status statusFromEvmc(evmc_status_code s) noexcept {
  switch (s) {
  case EVMC_SUCCESS:
  case EVMC_FAILURE:
  case EVMC_REVERT:
  case EVMC_OUT_OF_GAS:
  case EVMC_INVALID_INSTRUCTION:
  case EVMC_UNDEFINED_INSTRUCTION:
  case EVMC_STACK_OVERFLOW:
  case EVMC_STACK_UNDERFLOW:
  case EVMC_BAD_JUMP_DESTINATION:
  case EVMC_INVALID_MEMORY_ACCESS:
  case EVMC_CALL_DEPTH_EXCEEDED:
  case EVMC_STATIC_MODE_VIOLATION:
  case EVMC_PRECOMPILE_FAILURE:
  case EVMC_ARGUMENT_OUT_OF_RANGE:
  case EVMC_INSUFFICIENT_BALANCE:
  case EVMC_INTERNAL_ERROR:
  case EVMC_REJECTED:
  case EVMC_OUT_OF_MEMORY:
    return static_cast<Status>(static_cast<int32_t>(s));
  default:
    return Status::Failure;
  }
}

evmc_storage_status toEvmc(StorageStatus s) noexcept {
  switch (s) {
  case StorageStatus::Assigned:
    return EVMC_STORAGE_ASSIGNED;
  case StorageStatus::Added:
    return EVMC_STORAGE_ADDED;
  case StorageStatus::Deleted:
    return EVMC_STORAGE_DELETED;
  case StorageStatus::Modified:
    return EVMC_STORAGE_MODIFIED;
  case StorageStatus::DeletedAdded:
    return EVMC_STORAGE_DELETED_ADDED;
  case StorageStatus::ModifiedDeleted:
    return EVMC_STORAGE_MODIFIED_DELETED;
  case StorageStatus::DeletedRestored:
    return EVMC_STORAGE_DELETED_RESTORED;
  case StorageStatus::AddedDeleted:
    return EVMC_STORAGE_ADDED_DELETED;
  case StorageStatus::ModifiedRestored:
    return EVMC_STORAGE_MODIFIED_RESTORED;
  }
  return EVMC_STORAGE_ASSIGNED;
}

StorageStatus storageStatusFromEvmc(evmc_storage_status s) noexcept {
  switch (s) {
  case EVMC_STORAGE_ASSIGNED:
    return StorageStatus::Assigned;
  case EVMC_STORAGE_ADDED:
    return StorageStatus::Added;
  case EVMC_STORAGE_DELETED:
    return StorageStatus::Deleted;
  case EVMC_STORAGE_MODIFIED:
    return StorageStatus::Modified;
  case EVMC_STORAGE_DELETED_ADDED:
    return StorageStatus::DeletedAdded;
  case EVMC_STORAGE_MODIFIED_DELETED:
    return StorageStatus::ModifiedDeleted;
  case EVMC_STORAGE_DELETED_RESTORED:
    return StorageStatus::DeletedRestored;
  case EVMC_STORAGE_ADDED_DELETED:
    return StorageStatus::AddedDeleted;
  case EVMC_STORAGE_MODIFIED_RESTORED:
    return StorageStatus::ModifiedRestored;
  }
  // A host outside the enum is broken; charging it as a plain modification
  // (2900) is the middle of the price range and refunds nothing.
  return StorageStatus::Modified;
}

evmc_message toEvmc(const Message &msg) noexcept {
  evmc_message m{};
  switch (msg.kind) {
  case CallKind::Call:
    m.kind = EVMC_CALL;
    break;
  case CallKind::DelegateCall:
    m.kind = EVMC_DELEGATECALL;
    break;
  case CallKind::CallCode:
    m.kind = EVMC_CALLCODE;
    break;
  case CallKind::Create:
    m.kind = EVMC_CREATE;
    break;
  case CallKind::Create2:
    m.kind = EVMC_CREATE2;
    break;
  }
  m.flags = msg.isStatic ? EVMC_STATIC : 0;
  m.depth = msg.depth;
  m.gas = msg.gas;
  m.recipient = toEvmc(msg.recipient);
  m.sender = toEvmc(msg.sender);
  // For creates the input is the init code, which is where EVMC hosts expect it
  // too.
  m.input_data = msg.input.empty() ? nullptr : msg.input.data();
  m.input_size = msg.input.size();
  m.value = toEvmc(msg.value);
  m.create2_salt = toEvmc(msg.salt);
  m.code_address = toEvmc(msg.codeAddress);
  return m;
}

std::optional<Message> messageFromEvmc(const evmc_message &m) noexcept {
  Message msg;
  switch (m.kind) {
  case EVMC_CALL:
    msg.kind = CallKind::Call;
    break;
  case EVMC_DELEGATECALL:
    msg.kind = CallKind::DelegateCall;
    break;
  case EVMC_CALLCODE:
    msg.kind = CallKind::CallCode;
    break;
  case EVMC_CREATE:
    msg.kind = CallKind::Create;
    break;
  case EVMC_CREATE2:
    msg.kind = CallKind::Create2;
    break;
  default:
    return std::nullopt;
  }
  msg.isStatic = (m.flags & EVMC_STATIC) != 0;
  msg.depth = m.depth;
  msg.gas = m.gas;
  msg.recipient = fromEvmc(m.recipient);
  msg.sender = fromEvmc(m.sender);
  msg.codeAddress = fromEvmc(m.code_address);
  if (m.input_data && m.input_size)
    msg.input = BytesView(m.input_data, m.input_size);
  msg.value = wordFromEvmc(m.value);
  msg.salt = wordFromEvmc(m.create2_salt);
  return msg;
}

bool EvmcHost::accountExists(const Address &addr) noexcept {
  evmc_address a = toEvmc(addr);
  return host_.account_exists(context_, &a);
}

Word EvmcHost::getStorage(const Address &addr, const Word &key) noexcept {
  evmc_address a = toEvmc(addr);
  evmc_bytes32 k = toEvmc(key);
  return wordFromEvmc(host_.get_storage(context_, &a, &k));
}

StorageStatus EvmcHost::setStorage(const Address &addr, const Word &key,
                                   const Word &value) noexcept {
  evmc_address a = toEvmc(addr);
  evmc_bytes32 k = toEvmc(key), v = toEvmc(value);
  return storageStatusFromEvmc(host_.set_storage(context_, &a, &k, &v));
}

Word EvmcHost::getTransientStorage(const Address &addr, const Word &key) noexcept {
  evmc_address a = toEvmc(addr);
  evmc_bytes32 k = toEvmc(key);
  return wordFromEvmc(host_.get_transient_storage(context_, &a, &k));
}

void EvmcHost::setTransientStorage(const Address &addr, const Word &key,
                                   const Word &value) noexcept {
  evmc_address a = toEvmc(addr);
  evmc_bytes32 k = toEvmc(key), v = toEvmc(value);
  host_.set_transient_storage(context_, &a, &k, &v);
}

Word EvmcHost::getBalance(const Address &addr) noexcept {
  evmc_address a = toEvmc(addr);
  return wordFromEvmc(host_.get_balance(context_, &a));
}

size_t EvmcHost::getCodeSize(const Address &addr) noexcept {
  evmc_address a = toEvmc(addr);
  return host_.get_code_size(context_, &a);
}

Bytes32 EvmcHost::getCodeHash(const Address &addr) noexcept {
  evmc_address a = toEvmc(addr);
  return bytes32FromEvmc(host_.get_code_hash(context_, &a));
}

size_t EvmcHost::copyCode(const Address &addr, size_t offset, uint8_t *out, size_t size) noexcept {
  evmc_address a = toEvmc(addr);
  return host_.copy_code(context_, &a, offset, out, size);
}

bool EvmcHost::selfdestruct(const Address &addr, const Address &beneficiary) noexcept {
  evmc_address a = toEvmc(addr), b = toEvmc(beneficiary);
  return host_.selfdestruct(context_, &a, &b);
}

Result EvmcHost::call(const Message &msg) noexcept {
  evmc_message m = toEvmc(msg);
  evmc_result r = host_.call(context_, &m);
  Result result;
  result.status = statusFromEvmc(r.status_code);
  result.gasLeft = r.gas_left;
  result.gasRefund = r.gas_refund;
  if (r.output_data && r.output_size)
    result.output.assign(r.output_data, r.output_data + r.output_size);
  result.createAddress = fromEvmc(r.create_address);
  // The output is copied out, so the host's buffer can go now.
  if (r.release)
    r.release(&r);
  return result;
}

const TxContext &EvmcHost::getTxContext() noexcept {
  if (txContext_)
    return *txContext_;
  evmc_tx_context c = host_.get_tx_context(context_);
  TxContext &t = txContext_.emplace();
  t.gasPrice = wordFromEvmc(c.tx_gas_price);
  t.origin = fromEvmc(c.tx_origin);
  t.coinbase = fromEvmc(c.block_coinbase);
  t.number = c.block_number;
  t.timestamp = c.block_timestamp;
  t.gasLimit = c.block_gas_limit;
  t.prevRandao = wordFromEvmc(c.block_prev_randao);
  t.chainId = wordFromEvmc(c.chain_id);
  t.baseFee = wordFromEvmc(c.block_base_fee);
  t.blobBaseFee = wordFromEvmc(c.blob_base_fee);
  // The host only promises the array for the duration of the callback: copy it.
  if (c.blob_hashes) {
    t.blobHashes.reserve(c.blob_hashes_count);
    for (size_t i = 0; i < c.blob_hashes_count; ++i)
      t.blobHashes.push_back(bytes32FromEvmc(c.blob_hashes[i]));
  }
  // initcodes feed EOF's TXCREATE, which Cancun does not have.
  return t;
}

Bytes32 EvmcHost::getBlockHash(int64_t number) noexcept {
  return bytes32FromEvmc(host_.get_block_hash(context_, number));
}

void EvmcHost::emitLog(const Address &addr, BytesView data,
                       std::span<const Bytes32> topics) noexcept {
  // LOG0..LOG4: at most four topics, converted into a contiguous C array.
  evmc_bytes32 t[4];
  const size_t n = std::min<size_t>(topics.size(), 4);
  for (size_t i = 0; i < n; ++i)
    t[i] = toEvmc(topics[i]);
  evmc_address a = toEvmc(addr);
  host_.emit_log(context_, &a, data.empty() ? nullptr : data.data(), data.size(), n ? t : nullptr,
                 n);
}

AccessStatus EvmcHost::accessAccount(const Address &addr) noexcept {
  evmc_address a = toEvmc(addr);
  return host_.access_account(context_, &a) == EVMC_ACCESS_WARM ? AccessStatus::Warm
                                                                : AccessStatus::Cold;
}

AccessStatus EvmcHost::accessStorage(const Address &addr, const Word &key) noexcept {
  evmc_address a = toEvmc(addr);
  evmc_bytes32 k = toEvmc(key);
  return host_.access_storage(context_, &a, &k) == EVMC_ACCESS_WARM ? AccessStatus::Warm
                                                                    : AccessStatus::Cold;
}

} // namespace metis::evmc
