//===- Instructions.h - Instructions that touch the frame or the world -*- C++ -*-===//
//
// One implementation of each instruction that reads or changes anything beyond the stack:
// the interpreter's handlers call these inline, and the builtins compiled code calls
// (runtime/lib/abi) wrap the same functions, so every tier shares the semantics and gas rules.
// Each takes the gas left by value and returns it with the outcome (Success: go on).
//
// Why a header of its own, outside the public runtime/include: this is an internal interface
// of the runtime, not API. Sharing one implementation of every instruction between the tiers
// is deliberate (design.md, "Layering": abi depends on "interp's instruction semantics"), so
// the dependency is declared rather than reached by a relative include into interp's folder.
// These headers (metis/interp/...) are visible only to the interpreter itself and to targets
// that link the CMake target MetisInstructions (runtime/lib/interp/CMakeLists.txt), today
// MetisAbi. They change with the interpreter and promise nothing to anyone else.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_INTERP_INSTRUCTIONS_H
#define METIS_INTERP_INSTRUCTIONS_H

#include "metis/interp/Frame.h"
#include "metis/interp/Gas.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Opcodes.h"

namespace metis::interp::instr {

inline StepResult ok(int64_t gas) { return {gas, Status::Success}; }
inline StepResult halt(int64_t gas, Status s) { return {gas, s}; }
inline StepResult charge(int64_t gas, int64_t amount) {
  gas -= amount;
  return gas < 0 ? halt(gas, Status::OutOfGas) : ok(gas);
}

/// Copies `size` bytes of `src` from `srcOffset` to `dst`, zero-filling past the end of
/// `src` (CALLDATALOAD, CALLDATACOPY, CODECOPY).
inline void copyPadded(uint8_t *dst, BytesView src, const Word &srcOffset, size_t size) {
  size_t start = srcOffset.fitsUint64() && srcOffset.low64() < src.size()
                     ? size_t(srcOffset.low64())
                     : src.size();
  size_t n = std::min(size, src.size() - start);
  if (n)
    std::memcpy(dst, src.data() + start, n);
  if (size > n)
    std::memset(dst + n, 0, size - n);
}

/// Facts of the frame and block with no gas of their own (ADDRESS, CALLER, ...).
inline Word env(Frame &f, uint8_t opcode) noexcept {
  const Message &msg = *f.msg;
  switch (opcode) {
  case OP_ADDRESS:
    return Word::fromAddress(msg.recipient);
  case OP_ORIGIN:
    return Word::fromAddress(f.host->getTxContext().origin);
  case OP_CALLER:
    return Word::fromAddress(msg.sender);
  case OP_CALLVALUE:
    return msg.value;
  case OP_CALLDATASIZE:
    return Word(msg.input.size());
  case OP_CODESIZE:
    return Word(f.code->codeSize());
  case OP_GASPRICE:
    return f.host->getTxContext().gasPrice;
  case OP_RETURNDATASIZE:
    return Word(f.returnData.size());
  case OP_COINBASE:
    return Word::fromAddress(f.host->getTxContext().coinbase);
  case OP_TIMESTAMP:
    return Word(uint64_t(f.host->getTxContext().timestamp));
  case OP_NUMBER:
    return Word(uint64_t(f.host->getTxContext().number));
  case OP_PREVRANDAO:
    return f.host->getTxContext().prevRandao;
  case OP_GASLIMIT:
    return Word(uint64_t(f.host->getTxContext().gasLimit));
  case OP_CHAINID:
    return f.host->getTxContext().chainId;
  case OP_SELFBALANCE:
    return f.host->getBalance(msg.recipient);
  case OP_BASEFEE:
    return f.host->getTxContext().baseFee;
  case OP_BLOBBASEFEE:
    return f.host->getTxContext().blobBaseFee;
  case OP_MSIZE:
    return Word(f.memory.size());
  default:
    return Word{};
  }
}

inline Word calldataload(Frame &f, const Word &offset) noexcept {
  uint8_t buf[32];
  copyPadded(buf, f.msg->input, offset, 32);
  return Word::fromBigEndian(buf);
}

/// BALANCE, EXTCODESIZE, EXTCODEHASH: `io` holds the address and receives the result.
inline StepResult accountRead(Frame &f, int64_t gas, uint8_t opcode, Word &io) noexcept {
  Address addr = io.toAddress();
  if (f.host->accessAccount(addr) == AccessStatus::Cold && (gas -= kColdAccountSurcharge) < 0)
    return halt(gas, Status::OutOfGas);
  switch (opcode) {
  case OP_BALANCE:
    io = f.host->getBalance(addr);
    break;
  case OP_EXTCODESIZE:
    io = Word(f.host->getCodeSize(addr));
    break;
  default:
    io = Word::fromBytes32(f.host->getCodeHash(addr));
    break;
  }
  return ok(gas);
}

inline Word blockhash(Frame &f, const Word &number) noexcept {
  const int64_t current = f.host->getTxContext().number;
  bool inRange = number.fitsUint64() && number.low64() < uint64_t(current) &&
                 uint64_t(current) - number.low64() <= 256;
  return inRange ? Word::fromBytes32(f.host->getBlockHash(int64_t(number.low64()))) : Word{};
}

inline Word blobhash(Frame &f, const Word &index) noexcept {
  const auto &hashes = f.host->getTxContext().blobHashes;
  return index.fitsUint64() && index.low64() < hashes.size()
             ? Word::fromBytes32(hashes[index.low64()])
             : Word{};
}

inline StepResult sload(Frame &f, int64_t gas, Word &io) noexcept {
  Word value;
  if (f.host->loadStorage(f.msg->recipient, io, value) == AccessStatus::Cold &&
      (gas -= kColdSloadSurcharge) < 0)
    return halt(gas, Status::OutOfGas);
  io = value;
  return ok(gas);
}

struct StorageCost {
  int16_t gas;
  int32_t refund;
};
/// EIP-2200 with EIP-2929/3529 (warm slot; the cold surcharge is added separately).
constexpr StorageCost storageCost(StorageStatus s) {
  switch (s) {
  case StorageStatus::Assigned:
    return {100, 0};
  case StorageStatus::Added:
    return {20000, 0};
  case StorageStatus::Deleted:
    return {2900, 4800};
  case StorageStatus::Modified:
    return {2900, 0};
  case StorageStatus::DeletedAdded:
    return {100, -4800};
  case StorageStatus::ModifiedDeleted:
    return {100, 4800};
  case StorageStatus::DeletedRestored:
    return {100, -4800 + 2800};
  case StorageStatus::AddedDeleted:
    return {100, 19900};
  case StorageStatus::ModifiedRestored:
    return {100, 2800};
  }
  return {0, 0};
}

/// SSTORE. `gas` must be the gas left exactly as instruction-by-instruction charging would
/// leave it (the 2300 sentry reads it).
inline StepResult sstore(Frame &f, int64_t gas, const Word &key, const Word &value) noexcept {
  if (f.msg->isStatic)
    return halt(gas, Status::StaticModeViolation);
  if (gas <= kCallStipend) // EIP-2200's sentry
    return halt(gas, Status::OutOfGas);
  int64_t cost = 0;
  if (f.host->accessStorage(f.msg->recipient, key) == AccessStatus::Cold)
    cost = kColdSloadCost;
  StorageCost sc = storageCost(f.host->setStorage(f.msg->recipient, key, value));
  if ((gas -= cost + sc.gas) < 0)
    return halt(gas, Status::OutOfGas);
  f.gasRefund += sc.refund;
  return ok(gas);
}

inline StepResult tstore(Frame &f, int64_t gas, const Word &key, const Word &value) noexcept {
  if (f.msg->isStatic)
    return halt(gas, Status::StaticModeViolation);
  f.host->setTransientStorage(f.msg->recipient, key, value);
  return ok(gas);
}

inline StepResult keccak256(Frame &f, int64_t gas, const Word &offset, const Word &size,
                            Word &out) noexcept {
  if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)
    return halt(gas, Status::OutOfGas);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  if ((gas -= kKeccakWordCost * numWords(n)) < 0)
    return halt(gas, Status::OutOfGas);
  out = Word::fromBytes32(
      metis::keccak256(BytesView(n ? f.memory.data() + offset.low64() : nullptr, n)));
  return ok(gas);
}

/// CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY and MCOPY; `args` in stack order (top
/// first).
inline StepResult copy(Frame &f, int64_t gas, uint8_t opcode, const Word *args) noexcept {
  if (opcode == OP_MCOPY) {
    const Word &dst = args[0], &src = args[1], &size = args[2];
    if (size.isZero())
      return ok(gas);
    if ((gas = chargeMemory(gas, f.memory, src, size)) < 0 ||
        (gas = chargeMemory(gas, f.memory, dst, size)) < 0)
      return halt(gas, Status::OutOfGas);
    size_t n = size_t(size.low64());
    if ((gas -= kCopyWordCost * numWords(n)) < 0)
      return halt(gas, Status::OutOfGas);
    std::memmove(f.memory.data() + dst.low64(), f.memory.data() + src.low64(), n);
    return ok(gas);
  }
  const bool ext = opcode == OP_EXTCODECOPY;
  const Word *a = ext ? args + 1 : args;
  const Word &memOff = a[0], &srcOff = a[1], &size = a[2];
  if ((gas = chargeMemory(gas, f.memory, memOff, size)) < 0)
    return halt(gas, Status::OutOfGas);
  if (opcode == OP_RETURNDATACOPY &&
      (!srcOff.fitsUint64() || srcOff.low64() > f.returnData.size() ||
       (!size.isZero() && size.low64() > f.returnData.size() - srcOff.low64())))
    return halt(gas, Status::InvalidMemoryAccess); // reading past the end (EIP-211)
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  if ((gas -= kCopyWordCost * numWords(n)) < 0)
    return halt(gas, Status::OutOfGas);
  if (ext) {
    Address addr = args[0].toAddress();
    if (f.host->accessAccount(addr) == AccessStatus::Cold && (gas -= kColdAccountSurcharge) < 0)
      return halt(gas, Status::OutOfGas);
    if (n) {
      uint8_t *dst = f.memory.data() + memOff.low64();
      size_t copied =
          srcOff.fitsUint64() ? f.host->copyCode(addr, size_t(srcOff.low64()), dst, n) : 0;
      if (copied < n)
        std::memset(dst + copied, 0, n - copied);
    }
    return ok(gas);
  }
  if (!n)
    return ok(gas);
  uint8_t *dst = f.memory.data() + memOff.low64();
  if (opcode == OP_RETURNDATACOPY)
    std::memcpy(dst, f.returnData.data() + srcOff.low64(), n);
  else
    copyPadded(dst, opcode == OP_CALLDATACOPY ? f.msg->input : f.code->code(), srcOff, n);
  return ok(gas);
}

/// LOG0..LOG4; `args` = offset, size, topics (stack order).
inline StepResult log(Frame &f, int64_t gas, const Word *args, int numTopics) noexcept {
  if (f.msg->isStatic)
    return halt(gas, Status::StaticModeViolation);
  const Word &offset = args[0], &size = args[1];
  if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)
    return halt(gas, Status::OutOfGas);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  if ((gas -= kLogByteCost * int64_t(n)) < 0)
    return halt(gas, Status::OutOfGas);
  Bytes32 topics[4];
  for (int i = 0; i < numTopics; ++i)
    topics[i] = args[2 + i].toBytes32();
  f.host->emitLog(f.msg->recipient, BytesView(n ? f.memory.data() + offset.low64() : nullptr, n),
                  std::span<const Bytes32>(topics, size_t(numTopics)));
  return ok(gas);
}

/// RETURN and REVERT: the output range, charging its memory. On success `status` is the one
/// to end the frame with.
inline StepResult output(Frame &f, int64_t gas, const Word &offset, const Word &size, bool revert,
                         Bytes &out) noexcept {
  if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)
    return halt(gas, Status::OutOfGas);
  if (!size.isZero())
    out.assign(f.memory.data() + offset.low64(), f.memory.data() + offset.low64() + size.low64());
  return {gas, revert ? Status::Revert : Status::Success};
}

/// SELFDESTRUCT; on success the frame ends with Success.
inline StepResult selfdestruct(Frame &f, int64_t gas, const Word &beneficiaryWord) noexcept {
  if (f.msg->isStatic)
    return halt(gas, Status::StaticModeViolation);
  Address beneficiary = beneficiaryWord.toAddress();
  if (f.host->accessAccount(beneficiary) == AccessStatus::Cold && (gas -= kColdAccountCost) < 0)
    return halt(gas, Status::OutOfGas);
  if (!f.host->getBalance(f.msg->recipient).isZero() && !f.host->accountExists(beneficiary) &&
      (gas -= kNewAccountCost) < 0)
    return halt(gas, Status::OutOfGas);
  f.host->selfdestruct(f.msg->recipient, beneficiary);
  return ok(gas);
}

} // namespace metis::interp::instr

#endif // METIS_INTERP_INSTRUCTIONS_H
