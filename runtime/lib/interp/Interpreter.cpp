//===- Interpreter.cpp - The reference interpreter loop ---------------------===//
//
// One loop over the padded code. Before each instruction a single table lookup gives its
// static gas and the stack heights it needs, so the handlers only do the work and charge the
// dynamic costs. The stack is a fixed array in the heap-allocated Frame; `sp` points one past
// the top item.
//
//===----------------------------------------------------------------------===//
#include "Frame.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Opcodes.h"

#include <memory>

namespace metis {

using namespace interp;

namespace {

constexpr int64_t kColdAccountSurcharge = 2500;
constexpr int64_t kColdSloadSurcharge = 2000; // 2100 - 100 warm
constexpr int64_t kColdSloadCost = 2100;
constexpr int64_t kSstoreSentry = 2300;
constexpr int64_t kColdAccountCost = 2600;

/// Static checks per opcode, derived from the opcode table.
struct StepInfo {
  int32_t gas;
  int16_t minHeight; ///< Underflow below this.
  int16_t maxHeight; ///< Overflow above this (the instruction grows the stack).
};

constexpr std::array<StepInfo, 256> kStepInfo = [] {
  std::array<StepInfo, 256> t{};
  for (size_t i = 0; i < 256; ++i) {
    const OpcodeTraits &op = kOpcodeTraits[i];
    t[i].gas = op.staticGas;
    t[i].minHeight = op.stackIn;
    t[i].maxHeight = int16_t(kStackLimit - std::max(0, op.stackChange()));
  }
  return t;
}();

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

/// Copies `size` bytes of `src` from `srcOffset` into memory at `dst`, zero-filling what lies
/// past the end of `src` (CALLDATACOPY, CODECOPY, EXTCODECOPY semantics).
void copyPadded(uint8_t *dst, BytesView src, const Word &srcOffset, size_t size) {
  size_t start = srcOffset.fitsUint64() && srcOffset.low64() < src.size()
                     ? size_t(srcOffset.low64())
                     : src.size();
  size_t n = std::min(size, src.size() - start);
  if (n)
    std::memcpy(dst, src.data() + start, n);
  if (size > n)
    std::memset(dst + n, 0, size - n);
}

template <bool Tracing>
Result run(Frame &f, Tracer *tracer) noexcept {
  const CodeAnalysis &analysis = *f.code;
  const Message &msg = *f.msg;
  Host &host = *f.host;
  const uint8_t *const code = analysis.paddedCode();
  const uint8_t *ip = code;
  Word *const base = f.stack;
  Word *sp = base;
  int64_t gas = msg.gas;
  Status status = Status::Success;
  Bytes output;

#define TOP sp[-1]
#define SECOND sp[-2]
#define FAIL(s)                                                                \
  do {                                                                         \
    status = (s);                                                              \
    goto finish;                                                               \
  } while (0)
#define CHARGE(amount)                                                         \
  do {                                                                         \
    if ((gas -= (amount)) < 0)                                                 \
      FAIL(Status::OutOfGas);                                                  \
  } while (0)
#define MEMORY(offset, size)                                                   \
  do {                                                                         \
    if (!chargeMemory(gas, f.memory, offset, size))                            \
      FAIL(Status::OutOfGas);                                                  \
  } while (0)
#define BINARY(expr)                                                           \
  {                                                                            \
    const Word &a = TOP, &b = SECOND;                                          \
    SECOND = (expr);                                                           \
    --sp;                                                                      \
    ++ip;                                                                      \
    break;                                                                     \
  }

  for (;;) {
    const uint8_t op = *ip;
    if constexpr (Tracing)
      tracer->onInstruction(uint32_t(ip - code), op, gas, msg.depth,
                            std::span<const Word>(base, size_t(sp - base)), f.memory.size(),
                            f.gasRefund);
    const StepInfo &step = kStepInfo[op];
    const ptrdiff_t height = sp - base;
    if (height < step.minHeight)
      FAIL(Status::StackUnderflow);
    if (height > step.maxHeight)
      FAIL(Status::StackOverflow);
    CHARGE(step.gas);

    switch (op) {
    case OP_STOP:
      goto finish;
    case OP_ADD:
      BINARY(a + b)
    case OP_MUL:
      BINARY(a * b)
    case OP_SUB:
      BINARY(a - b)
    case OP_DIV:
      BINARY(udiv(a, b))
    case OP_SDIV:
      BINARY(sdiv(a, b))
    case OP_MOD:
      BINARY(urem(a, b))
    case OP_SMOD:
      BINARY(smod(a, b))
    case OP_ADDMOD:
      sp[-3] = addmod(TOP, SECOND, sp[-3]);
      sp -= 2;
      ++ip;
      break;
    case OP_MULMOD:
      sp[-3] = mulmod(TOP, SECOND, sp[-3]);
      sp -= 2;
      ++ip;
      break;
    case OP_EXP:
      CHARGE(50 * int64_t(SECOND.byteLength()));
      BINARY(exp(a, b))
    case OP_SIGNEXTEND:
      BINARY(signextend(a, b))
    case OP_LT:
      BINARY(Word(a < b))
    case OP_GT:
      BINARY(Word(a > b))
    case OP_SLT:
      BINARY(Word(slt(a, b)))
    case OP_SGT:
      BINARY(Word(sgt(a, b)))
    case OP_EQ:
      BINARY(Word(a == b))
    case OP_ISZERO:
      TOP = Word(TOP.isZero());
      ++ip;
      break;
    case OP_AND:
      BINARY(a & b)
    case OP_OR:
      BINARY(a | b)
    case OP_XOR:
      BINARY(a ^ b)
    case OP_NOT:
      TOP = ~TOP;
      ++ip;
      break;
    case OP_BYTE:
      BINARY(byteAt(a, b))
    case OP_SHL:
      BINARY(shl(a, b))
    case OP_SHR:
      BINARY(shr(a, b))
    case OP_SAR:
      BINARY(sar(a, b))

    case OP_KECCAK256: {
      const Word &offset = TOP, &size = SECOND;
      MEMORY(offset, size);
      size_t n = size.isZero() ? 0 : size_t(size.low64());
      CHARGE(6 * numWords(n));
      Bytes32 h = keccak256(BytesView(n ? f.memory.data() + offset.low64() : nullptr, n));
      SECOND = Word::fromBytes32(h);
      --sp;
      ++ip;
      break;
    }

    case OP_ADDRESS:
      *sp++ = Word::fromAddress(msg.recipient);
      ++ip;
      break;
    case OP_BALANCE: {
      Address addr = TOP.toAddress();
      if (host.accessAccount(addr) == AccessStatus::Cold)
        CHARGE(kColdAccountSurcharge);
      TOP = host.getBalance(addr);
      ++ip;
      break;
    }
    case OP_ORIGIN:
      *sp++ = Word::fromAddress(host.getTxContext().origin);
      ++ip;
      break;
    case OP_CALLER:
      *sp++ = Word::fromAddress(msg.sender);
      ++ip;
      break;
    case OP_CALLVALUE:
      *sp++ = msg.value;
      ++ip;
      break;
    case OP_CALLDATALOAD: {
      uint8_t buf[32];
      copyPadded(buf, msg.input, TOP, 32);
      TOP = Word::fromBigEndian(buf);
      ++ip;
      break;
    }
    case OP_CALLDATASIZE:
      *sp++ = Word(msg.input.size());
      ++ip;
      break;
    case OP_CALLDATACOPY:
    case OP_CODECOPY: {
      const Word &memOff = TOP, &srcOff = SECOND, &size = sp[-3];
      MEMORY(memOff, size);
      size_t n = size.isZero() ? 0 : size_t(size.low64());
      CHARGE(3 * numWords(n));
      if (n)
        copyPadded(f.memory.data() + memOff.low64(),
                   op == OP_CALLDATACOPY ? msg.input : analysis.code(), srcOff, n);
      sp -= 3;
      ++ip;
      break;
    }
    case OP_CODESIZE:
      *sp++ = Word(analysis.codeSize());
      ++ip;
      break;
    case OP_GASPRICE:
      *sp++ = host.getTxContext().gasPrice;
      ++ip;
      break;
    case OP_EXTCODESIZE: {
      Address addr = TOP.toAddress();
      if (host.accessAccount(addr) == AccessStatus::Cold)
        CHARGE(kColdAccountSurcharge);
      TOP = Word(host.getCodeSize(addr));
      ++ip;
      break;
    }
    case OP_EXTCODECOPY: {
      Address addr = TOP.toAddress();
      const Word &memOff = SECOND, &srcOff = sp[-3], &size = sp[-4];
      MEMORY(memOff, size);
      size_t n = size.isZero() ? 0 : size_t(size.low64());
      CHARGE(3 * numWords(n));
      if (host.accessAccount(addr) == AccessStatus::Cold)
        CHARGE(kColdAccountSurcharge);
      if (n) {
        uint8_t *dst = f.memory.data() + memOff.low64();
        size_t copied = srcOff.fitsUint64()
                            ? host.copyCode(addr, size_t(srcOff.low64()), dst, n)
                            : 0;
        if (copied < n)
          std::memset(dst + copied, 0, n - copied);
      }
      sp -= 4;
      ++ip;
      break;
    }
    case OP_RETURNDATASIZE:
      *sp++ = Word(f.returnData.size());
      ++ip;
      break;
    case OP_RETURNDATACOPY: {
      const Word &memOff = TOP, &srcOff = SECOND, &size = sp[-3];
      MEMORY(memOff, size);
      // Reading past the end of the return data is an exceptional halt (EIP-211).
      if (!srcOff.fitsUint64() || srcOff.low64() > f.returnData.size() ||
          (!size.isZero() && size.low64() > f.returnData.size() - srcOff.low64()))
        FAIL(Status::InvalidMemoryAccess);
      size_t n = size.isZero() ? 0 : size_t(size.low64());
      CHARGE(3 * numWords(n));
      if (n)
        std::memcpy(f.memory.data() + memOff.low64(), f.returnData.data() + srcOff.low64(),
                    n);
      sp -= 3;
      ++ip;
      break;
    }
    case OP_EXTCODEHASH: {
      Address addr = TOP.toAddress();
      if (host.accessAccount(addr) == AccessStatus::Cold)
        CHARGE(kColdAccountSurcharge);
      TOP = Word::fromBytes32(host.getCodeHash(addr));
      ++ip;
      break;
    }

    case OP_BLOCKHASH: {
      const int64_t current = host.getTxContext().number;
      const Word &n = TOP;
      bool inRange = n.fitsUint64() && n.low64() < uint64_t(current) &&
                     uint64_t(current) - n.low64() <= 256;
      TOP = inRange ? Word::fromBytes32(host.getBlockHash(int64_t(n.low64()))) : Word{};
      ++ip;
      break;
    }
    case OP_COINBASE:
      *sp++ = Word::fromAddress(host.getTxContext().coinbase);
      ++ip;
      break;
    case OP_TIMESTAMP:
      *sp++ = Word(uint64_t(host.getTxContext().timestamp));
      ++ip;
      break;
    case OP_NUMBER:
      *sp++ = Word(uint64_t(host.getTxContext().number));
      ++ip;
      break;
    case OP_PREVRANDAO:
      *sp++ = host.getTxContext().prevRandao;
      ++ip;
      break;
    case OP_GASLIMIT:
      *sp++ = Word(uint64_t(host.getTxContext().gasLimit));
      ++ip;
      break;
    case OP_CHAINID:
      *sp++ = host.getTxContext().chainId;
      ++ip;
      break;
    case OP_SELFBALANCE:
      *sp++ = host.getBalance(msg.recipient);
      ++ip;
      break;
    case OP_BASEFEE:
      *sp++ = host.getTxContext().baseFee;
      ++ip;
      break;
    case OP_BLOBHASH: {
      const auto &hashes = host.getTxContext().blobHashes;
      TOP = TOP.fitsUint64() && TOP.low64() < hashes.size()
                ? Word::fromBytes32(hashes[TOP.low64()])
                : Word{};
      ++ip;
      break;
    }
    case OP_BLOBBASEFEE:
      *sp++ = host.getTxContext().blobBaseFee;
      ++ip;
      break;

    case OP_POP:
      --sp;
      ++ip;
      break;
    case OP_MLOAD: {
      MEMORY(TOP, Word(32));
      TOP = Word::fromBigEndian(f.memory.data() + TOP.low64());
      ++ip;
      break;
    }
    case OP_MSTORE: {
      MEMORY(TOP, Word(32));
      SECOND.toBigEndian(f.memory.data() + TOP.low64());
      sp -= 2;
      ++ip;
      break;
    }
    case OP_MSTORE8: {
      MEMORY(TOP, Word(1));
      f.memory[TOP.low64()] = uint8_t(SECOND.low64());
      sp -= 2;
      ++ip;
      break;
    }
    case OP_SLOAD: {
      if (host.accessStorage(msg.recipient, TOP) == AccessStatus::Cold)
        CHARGE(kColdSloadSurcharge);
      TOP = host.getStorage(msg.recipient, TOP);
      ++ip;
      break;
    }
    case OP_SSTORE: {
      if (msg.isStatic)
        FAIL(Status::StaticModeViolation);
      if (gas <= kSstoreSentry)
        FAIL(Status::OutOfGas);
      int64_t cost = 0;
      if (host.accessStorage(msg.recipient, TOP) == AccessStatus::Cold)
        cost = kColdSloadCost;
      StorageCost sc = storageCost(host.setStorage(msg.recipient, TOP, SECOND));
      CHARGE(cost + sc.gas);
      f.gasRefund += sc.refund;
      sp -= 2;
      ++ip;
      break;
    }
    case OP_JUMP: {
      const Word &dest = TOP;
      if (!dest.fitsUint64() || !analysis.isJumpdest(dest.low64()))
        FAIL(Status::BadJumpDestination);
      ip = code + dest.low64();
      --sp;
      break;
    }
    case OP_JUMPI: {
      if (!SECOND.isZero()) {
        const Word &dest = TOP;
        if (!dest.fitsUint64() || !analysis.isJumpdest(dest.low64()))
          FAIL(Status::BadJumpDestination);
        ip = code + dest.low64();
      } else {
        ++ip;
      }
      sp -= 2;
      break;
    }
    case OP_PC:
      *sp++ = Word(uint64_t(ip - code));
      ++ip;
      break;
    case OP_MSIZE:
      *sp++ = Word(f.memory.size());
      ++ip;
      break;
    case OP_GAS:
      *sp++ = Word(uint64_t(gas));
      ++ip;
      break;
    case OP_JUMPDEST:
      ++ip;
      break;
    case OP_TLOAD:
      TOP = host.getTransientStorage(msg.recipient, TOP);
      ++ip;
      break;
    case OP_TSTORE:
      if (msg.isStatic)
        FAIL(Status::StaticModeViolation);
      host.setTransientStorage(msg.recipient, TOP, SECOND);
      sp -= 2;
      ++ip;
      break;
    case OP_MCOPY: {
      const Word &dst = TOP, &src = SECOND, &size = sp[-3];
      if (!size.isZero()) {
        MEMORY(src, size);
        MEMORY(dst, size);
        size_t n = size_t(size.low64());
        CHARGE(3 * numWords(n));
        std::memmove(f.memory.data() + dst.low64(), f.memory.data() + src.low64(), n);
      }
      sp -= 3;
      ++ip;
      break;
    }
    case OP_PUSH0:
      *sp++ = Word{};
      ++ip;
      break;

    case OP_PUSH1:
      *sp++ = Word(ip[1]);
      ip += 2;
      break;
    case OP_PUSH2 ... OP_PUSH32: {
      const size_t n = op - OP_PUSH1 + 1;
      uint8_t buf[32] = {};
      std::memcpy(buf + 32 - n, ip + 1, n);
      *sp++ = Word::fromBigEndian(buf);
      ip += n + 1;
      break;
    }

    case OP_DUP1 ... OP_DUP16: {
      const int n = op - OP_DUP1 + 1;
      *sp = sp[-n];
      ++sp;
      ++ip;
      break;
    }
    case OP_SWAP1 ... OP_SWAP16: {
      const int n = op - OP_SWAP1 + 1;
      std::swap(sp[-1], sp[-1 - n]);
      ++ip;
      break;
    }

    case OP_LOG0 ... OP_LOG4: {
      if (msg.isStatic)
        FAIL(Status::StaticModeViolation);
      const int numTopics = op - OP_LOG0;
      const Word &offset = TOP, &size = SECOND;
      MEMORY(offset, size);
      size_t n = size.isZero() ? 0 : size_t(size.low64());
      CHARGE(8 * int64_t(n));
      Bytes32 topics[4];
      for (int i = 0; i < numTopics; ++i)
        topics[i] = sp[-3 - i].toBytes32();
      host.emitLog(msg.recipient,
                   BytesView(n ? f.memory.data() + offset.low64() : nullptr, n),
                   std::span<const Bytes32>(topics, size_t(numTopics)));
      sp -= 2 + numTopics;
      ++ip;
      break;
    }

    case OP_CREATE:
    case OP_CREATE2: {
      const int nargs = op == OP_CREATE2 ? 4 : 3;
      Word args[4];
      for (int i = 0; i < nargs; ++i)
        args[i] = sp[-1 - i];
      sp -= nargs;
      if (!createInstruction(f, op, gas, args, *sp, status))
        goto finish;
      ++sp;
      ++ip;
      break;
    }
    case OP_CALL:
    case OP_CALLCODE:
    case OP_DELEGATECALL:
    case OP_STATICCALL: {
      const int nargs = (op == OP_CALL || op == OP_CALLCODE) ? 7 : 6;
      Word args[7];
      for (int i = 0; i < nargs; ++i)
        args[i] = sp[-1 - i];
      sp -= nargs;
      if (!callInstruction(f, op, gas, args, *sp, status))
        goto finish;
      ++sp;
      ++ip;
      break;
    }
    case OP_RETURN:
    case OP_REVERT: {
      const Word &offset = TOP, &size = SECOND;
      MEMORY(offset, size);
      if (!size.isZero())
        output.assign(f.memory.data() + offset.low64(),
                      f.memory.data() + offset.low64() + size.low64());
      status = op == OP_RETURN ? Status::Success : Status::Revert;
      goto finish;
    }
    case OP_INVALID:
      FAIL(Status::InvalidInstruction);
    case OP_SELFDESTRUCT: {
      if (msg.isStatic)
        FAIL(Status::StaticModeViolation);
      Address beneficiary = TOP.toAddress();
      if (host.accessAccount(beneficiary) == AccessStatus::Cold)
        CHARGE(kColdAccountCost);
      if (!host.getBalance(msg.recipient).isZero() && !host.accountExists(beneficiary))
        CHARGE(25000);
      host.selfdestruct(msg.recipient, beneficiary);
      goto finish;
    }
    default:
      FAIL(Status::UndefinedInstruction);
    }
  }

finish:
  Result result;
  result.status = status;
  if (status == Status::Success || status == Status::Revert) {
    result.gasLeft = gas;
    result.output = std::move(output);
    if (status == Status::Success)
      result.gasRefund = f.gasRefund;
  }
  if constexpr (Tracing)
    tracer->onFrameEnd(result, msg.depth);
  return result;
#undef TOP
#undef SECOND
#undef FAIL
#undef CHARGE
#undef MEMORY
#undef BINARY
}

} // namespace

const char *statusName(Status s) noexcept {
  switch (s) {
  case Status::Success:
    return "success";
  case Status::Failure:
    return "failure";
  case Status::Revert:
    return "revert";
  case Status::OutOfGas:
    return "out of gas";
  case Status::InvalidInstruction:
    return "invalid instruction";
  case Status::UndefinedInstruction:
    return "undefined instruction";
  case Status::StackOverflow:
    return "stack overflow";
  case Status::StackUnderflow:
    return "stack underflow";
  case Status::BadJumpDestination:
    return "bad jump destination";
  case Status::InvalidMemoryAccess:
    return "invalid memory access";
  case Status::CallDepthExceeded:
    return "call depth exceeded";
  case Status::StaticModeViolation:
    return "static mode violation";
  case Status::PrecompileFailure:
    return "precompile failure";
  case Status::ArgumentOutOfRange:
    return "argument out of range";
  case Status::InsufficientBalance:
    return "insufficient balance";
  case Status::InternalError:
    return "internal error";
  case Status::Rejected:
    return "rejected";
  case Status::OutOfMemory:
    return "out of memory";
  }
  return "unknown";
}

Result execute(Host &host, const Message &msg, const CodeAnalysis &code,
               Tracer *tracer) noexcept {
  // Not make_unique: value-initialising would zero 32 KiB of stack on every call.
  std::unique_ptr<Frame> frame(new Frame);
  frame->host = &host;
  frame->msg = &msg;
  frame->code = &code;
  return tracer ? run<true>(*frame, tracer) : run<false>(*frame, nullptr);
}

Result execute(Host &host, const Message &msg, BytesView code, Tracer *tracer) noexcept {
  CodeAnalysis analysis(code);
  return execute(host, msg, analysis, tracer);
}

} // namespace metis
