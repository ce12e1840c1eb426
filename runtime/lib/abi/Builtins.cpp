//===- Builtins.cpp - The runtime functions compiled code calls -------------===//
//
// Each builtin unwraps the context, runs the interpreter's own implementation of the
// instruction (metis/interp/Instructions.h, the runtime's internal instruction interface, and
// interp/Calls.cpp) and writes back the gas left and the memory the code reads inline, so every
// tier shares one semantics.
//
//===----------------------------------------------------------------------===//
#include "metis/interp/FramePool.h"
#include "metis/interp/Gas.h"
#include "metis/interp/Instructions.h"
#include "metis/interp/Resume.h"
#include "metis/runtime/CompiledCode.h"
#include "metis/runtime/Keccak.h"

#include <cstddef>
#include <cstring>

using namespace metis;
using namespace metis::interp;

static_assert(sizeof(metis_word) == sizeof(Word) && alignof(metis_word) == alignof(Word));
static_assert(offsetof(metis_context, gas) == 0 && offsetof(metis_context, stack_height) == 8 &&
                  offsetof(metis_context, stack) == 16 && offsetof(metis_context, memory) == 24 &&
                  offsetof(metis_context, memory_size) == 32 &&
                  offsetof(metis_context, calldata) == 40 &&
                  offsetof(metis_context, calldata_size) == 48 &&
                  offsetof(metis_context, frame) == 56 &&
                  offsetof(metis_context, resume_pc) == 64 &&
                  offsetof(metis_context, builtins) == 72,
              "the lowering and the baseline emitter hard-code these offsets");
static_assert(int(Status::Success) == METIS_SUCCESS && int(Status::Revert) == METIS_REVERT &&
              int(Status::OutOfGas) == METIS_OUT_OF_GAS &&
              int(Status::BadJumpDestination) == METIS_BAD_JUMP_DESTINATION);

namespace {

/// What ctx->frame points to.
struct CompiledFrame {
  Frame *frame;
  Bytes output;
};

Frame &frameOf(metis_context *ctx) { return *static_cast<CompiledFrame *>(ctx->frame)->frame; }
Word &word(metis_word *w) { return *reinterpret_cast<Word *>(w); }
const Word &word(const metis_word *w) { return *reinterpret_cast<const Word *>(w); }

/// Writes back gas and memory and maps the outcome to "go on" or the halting status.
/// For a builtin that ran with `prepaid` gas added back (the static gas of the rest of its
/// block, charged ahead): takes it out again. If what is left cannot pay for the rest of the
/// block, an instruction of it runs out of gas in the interpreter; the frame ends the same way
/// (all gas gone, state reverted), so it ends here.
StepResult takeBackPrepaid(StepResult r, int64_t prepaid) {
  r.gas -= prepaid;
  if (r.status == Status::Success && r.gas < 0)
    r = StepResult{0, Status::OutOfGas};
  return r;
}

int32_t finish(metis_context *ctx, StepResult r) {
  Frame &f = frameOf(ctx);
  ctx->gas = r.gas;
  ctx->memory = f.memory.data();
  ctx->memory_size = f.memory.size();
  return r.status == Status::Success ? METIS_CONTINUE : int32_t(r.status);
}

} // namespace

extern "C" {

int32_t metis_rt_memory_grow(metis_context *ctx, uint64_t end) {
  if (end > kMaxBufferSize)
    return finish(ctx, {-1, Status::OutOfGas});
  int64_t gas = growMemory(ctx->gas, frameOf(ctx).memory, end);
  return finish(ctx, {gas, gas < 0 ? Status::OutOfGas : Status::Success});
}

void metis_rt_udiv(metis_word *r, const metis_word *a, const metis_word *b) {
  word(r) = udiv(word(a), word(b));
}
void metis_rt_sdiv(metis_word *r, const metis_word *a, const metis_word *b) {
  word(r) = sdiv(word(a), word(b));
}
void metis_rt_urem(metis_word *r, const metis_word *a, const metis_word *b) {
  word(r) = urem(word(a), word(b));
}
void metis_rt_smod(metis_word *r, const metis_word *a, const metis_word *b) {
  word(r) = smod(word(a), word(b));
}
void metis_rt_addmod(metis_word *r, const metis_word *a, const metis_word *b, const metis_word *n) {
  word(r) = addmod(word(a), word(b), word(n));
}
void metis_rt_mulmod(metis_word *r, const metis_word *a, const metis_word *b, const metis_word *n) {
  word(r) = mulmod(word(a), word(b), word(n));
}

int32_t metis_rt_exp(metis_context *ctx, metis_word *r, const metis_word *base,
                     const metis_word *exponent) {
  int64_t gas = ctx->gas - kExpByteCost * int64_t(word(exponent).byteLength());
  if (gas < 0)
    return finish(ctx, {gas, Status::OutOfGas});
  word(r) = exp(word(base), word(exponent));
  return finish(ctx, {gas, Status::Success});
}

int32_t metis_rt_keccak256(metis_context *ctx, metis_word *r, const metis_word *offset,
                           const metis_word *size) {
  return finish(ctx, instr::keccak256(frameOf(ctx), ctx->gas, word(offset), word(size), word(r)));
}

void metis_rt_env(metis_context *ctx, uint32_t opcode, metis_word *r) {
  word(r) = instr::env(frameOf(ctx), uint8_t(opcode));
}

int32_t metis_rt_read(metis_context *ctx, uint32_t opcode, metis_word *io) {
  Frame &f = frameOf(ctx);
  Word &w = word(io);
  switch (opcode) {
  case OP_CALLDATALOAD:
    w = instr::calldataload(f, w);
    return METIS_CONTINUE;
  case OP_BALANCE:
  case OP_EXTCODESIZE:
  case OP_EXTCODEHASH:
    return finish(ctx, instr::accountRead(f, ctx->gas, uint8_t(opcode), w));
  case OP_BLOCKHASH:
    w = instr::blockhash(f, w);
    return METIS_CONTINUE;
  case OP_BLOBHASH:
    w = instr::blobhash(f, w);
    return METIS_CONTINUE;
  case OP_SLOAD:
    return finish(ctx, instr::sload(f, ctx->gas, w));
  case OP_TLOAD:
    w = f.host->getTransientStorage(f.msg->recipient, w);
    return METIS_CONTINUE;
  default:
    return METIS_INTERNAL_ERROR;
  }
}

int32_t metis_rt_copy(metis_context *ctx, uint32_t opcode, const metis_word *args) {
  return finish(ctx, instr::copy(frameOf(ctx), ctx->gas, uint8_t(opcode), &word(args)));
}

int32_t metis_rt_sstore(metis_context *ctx, const metis_word *key, const metis_word *value,
                        int64_t prepaid) {
  // The sentry and the cost see the gas instruction-by-instruction charging would leave.
  StepResult r = instr::sstore(frameOf(ctx), ctx->gas + prepaid, word(key), word(value));
  return finish(ctx, takeBackPrepaid(r, prepaid));
}

int32_t metis_rt_tstore(metis_context *ctx, const metis_word *key, const metis_word *value) {
  return finish(ctx, instr::tstore(frameOf(ctx), ctx->gas, word(key), word(value)));
}

int32_t metis_rt_log(metis_context *ctx, const metis_word *args, uint32_t num_topics) {
  return finish(ctx, instr::log(frameOf(ctx), ctx->gas, &word(args), int(num_topics)));
}

int32_t metis_rt_call(metis_context *ctx, uint32_t opcode, const metis_word *args, int64_t prepaid,
                      metis_word *r) {
  Frame &f = frameOf(ctx);
  const bool create = opcode == OP_CREATE || opcode == OP_CREATE2;
  StepResult res =
      create ? createInstruction(f, uint8_t(opcode), ctx->gas + prepaid, &word(args), word(r))
             : callInstruction(f, uint8_t(opcode), ctx->gas + prepaid, &word(args), word(r));
  return finish(ctx, takeBackPrepaid(res, prepaid));
}

int32_t metis_rt_return(metis_context *ctx, const metis_word *offset, const metis_word *size,
                        uint32_t is_revert) {
  auto *cf = static_cast<CompiledFrame *>(ctx->frame);
  StepResult r =
      instr::output(*cf->frame, ctx->gas, word(offset), word(size), is_revert != 0, cf->output);
  ctx->gas = r.gas;
  return int32_t(r.status);
}

int32_t metis_rt_selfdestruct(metis_context *ctx, const metis_word *beneficiary) {
  StepResult r = instr::selfdestruct(frameOf(ctx), ctx->gas, word(beneficiary));
  ctx->gas = r.gas;
  return int32_t(r.status);
}

void metis_rt_mul(metis_word *r, const metis_word *a, const metis_word *b) {
  word(r) = word(a) * word(b);
}
void metis_rt_shl(metis_word *r, const metis_word *shift, const metis_word *value) {
  word(r) = shl(word(shift), word(value));
}
void metis_rt_shr(metis_word *r, const metis_word *shift, const metis_word *value) {
  word(r) = shr(word(shift), word(value));
}
void metis_rt_sar(metis_word *r, const metis_word *shift, const metis_word *value) {
  word(r) = sar(word(shift), word(value));
}
void metis_rt_byte(metis_word *r, const metis_word *index, const metis_word *x) {
  word(r) = byteAt(word(index), word(x));
}
void metis_rt_signextend(metis_word *r, const metis_word *byte_index, const metis_word *x) {
  word(r) = signextend(word(byte_index), word(x));
}

const void *const metis_rt_builtin_table[METIS_BUILTIN_COUNT] = {
#define METIS_BUILTIN_ADDRESS(Name, Function) reinterpret_cast<const void *>(&Function),
    METIS_BUILTINS(METIS_BUILTIN_ADDRESS)
#undef METIS_BUILTIN_ADDRESS
};

} // extern "C"

namespace metis {

Result executeCompiled(Host &host, const Message &msg, const CodeAnalysis &code,
                       metis_contract_fn entry) noexcept {
  std::unique_ptr<Frame> frame = acquireFrame();
  frame->host = &host;
  frame->msg = &msg;
  frame->code = &code;
  CompiledFrame cf{frame.get(), {}};
  metis_context ctx{};
  ctx.gas = msg.gas;
  ctx.stack = reinterpret_cast<metis_word *>(frame->stack);
  ctx.memory = frame->memory.data();
  ctx.memory_size = frame->memory.size();
  ctx.calldata = msg.input.data();
  ctx.calldata_size = msg.input.size();
  ctx.frame = &cf;
  ctx.builtins = metis_rt_builtin_table;

  const int32_t outcome = entry(&ctx, 0);
  Result result;
  if (outcome == METIS_RESUME) {
    // The frame went on into code that was not compiled: the interpreter finishes it.
    result = resumeFrame(*frame, ctx.resume_pc, ctx.stack_height, ctx.gas);
  } else {
    const auto status = Status(outcome);
    result.status = status;
    if (status == Status::Success || status == Status::Revert) {
      result.gasLeft = ctx.gas;
      result.output = std::move(cf.output);
      if (status == Status::Success)
        result.gasRefund = frame->gasRefund;
    }
  }
  releaseFrame(std::move(frame));
  return result;
}

std::string checkContractInfo(const metis_contract_info &info, BytesView code) {
  if (info.magic != METIS_ABI_MAGIC)
    return "not a metis compiled contract (bad magic number)";
  if (info.abi_version != METIS_ABI_VERSION)
    return "compiled for ABI version " + std::to_string(info.abi_version) +
           ", this runtime speaks version " + std::to_string(METIS_ABI_VERSION);
  Bytes32 hash = keccak256(code);
  if (info.code_size != code.size() || std::memcmp(info.code_hash, hash.data(), 32) != 0)
    return "compiled for other bytecode (code hash 0x" + toHex(BytesView(info.code_hash, 32)) +
           ", running 0x" + toHex(hash) + ")";
  return {};
}

} // namespace metis
