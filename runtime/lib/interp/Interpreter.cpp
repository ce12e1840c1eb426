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

/// LOGn with its operands on the stack: [offset, size, topic0..] from the top.
StepResult emitLog(Frame &f, int64_t gas, const Word *sp, int numTopics) noexcept {
  if (f.msg->isStatic)
    return {gas, Status::StaticModeViolation};
  const Word &offset = sp[-1], &size = sp[-2];
  if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)
    return {gas, Status::OutOfGas};
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  if ((gas -= 8 * int64_t(n)) < 0)
    return {gas, Status::OutOfGas};
  Bytes32 topics[4];
  for (int i = 0; i < numTopics; ++i)
    topics[i] = sp[-3 - i].toBytes32();
  f.host->emitLog(f.msg->recipient, BytesView(n ? f.memory.data() + offset.low64() : nullptr, n),
                  std::span<const Bytes32>(topics, size_t(numTopics)));
  return {gas, Status::Success};
}

/// Maps every byte to its handler's index in Opcodes.def order; undefined bytes map to one
/// past the last defined opcode.
constexpr std::array<uint8_t, 256> kHandlerIndex = [] {
  std::array<uint8_t, 256> t{};
  t.fill(uint8_t(kNumDefinedOpcodes));
  uint8_t i = 0;
#define METIS_OPCODE(Name, Byte, In, Out, Imm, Gas) t[Byte] = i++;
#include "metis/runtime/Opcodes.def"
  return t;
}();

using DispatchTable = std::array<const void *, 256>;
DispatchTable makeDispatchTable(const void *const *handlers) {
  DispatchTable t;
  for (size_t b = 0; b < 256; ++b)
    t[b] = handlers[kHandlerIndex[b]];
  return t;
}

/// Push data of a PUSHn, zero-extended; the padded code makes reading past the end safe.
template <size_t N> inline Word loadPush(const uint8_t *p) noexcept {
  if constexpr (N <= 8) {
    uint64_t v = 0;
    for (size_t i = 0; i < N; ++i)
      v = v << 8 | p[i];
    return Word(v);
  } else {
    uint8_t buf[32] = {};
    std::memcpy(buf + 32 - N, p, N);
    return Word::fromBigEndian(buf);
  }
}

/// The loop is threaded code: each handler ends by dispatching the next instruction itself
/// (computed goto), which predicts far better than one shared switch. Gas lives in a local
/// whose address is never taken, so it stays in a register; out-of-line helpers take and
/// return it by value.
template <bool Tracing>
Result run(Frame &f, Tracer *tracer) noexcept {
  static const void *const kHandlers[] = {
#define METIS_OPCODE(Name, Byte, In, Out, Imm, Gas) &&H_##Name,
#include "metis/runtime/Opcodes.def"
      &&H_UNDEFINED};
  static const DispatchTable kTable = makeDispatchTable(kHandlers);

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
    if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)                 \
      FAIL(Status::OutOfGas);                                                  \
  } while (0)
  // Static checks of the next instruction, then a jump to its handler.
#define DISPATCH()                                                             \
  do {                                                                         \
    const uint8_t op_ = *ip;                                                   \
    if constexpr (Tracing)                                                     \
      tracer->onInstruction(uint32_t(ip - code), op_, gas, msg.depth,          \
                            std::span<const Word>(base, size_t(sp - base)),    \
                            f.memory.size(), f.gasRefund);                     \
    const StepInfo &step_ = kStepInfo[op_];                                    \
    const ptrdiff_t height_ = sp - base;                                       \
    if (height_ < step_.minHeight)                                             \
      FAIL(Status::StackUnderflow);                                            \
    if (height_ > step_.maxHeight)                                             \
      FAIL(Status::StackOverflow);                                             \
    CHARGE(step_.gas);                                                         \
    goto *kTable[op_];                                                         \
  } while (0)
#define NEXT()                                                                 \
  do {                                                                         \
    ++ip;                                                                      \
    DISPATCH();                                                                \
  } while (0)
#define BINARY(Name, expr)                                                     \
  H_##Name : {                                                                 \
    const Word &a = TOP, &b = SECOND;                                          \
    SECOND = (expr);                                                           \
    --sp;                                                                      \
    NEXT();                                                                    \
  }
#define PUSH_N(N)                                                              \
  H_PUSH##N : {                                                                \
    *sp++ = loadPush<N>(ip + 1);                                               \
    ip += N + 1;                                                               \
    DISPATCH();                                                                \
  }
#define DUP_N(N)                                                               \
  H_DUP##N : {                                                                 \
    *sp = sp[-N];                                                              \
    ++sp;                                                                      \
    NEXT();                                                                    \
  }
#define SWAP_N(N)                                                              \
  H_SWAP##N : {                                                                \
    std::swap(sp[-1], sp[-1 - N]);                                             \
    NEXT();                                                                    \
  }
#define LOG_N(N)                                                               \
  H_LOG##N : {                                                                 \
    StepResult r_ = emitLog(f, gas, sp, N);                                    \
    gas = r_.gas;                                                              \
    if ((status = r_.status) != Status::Success)                               \
      goto finish;                                                             \
    sp -= 2 + N;                                                               \
    NEXT();                                                                    \
  }

  DISPATCH();

H_STOP:
  goto finish;
  BINARY(ADD, a + b)
  BINARY(MUL, a * b)
  BINARY(SUB, a - b)
  BINARY(DIV, udiv(a, b))
  BINARY(SDIV, sdiv(a, b))
  BINARY(MOD, urem(a, b))
  BINARY(SMOD, smod(a, b))
H_ADDMOD:
  sp[-3] = addmod(TOP, SECOND, sp[-3]);
  sp -= 2;
  NEXT();
H_MULMOD:
  sp[-3] = mulmod(TOP, SECOND, sp[-3]);
  sp -= 2;
  NEXT();
H_EXP:
  CHARGE(50 * int64_t(SECOND.byteLength()));
  SECOND = exp(TOP, SECOND);
  --sp;
  NEXT();
  BINARY(SIGNEXTEND, signextend(a, b))
  BINARY(LT, Word(a < b))
  BINARY(GT, Word(a > b))
  BINARY(SLT, Word(slt(a, b)))
  BINARY(SGT, Word(sgt(a, b)))
  BINARY(EQ, Word(a == b))
H_ISZERO:
  TOP = Word(TOP.isZero());
  NEXT();
  BINARY(AND, a & b)
  BINARY(OR, a | b)
  BINARY(XOR, a ^ b)
H_NOT:
  TOP = ~TOP;
  NEXT();
  BINARY(BYTE, byteAt(a, b))
  BINARY(SHL, shl(a, b))
  BINARY(SHR, shr(a, b))
  BINARY(SAR, sar(a, b))

H_KECCAK256: {
  const Word &offset = TOP, &size = SECOND;
  MEMORY(offset, size);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  CHARGE(6 * numWords(n));
  Bytes32 h = keccak256(BytesView(n ? f.memory.data() + offset.low64() : nullptr, n));
  SECOND = Word::fromBytes32(h);
  --sp;
  NEXT();
}

H_ADDRESS:
  *sp++ = Word::fromAddress(msg.recipient);
  NEXT();
H_BALANCE: {
  Address addr = TOP.toAddress();
  if (host.accessAccount(addr) == AccessStatus::Cold)
    CHARGE(kColdAccountSurcharge);
  TOP = host.getBalance(addr);
  NEXT();
}
H_ORIGIN:
  *sp++ = Word::fromAddress(host.getTxContext().origin);
  NEXT();
H_CALLER:
  *sp++ = Word::fromAddress(msg.sender);
  NEXT();
H_CALLVALUE:
  *sp++ = msg.value;
  NEXT();
H_CALLDATALOAD: {
  uint8_t buf[32];
  copyPadded(buf, msg.input, TOP, 32);
  TOP = Word::fromBigEndian(buf);
  NEXT();
}
H_CALLDATASIZE:
  *sp++ = Word(msg.input.size());
  NEXT();
H_CALLDATACOPY:
H_CODECOPY: {
  const Word &memOff = TOP, &srcOff = SECOND, &size = sp[-3];
  MEMORY(memOff, size);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  CHARGE(3 * numWords(n));
  if (n)
    copyPadded(f.memory.data() + memOff.low64(),
               *ip == OP_CALLDATACOPY ? msg.input : analysis.code(), srcOff, n);
  sp -= 3;
  NEXT();
}
H_CODESIZE:
  *sp++ = Word(analysis.codeSize());
  NEXT();
H_GASPRICE:
  *sp++ = host.getTxContext().gasPrice;
  NEXT();
H_EXTCODESIZE: {
  Address addr = TOP.toAddress();
  if (host.accessAccount(addr) == AccessStatus::Cold)
    CHARGE(kColdAccountSurcharge);
  TOP = Word(host.getCodeSize(addr));
  NEXT();
}
H_EXTCODECOPY: {
  Address addr = TOP.toAddress();
  const Word &memOff = SECOND, &srcOff = sp[-3], &size = sp[-4];
  MEMORY(memOff, size);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  CHARGE(3 * numWords(n));
  if (host.accessAccount(addr) == AccessStatus::Cold)
    CHARGE(kColdAccountSurcharge);
  if (n) {
    uint8_t *dst = f.memory.data() + memOff.low64();
    size_t copied =
        srcOff.fitsUint64() ? host.copyCode(addr, size_t(srcOff.low64()), dst, n) : 0;
    if (copied < n)
      std::memset(dst + copied, 0, n - copied);
  }
  sp -= 4;
  NEXT();
}
H_RETURNDATASIZE:
  *sp++ = Word(f.returnData.size());
  NEXT();
H_RETURNDATACOPY: {
  const Word &memOff = TOP, &srcOff = SECOND, &size = sp[-3];
  MEMORY(memOff, size);
  // Reading past the end of the return data is an exceptional halt (EIP-211).
  if (!srcOff.fitsUint64() || srcOff.low64() > f.returnData.size() ||
      (!size.isZero() && size.low64() > f.returnData.size() - srcOff.low64()))
    FAIL(Status::InvalidMemoryAccess);
  size_t n = size.isZero() ? 0 : size_t(size.low64());
  CHARGE(3 * numWords(n));
  if (n)
    std::memcpy(f.memory.data() + memOff.low64(), f.returnData.data() + srcOff.low64(), n);
  sp -= 3;
  NEXT();
}
H_EXTCODEHASH: {
  Address addr = TOP.toAddress();
  if (host.accessAccount(addr) == AccessStatus::Cold)
    CHARGE(kColdAccountSurcharge);
  TOP = Word::fromBytes32(host.getCodeHash(addr));
  NEXT();
}

H_BLOCKHASH: {
  const int64_t current = host.getTxContext().number;
  const Word &n = TOP;
  bool inRange = n.fitsUint64() && n.low64() < uint64_t(current) &&
                 uint64_t(current) - n.low64() <= 256;
  TOP = inRange ? Word::fromBytes32(host.getBlockHash(int64_t(n.low64()))) : Word{};
  NEXT();
}
H_COINBASE:
  *sp++ = Word::fromAddress(host.getTxContext().coinbase);
  NEXT();
H_TIMESTAMP:
  *sp++ = Word(uint64_t(host.getTxContext().timestamp));
  NEXT();
H_NUMBER:
  *sp++ = Word(uint64_t(host.getTxContext().number));
  NEXT();
H_PREVRANDAO:
  *sp++ = host.getTxContext().prevRandao;
  NEXT();
H_GASLIMIT:
  *sp++ = Word(uint64_t(host.getTxContext().gasLimit));
  NEXT();
H_CHAINID:
  *sp++ = host.getTxContext().chainId;
  NEXT();
H_SELFBALANCE:
  *sp++ = host.getBalance(msg.recipient);
  NEXT();
H_BASEFEE:
  *sp++ = host.getTxContext().baseFee;
  NEXT();
H_BLOBHASH: {
  const auto &hashes = host.getTxContext().blobHashes;
  TOP = TOP.fitsUint64() && TOP.low64() < hashes.size() ? Word::fromBytes32(hashes[TOP.low64()])
                                                         : Word{};
  NEXT();
}
H_BLOBBASEFEE:
  *sp++ = host.getTxContext().blobBaseFee;
  NEXT();

H_POP:
  --sp;
  NEXT();
H_MLOAD:
  MEMORY(TOP, Word(32));
  TOP = Word::fromBigEndian(f.memory.data() + TOP.low64());
  NEXT();
H_MSTORE:
  MEMORY(TOP, Word(32));
  SECOND.toBigEndian(f.memory.data() + TOP.low64());
  sp -= 2;
  NEXT();
H_MSTORE8:
  MEMORY(TOP, Word(1));
  f.memory[TOP.low64()] = uint8_t(SECOND.low64());
  sp -= 2;
  NEXT();
H_SLOAD:
  if (host.accessStorage(msg.recipient, TOP) == AccessStatus::Cold)
    CHARGE(kColdSloadSurcharge);
  TOP = host.getStorage(msg.recipient, TOP);
  NEXT();
H_SSTORE: {
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
  NEXT();
}
H_JUMP: {
  const Word &dest = TOP;
  if (!dest.fitsUint64() || !analysis.isJumpdest(dest.low64()))
    FAIL(Status::BadJumpDestination);
  ip = code + dest.low64();
  --sp;
  DISPATCH();
}
H_JUMPI:
  if (!SECOND.isZero()) {
    const Word &dest = TOP;
    if (!dest.fitsUint64() || !analysis.isJumpdest(dest.low64()))
      FAIL(Status::BadJumpDestination);
    ip = code + dest.low64();
  } else {
    ++ip;
  }
  sp -= 2;
  DISPATCH();
H_PC:
  *sp++ = Word(uint64_t(ip - code));
  NEXT();
H_MSIZE:
  *sp++ = Word(f.memory.size());
  NEXT();
H_GAS:
  *sp++ = Word(uint64_t(gas));
  NEXT();
H_JUMPDEST:
  NEXT();
H_TLOAD:
  TOP = host.getTransientStorage(msg.recipient, TOP);
  NEXT();
H_TSTORE:
  if (msg.isStatic)
    FAIL(Status::StaticModeViolation);
  host.setTransientStorage(msg.recipient, TOP, SECOND);
  sp -= 2;
  NEXT();
H_MCOPY: {
  const Word &dst = TOP, &src = SECOND, &size = sp[-3];
  if (!size.isZero()) {
    MEMORY(src, size);
    MEMORY(dst, size);
    size_t n = size_t(size.low64());
    CHARGE(3 * numWords(n));
    std::memmove(f.memory.data() + dst.low64(), f.memory.data() + src.low64(), n);
  }
  sp -= 3;
  NEXT();
}
H_PUSH0:
  *sp++ = Word{};
  NEXT();
  PUSH_N(1) PUSH_N(2) PUSH_N(3) PUSH_N(4) PUSH_N(5) PUSH_N(6) PUSH_N(7) PUSH_N(8)
  PUSH_N(9) PUSH_N(10) PUSH_N(11) PUSH_N(12) PUSH_N(13) PUSH_N(14) PUSH_N(15) PUSH_N(16)
  PUSH_N(17) PUSH_N(18) PUSH_N(19) PUSH_N(20) PUSH_N(21) PUSH_N(22) PUSH_N(23) PUSH_N(24)
  PUSH_N(25) PUSH_N(26) PUSH_N(27) PUSH_N(28) PUSH_N(29) PUSH_N(30) PUSH_N(31) PUSH_N(32)
  DUP_N(1) DUP_N(2) DUP_N(3) DUP_N(4) DUP_N(5) DUP_N(6) DUP_N(7) DUP_N(8)
  DUP_N(9) DUP_N(10) DUP_N(11) DUP_N(12) DUP_N(13) DUP_N(14) DUP_N(15) DUP_N(16)
  SWAP_N(1) SWAP_N(2) SWAP_N(3) SWAP_N(4) SWAP_N(5) SWAP_N(6) SWAP_N(7) SWAP_N(8)
  SWAP_N(9) SWAP_N(10) SWAP_N(11) SWAP_N(12) SWAP_N(13) SWAP_N(14) SWAP_N(15) SWAP_N(16)
  LOG_N(0) LOG_N(1) LOG_N(2) LOG_N(3) LOG_N(4)

H_CREATE:
H_CREATE2: {
  const uint8_t op = *ip;
  const int nargs = op == OP_CREATE2 ? 4 : 3;
  Word args[4];
  for (int i = 0; i < nargs; ++i)
    args[i] = sp[-1 - i];
  sp -= nargs;
  StepResult r = createInstruction(f, op, gas, args, *sp);
  gas = r.gas;
  if ((status = r.status) != Status::Success)
    goto finish;
  ++sp;
  NEXT();
}
H_CALL:
H_CALLCODE:
H_DELEGATECALL:
H_STATICCALL: {
  const uint8_t op = *ip;
  const int nargs = (op == OP_CALL || op == OP_CALLCODE) ? 7 : 6;
  Word args[7];
  for (int i = 0; i < nargs; ++i)
    args[i] = sp[-1 - i];
  sp -= nargs;
  StepResult r = callInstruction(f, op, gas, args, *sp);
  gas = r.gas;
  if ((status = r.status) != Status::Success)
    goto finish;
  ++sp;
  NEXT();
}
H_RETURN:
H_REVERT: {
  const Word &offset = TOP, &size = SECOND;
  MEMORY(offset, size);
  if (!size.isZero())
    output.assign(f.memory.data() + offset.low64(),
                  f.memory.data() + offset.low64() + size.low64());
  status = *ip == OP_RETURN ? Status::Success : Status::Revert;
  goto finish;
}
H_INVALID:
  FAIL(Status::InvalidInstruction);
H_SELFDESTRUCT: {
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
H_UNDEFINED:
  FAIL(Status::UndefinedInstruction);

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
#undef DISPATCH
#undef NEXT
#undef BINARY
#undef PUSH_N
#undef DUP_N
#undef SWAP_N
#undef LOG_N
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

namespace {
/// Frames are recycled per thread: a call then costs no 32 KiB allocation, and a frame's
/// memory keeps its capacity for the next call at the same depth.
class FramePool {
public:
  std::unique_ptr<Frame> acquire() {
    if (free_.empty())
      return std::unique_ptr<Frame>(new Frame); // not make_unique: no zeroing of the stack
    std::unique_ptr<Frame> f = std::move(free_.back());
    free_.pop_back();
    return f;
  }
  void release(std::unique_ptr<Frame> f) noexcept {
    f->memory.clear();
    f->returnData.clear();
    f->gasRefund = 0;
    if (free_.size() < kMaxPooled)
      free_.push_back(std::move(f));
  }

private:
  static constexpr size_t kMaxPooled = 64;
  std::vector<std::unique_ptr<Frame>> free_;
};
thread_local FramePool framePool;
} // namespace

Result execute(Host &host, const Message &msg, const CodeAnalysis &code,
               Tracer *tracer) noexcept {
  std::unique_ptr<Frame> frame = framePool.acquire();
  frame->host = &host;
  frame->msg = &msg;
  frame->code = &code;
  Result result = tracer ? run<true>(*frame, tracer) : run<false>(*frame, nullptr);
  framePool.release(std::move(frame));
  return result;
}

Result execute(Host &host, const Message &msg, BytesView code, Tracer *tracer) noexcept {
  CodeAnalysis analysis(code);
  return execute(host, msg, analysis, tracer);
}

} // namespace metis
