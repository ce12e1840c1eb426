//===- Interpreter.cpp - The reference interpreter loop ---------------------===//
//
// One loop over the padded code. Before each instruction a single table lookup gives its
// static gas and the stack heights it needs, so the handlers only do the work and charge the
// dynamic costs. The stack is a fixed array in the heap-allocated Frame; `sp` points one past
// the top item.
//
//===----------------------------------------------------------------------===//
#include "metis/interp/Frame.h"
#include "metis/interp/FramePool.h"
#include "metis/interp/Gas.h"
#include "metis/interp/Instructions.h"
#include "metis/interp/Resume.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Opcodes.h"

#include <memory>

namespace metis {

using namespace interp;
namespace instr = interp::instr;

namespace {

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
/// Runs frame `f` from offset `pc` with the bottom `height` words of its stack set and `gas` left:
/// offset 0, empty and the message's gas for a new frame; where compiled code left it for a
/// resumed one (resumeFrame).
template <bool Tracing>
Result run(Frame &f, Tracer *tracer, uint64_t pc, size_t height, int64_t startGas) noexcept {
  static const void *const kHandlers[] = {
#define METIS_OPCODE(Name, Byte, In, Out, Imm, Gas) &&H_##Name,
#include "metis/runtime/Opcodes.def"
      &&H_UNDEFINED};
  static const DispatchTable kTable = makeDispatchTable(kHandlers);

  const CodeAnalysis &analysis = *f.code;
  const Message &msg = *f.msg;
  Host &host = *f.host;
  const uint8_t *const code = analysis.paddedCode();
  const uint8_t *ip = code + pc;
  Word *const base = f.stack;
  Word *sp = base + height;
  int64_t gas = startGas;
  Status status = Status::Success;
  Bytes output;

#define TOP sp[-1]
#define SECOND sp[-2]
#define FAIL(s)                                                                                    \
  do {                                                                                             \
    status = (s);                                                                                  \
    goto finish;                                                                                   \
  } while (0)
#define CHARGE(amount)                                                                             \
  do {                                                                                             \
    if ((gas -= (amount)) < 0)                                                                     \
      FAIL(Status::OutOfGas);                                                                      \
  } while (0)
#define STEP(call)                                                                                 \
  do {                                                                                             \
    StepResult r_ = (call);                                                                        \
    gas = r_.gas;                                                                                  \
    if (r_.status != Status::Success)                                                              \
      FAIL(r_.status);                                                                             \
  } while (0)
#define MEMORY(offset, size)                                                                       \
  do {                                                                                             \
    if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)                                     \
      FAIL(Status::OutOfGas);                                                                      \
  } while (0)
  // Static checks of the next instruction, then a jump to its handler.
#define DISPATCH()                                                                                 \
  do {                                                                                             \
    const uint8_t op_ = *ip;                                                                       \
    if constexpr (Tracing)                                                                         \
      tracer->onInstruction(uint32_t(ip - code), op_, gas, msg.depth,                              \
                            std::span<const Word>(base, size_t(sp - base)), f.memory.size(),       \
                            f.gasRefund);                                                          \
    const StepInfo &step_ = kStepInfo[op_];                                                        \
    const ptrdiff_t height_ = sp - base;                                                           \
    if (height_ < step_.minHeight)                                                                 \
      FAIL(Status::StackUnderflow);                                                                \
    if (height_ > step_.maxHeight)                                                                 \
      FAIL(Status::StackOverflow);                                                                 \
    CHARGE(step_.gas);                                                                             \
    goto *kTable[op_];                                                                             \
  } while (0)
#define NEXT()                                                                                     \
  do {                                                                                             \
    ++ip;                                                                                          \
    DISPATCH();                                                                                    \
  } while (0)
#define BINARY(Name, expr)                                                                         \
  H_##Name : {                                                                                     \
    const Word &a = TOP, &b = SECOND;                                                              \
    SECOND = (expr);                                                                               \
    --sp;                                                                                          \
    NEXT();                                                                                        \
  }
#define PUSH_N(N)                                                                                  \
  H_PUSH##N : {                                                                                    \
    *sp++ = loadPush<N>(ip + 1);                                                                   \
    ip += N + 1;                                                                                   \
    DISPATCH();                                                                                    \
  }
#define DUP_N(N)                                                                                   \
  H_DUP##N : {                                                                                     \
    *sp = sp[-N];                                                                                  \
    ++sp;                                                                                          \
    NEXT();                                                                                        \
  }
#define SWAP_N(N)                                                                                  \
  H_SWAP##N : {                                                                                    \
    std::swap(sp[-1], sp[-1 - N]);                                                                 \
    NEXT();                                                                                        \
  }
#define LOG_N(N)                                                                                   \
  H_LOG##N : {                                                                                     \
    Word args_[2 + N];                                                                             \
    for (int i_ = 0; i_ < 2 + N; ++i_)                                                             \
      args_[i_] = sp[-1 - i_];                                                                     \
    STEP(instr::log(f, gas, args_, N));                                                            \
    sp -= 2 + N;                                                                                   \
    NEXT();                                                                                        \
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
  CHARGE(kExpByteCost * int64_t(SECOND.byteLength()));
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

H_KECCAK256:
  STEP(instr::keccak256(f, gas, TOP, SECOND, SECOND));
  --sp;
  NEXT();

H_ADDRESS:
H_ORIGIN:
H_CALLER:
H_CALLVALUE:
H_CALLDATASIZE:
H_CODESIZE:
H_GASPRICE:
H_RETURNDATASIZE:
H_COINBASE:
H_TIMESTAMP:
H_NUMBER:
H_PREVRANDAO:
H_GASLIMIT:
H_CHAINID:
H_SELFBALANCE:
H_BASEFEE:
H_BLOBBASEFEE:
H_MSIZE:
  *sp++ = instr::env(f, *ip);
  NEXT();
H_BALANCE:
H_EXTCODESIZE:
H_EXTCODEHASH:
  STEP(instr::accountRead(f, gas, *ip, TOP));
  NEXT();
H_CALLDATALOAD:
  TOP = instr::calldataload(f, TOP);
  NEXT();
H_CALLDATACOPY:
H_CODECOPY:
H_RETURNDATACOPY:
H_MCOPY: {
  Word args[3] = {TOP, SECOND, sp[-3]};
  STEP(instr::copy(f, gas, *ip, args));
  sp -= 3;
  NEXT();
}
H_EXTCODECOPY: {
  Word args[4] = {TOP, SECOND, sp[-3], sp[-4]};
  STEP(instr::copy(f, gas, *ip, args));
  sp -= 4;
  NEXT();
}
H_BLOCKHASH:
  TOP = instr::blockhash(f, TOP);
  NEXT();
H_BLOBHASH:
  TOP = instr::blobhash(f, TOP);
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
  STEP(instr::sload(f, gas, TOP));
  NEXT();
H_SSTORE:
  STEP(instr::sstore(f, gas, TOP, SECOND));
  sp -= 2;
  NEXT();
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
H_GAS:
  *sp++ = Word(uint64_t(gas));
  NEXT();
H_JUMPDEST:
  NEXT();
H_TLOAD:
  TOP = host.getTransientStorage(msg.recipient, TOP);
  NEXT();
H_TSTORE:
  STEP(instr::tstore(f, gas, TOP, SECOND));
  sp -= 2;
  NEXT();
H_PUSH0:
  *sp++ = Word{};
  NEXT();
  // clang-format off: the handler macros take no semicolon
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
// clang-format on
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
  StepResult r = instr::output(f, gas, TOP, SECOND, *ip == OP_REVERT, output);
  gas = r.gas;
  status = r.status;
  goto finish;
}
H_INVALID:
  FAIL(Status::InvalidInstruction);
H_SELFDESTRUCT:
  STEP(instr::selfdestruct(f, gas, TOP));
  goto finish;
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
#undef STEP
#undef DISPATCH
#undef NEXT
#undef BINARY
#undef PUSH_N
#undef DUP_N
#undef SWAP_N
#undef LOG_N
}

} // namespace

Result execute(Host &host, const Message &msg, const CodeAnalysis &code, Tracer *tracer) noexcept {
  std::unique_ptr<Frame> frame = acquireFrame();
  frame->host = &host;
  frame->msg = &msg;
  frame->code = &code;
  Result result = tracer ? run<true>(*frame, tracer, 0, 0, msg.gas)
                         : run<false>(*frame, nullptr, 0, 0, msg.gas);
  releaseFrame(std::move(frame));
  return result;
}

namespace interp {

Result resumeFrame(Frame &f, uint64_t pc, size_t stackHeight, int64_t gas) noexcept {
  // Compiled code leaves only at block starts with a valid stack; anything else is a bug in
  // the compiler, reported rather than run.
  if (pc > f.code->code().size() || stackHeight > size_t(kStackLimit))
    return Result{}; // Status::InternalError
  return run<false>(f, nullptr, pc, stackHeight, gas);
}

} // namespace interp

Result execute(Host &host, const Message &msg, BytesView code, Tracer *tracer) noexcept {
  CodeAnalysis analysis(code);
  return execute(host, msg, analysis, tracer);
}

} // namespace metis
