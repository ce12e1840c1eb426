//===- Emitter.cpp - The baseline tier's single-pass x86-64 emitter ---------===//
//
// Registers (System V): rbx holds the context, r12 the stack top at the current block's entry
// (one past the top word), r13 the stack's base, r14 the builtin table and r15 the stack's
// limit (base + 1024 words). Inside a block the emitter tracks the height relative to r12
// (depth_) and addresses words at constant displacements; r12 moves once, where the block
// ends. Gas stays in ctx->gas, where the builtins read it. rax, rcx, rdx, rsi, rdi and r8-r11
// are scratch, and the native frame holds eight words for builtins that take their operands
// in stack order (top first, the in-memory stack's reverse).
//
// Cold paths (a failed block check, memory growth, a mid-block hand-over) are emitted after
// every block, so the hot code falls straight through from block to block.
//
//===----------------------------------------------------------------------===//
#include "metis/Baseline/Emitter.h"
#include "metis/Frontend/Analysis.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/abi.h"

#include <asmjit/x86.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace metis::baseline {
namespace {

namespace x86 = asmjit::x86;
using asmjit::imm;
using asmjit::Label;
using frontend::BasicBlock;
using frontend::ContractAnalysis;

const x86::Gp kCtx = x86::rbx;
const x86::Gp kTop = x86::r12;
const x86::Gp kBase = x86::r13;
const x86::Gp kBuiltins = x86::r14;
const x86::Gp kLimit = x86::r15;

constexpr int32_t kWordBytes = 32;
constexpr int32_t kStackWords = 1024;
constexpr int32_t kScratchWords = 8;
/// The native frame below the six saved registers: the scratch words and 8 bytes that keep rsp
/// 16-byte aligned at calls.
constexpr int32_t kFrameBytes = kScratchWords * kWordBytes + 8;

constexpr int32_t kGasField = offsetof(metis_context, gas);
constexpr int32_t kHeightField = offsetof(metis_context, stack_height);
constexpr int32_t kStackField = offsetof(metis_context, stack);
constexpr int32_t kMemoryField = offsetof(metis_context, memory);
constexpr int32_t kMemorySizeField = offsetof(metis_context, memory_size);
constexpr int32_t kCalldataSizeField = offsetof(metis_context, calldata_size);
constexpr int32_t kResumePcField = offsetof(metis_context, resume_pc);
constexpr int32_t kBuiltinsField = offsetof(metis_context, builtins);
/// Offsets past this cannot be paid for (runtime kMaxBufferSize); the interpreter reports them.
constexpr uint64_t kMaxOffset = 0xffffffff;

/// Records the assembler's first error; asmjit reports errors through a handler, not by throwing.
class ErrorRecorder : public asmjit::ErrorHandler {
public:
  void handleError(asmjit::Error err, const char *message, asmjit::BaseEmitter *) override {
    if (!error)
      error = err, text = message;
  }
  asmjit::Error error = asmjit::kErrorOk;
  std::string text;
};

class Emitter {
public:
  Emitter(const ContractAnalysis &analysis, x86::Assembler &as) : analysis_(analysis), as_(as) {}
  void emit();

private:
  // A word relative to the current top: k = 1 is the top word, k = 0 the first free slot.
  int32_t displacement(int k) const { return (depth_ - k) * kWordBytes; }
  x86::Mem limb(int k, int i) const { return x86::qword_ptr(kTop, displacement(k) + 8 * i); }
  x86::Mem bytesAt(int k, int offset = 0) const { return x86::ptr(kTop, displacement(k) + offset); }
  void addressOf(const x86::Gp &reg, int k) { as_.lea(reg, bytesAt(k)); }

  /// The value of the k-th word if this block pushed it as a constant below 2^64.
  std::optional<uint64_t> known(int k) const {
    int i = depth_ - k + knownBias_;
    return i >= 0 && size_t(i) < known_.size() ? known_[i] : std::nullopt;
  }
  void setKnown(int k, std::optional<uint64_t> value) {
    int i = depth_ - k + knownBias_;
    if (i >= 0 && size_t(i) < known_.size())
      known_[i] = value;
  }

  void emitPrologue();
  void emitBlock(uint32_t index);
  /// Emits one instruction; returns false if it ends the block's code (a jump or a halt).
  bool emitInstruction(const Instruction &inst, int64_t gasFrom, int64_t gasAfter);
  void emitShared();
  void emitJumpTable();

  void callBuiltin(metis_builtin builtin) {
    as_.call(x86::qword_ptr(kBuiltins, int32_t(builtin) * 8));
  }
  /// Ends the frame with the builtin's status unless it is METIS_CONTINUE.
  void checkStatus() {
    as_.cmp(x86::eax, imm(METIS_CONTINUE));
    as_.jne(exit_);
  }
  void storeImmediate(const x86::Mem &dst, uint64_t value);
  /// Writes `value` (in a register) as the k-th word, its high limbs zero.
  void storeSmall(int k, const x86::Gp &value);
  void pushConstant(const Word &value);
  /// r = f(top, second) into the second word: the division family, MUL, shifts, BYTE.
  void callBinary(metis_builtin builtin);
  /// top < second (or second < top when `swapped`), unsigned or signed, into the second word.
  void compare(bool swapped, bool isSigned);
  void shiftByConstant(uint8_t opcode, uint64_t shift);
  /// Copies the top `n` words to the scratch area in stack order.
  void copyToScratch(int n);
  /// Loads the top word's offset into rax and makes [rax, rax + size) valid memory, growing it
  /// on a cold path; rcx holds the memory's base afterwards.
  void accessMemory(int32_t size, const Instruction &inst, int64_t gasFrom);
  /// Moves r12 to the current top.
  void commitDepth() {
    if (depth_ != 0)
      as_.lea(kTop, x86::ptr(kTop, depth_ * kWordBytes));
    depth_ = 0;
  }
  void jumpToConstant(uint64_t target);
  /// Loads the k-th word as a jump target into rax; a target of 2^64 or more is a bad jump.
  void loadJumpTarget(int k);
  /// A cold path that hands the frame to the interpreter at `inst`: the stack as it is and
  /// the static gas charged for `inst` and the rest of its block given back.
  Label resumeHere(const Instruction &inst, int64_t gasFrom);

  const ContractAnalysis &analysis_;
  x86::Assembler &as_;
  std::vector<Label> blockLabels_;
  Label exit_, resume_, dispatch_, badJump_, table_;
  /// Code emitted after every block, in order.
  std::vector<std::function<void()>> cold_;
  int32_t depth_ = 0;
  int32_t knownBias_ = 0;
  std::vector<std::optional<uint64_t>> known_;
};

void Emitter::emit() {
  const auto &blocks = analysis_.blocks();
  exit_ = as_.newLabel();
  resume_ = as_.newLabel();
  dispatch_ = as_.newLabel();
  badJump_ = as_.newLabel();
  table_ = as_.newLabel();
  blockLabels_.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i)
    blockLabels_.push_back(as_.newLabel());

  emitPrologue();
  for (uint32_t i = 0; i < blocks.size(); ++i)
    emitBlock(i);
  // Code that ends without STOP (or is empty) stops.
  as_.xor_(x86::eax, x86::eax);
  as_.jmp(exit_);
  for (auto &cold : cold_)
    cold();
  emitShared();
  emitJumpTable();
}

void Emitter::emitPrologue() {
  for (const x86::Gp &reg : {x86::rbp, x86::rbx, x86::r12, x86::r13, x86::r14, x86::r15})
    as_.push(reg);
  as_.sub(x86::rsp, imm(kFrameBytes));
  as_.mov(kCtx, x86::rdi);
  as_.mov(kBase, x86::qword_ptr(kCtx, kStackField));
  as_.mov(kBuiltins, x86::qword_ptr(kCtx, kBuiltinsField));
  as_.lea(kLimit, x86::ptr(kBase, kStackWords * kWordBytes));
  as_.mov(x86::rax, x86::qword_ptr(kCtx, kHeightField));
  as_.shl(x86::rax, imm(5));
  as_.lea(kTop, x86::ptr(kBase, x86::rax));
  // A frame starts at offset 0; any other entry is a JUMPDEST, found through the jump table.
  Label atPc = as_.newLabel();
  as_.test(x86::rsi, x86::rsi);
  as_.jnz(atPc);
  cold_.push_back([this, atPc] {
    as_.bind(atPc);
    as_.mov(x86::rax, x86::rsi);
    as_.jmp(dispatch_);
  });
}

void Emitter::emitBlock(uint32_t index) {
  const BasicBlock &b = analysis_.blocks()[index];
  as_.bind(blockLabels_[index]);
  depth_ = 0;
  knownBias_ = b.required;
  known_.assign(size_t(b.required + b.growth + 1), std::nullopt);

  // Entry checks. A block that would fail one is the interpreter's from its first instruction,
  // so the status is the one instruction-by-instruction checking meets first.
  Label failed;
  auto failedCheck = [&]() -> Label {
    if (!failed.isValid()) {
      failed = as_.newLabel();
      cold_.push_back([this, failed, pc = b.begin] {
        as_.bind(failed);
        as_.mov(x86::ecx, imm(pc));
        as_.jmp(resume_);
      });
    }
    return failed;
  };
  if (b.required > 0) {
    as_.lea(x86::rax, x86::ptr(kBase, b.required * kWordBytes));
    as_.cmp(kTop, x86::rax);
    as_.jb(failedCheck());
  }
  if (b.growth > 0 && b.maxHeight + b.growth > kStackWords) {
    as_.lea(x86::rax, x86::ptr(kTop, b.growth * kWordBytes));
    as_.cmp(x86::rax, kLimit);
    as_.ja(failedCheck());
  }
  if (b.staticGas > 0) {
    Label outOfGas = as_.newLabel();
    as_.sub(x86::qword_ptr(kCtx, kGasField), imm(b.staticGas));
    as_.js(outOfGas);
    cold_.push_back([this, outOfGas, failed = failedCheck(), gas = b.staticGas] {
      as_.bind(outOfGas);
      as_.add(x86::qword_ptr(kCtx, kGasField), imm(gas));
      as_.jmp(failed);
    });
  }

  const auto &insts = analysis_.instructions();
  int64_t gasLeftInBlock = b.staticGas;
  for (uint32_t i = b.firstInst; i < b.firstInst + b.numInsts; ++i) {
    const Instruction &inst = insts[i];
    int64_t gasFrom = gasLeftInBlock;
    gasLeftInBlock -= kOpcodeTraits[inst.opcode].staticGas;
    if (!emitInstruction(inst, gasFrom, gasLeftInBlock))
      return;
  }
  // Falls through into the next block, which is emitted next (or off the end: STOP).
  commitDepth();
}

void Emitter::storeImmediate(const x86::Mem &dst, uint64_t value) {
  if (int64_t(value) == int64_t(int32_t(value))) {
    as_.mov(dst, imm(int32_t(value)));
  } else {
    as_.mov(x86::rax, imm(value));
    as_.mov(dst, x86::rax);
  }
}

void Emitter::storeSmall(int k, const x86::Gp &value) {
  as_.mov(limb(k, 0), value);
  for (int i = 1; i < 4; ++i)
    as_.mov(limb(k, i), imm(0));
}

void Emitter::pushConstant(const Word &value) {
  for (int i = 0; i < 4; ++i)
    storeImmediate(limb(0, i), value.limbs[i]);
  ++depth_;
  setKnown(1, value.fitsUint64() ? std::optional<uint64_t>(value.low64()) : std::nullopt);
}

void Emitter::callBinary(metis_builtin builtin) {
  addressOf(x86::rdi, 2);
  addressOf(x86::rsi, 1);
  addressOf(x86::rdx, 2);
  callBuiltin(builtin);
  --depth_;
}

void Emitter::compare(bool swapped, bool isSigned) {
  const int a = swapped ? 2 : 1, b = swapped ? 1 : 2;
  as_.mov(x86::rax, limb(a, 0));
  as_.sub(x86::rax, limb(b, 0));
  for (int i = 1; i < 4; ++i) {
    as_.mov(x86::rax, limb(a, i));
    as_.sbb(x86::rax, limb(b, i));
  }
  if (isSigned)
    as_.setl(x86::al);
  else
    as_.setb(x86::al);
  as_.movzx(x86::eax, x86::al);
  storeSmall(2, x86::rax);
  --depth_;
}

void Emitter::shiftByConstant(uint8_t opcode, uint64_t shift) {
  const bool arithmetic = opcode == OP_SAR;
  if (shift >= 256) {
    if (arithmetic) {
      as_.mov(x86::rax, limb(2, 3));
      as_.sar(x86::rax, imm(63));
      for (int i = 0; i < 4; ++i)
        as_.mov(limb(2, i), x86::rax);
    } else {
      for (int i = 0; i < 4; ++i)
        as_.mov(limb(2, i), imm(0));
    }
    --depth_;
    return;
  }
  const int q = int(shift / 64), r = int(shift % 64);
  const x86::Gp v[4] = {x86::rax, x86::rcx, x86::rdx, x86::rsi};
  for (int i = 0; i < 4; ++i)
    as_.mov(v[i], limb(2, i));
  const x86::Gp sign = x86::rdi, out = x86::r8;
  if (arithmetic) {
    as_.mov(sign, v[3]);
    as_.sar(sign, imm(63));
  }
  for (int i = 0; i < 4; ++i) {
    if (opcode == OP_SHL) {
      const int hi = i - q, lo = hi - 1;
      if (hi < 0) {
        as_.mov(limb(2, i), imm(0));
        continue;
      }
      as_.mov(out, v[hi]);
      if (r && lo >= 0)
        as_.shld(out, v[lo], imm(r));
      else if (r)
        as_.shl(out, imm(r));
    } else {
      const int lo = i + q, hi = lo + 1;
      if (lo > 3) {
        if (arithmetic)
          as_.mov(limb(2, i), sign);
        else
          as_.mov(limb(2, i), imm(0));
        continue;
      }
      as_.mov(out, v[lo]);
      if (r && hi <= 3)
        as_.shrd(out, v[hi], imm(r));
      else if (r && arithmetic)
        as_.sar(out, imm(r));
      else if (r)
        as_.shr(out, imm(r));
    }
    as_.mov(limb(2, i), out);
  }
  --depth_;
}

void Emitter::copyToScratch(int n) {
  for (int i = 0; i < n; ++i) {
    as_.movups(x86::xmm0, bytesAt(i + 1));
    as_.movups(x86::xmm1, bytesAt(i + 1, 16));
    as_.movups(x86::ptr(x86::rsp, i * kWordBytes), x86::xmm0);
    as_.movups(x86::ptr(x86::rsp, i * kWordBytes + 16), x86::xmm1);
  }
}

Label Emitter::resumeHere(const Instruction &inst, int64_t gasFrom) {
  Label label = as_.newLabel();
  cold_.push_back([this, label, depth = depth_, gasFrom, pc = inst.pc] {
    as_.bind(label);
    if (depth != 0)
      as_.lea(kTop, x86::ptr(kTop, depth * kWordBytes));
    if (gasFrom != 0)
      as_.add(x86::qword_ptr(kCtx, kGasField), imm(gasFrom));
    as_.mov(x86::ecx, imm(pc));
    as_.jmp(resume_);
  });
  return label;
}

void Emitter::accessMemory(int32_t size, const Instruction &inst, int64_t gasFrom) {
  const std::optional<uint64_t> offset = known(1);
  const bool constant = offset && *offset <= kMaxOffset;
  const int32_t offsetDisplacement = displacement(1);
  auto loadOffset = [this, constant, offset, offsetDisplacement] {
    if (constant)
      as_.mov(x86::eax, imm(uint32_t(*offset)));
    else
      as_.mov(x86::rax, x86::qword_ptr(kTop, offsetDisplacement));
  };
  if (!constant) {
    // An offset of 2^32 or more runs out of gas: the interpreter says so.
    Label tooFar = resumeHere(inst, gasFrom);
    as_.mov(x86::rcx, limb(1, 1));
    as_.or_(x86::rcx, limb(1, 2));
    as_.or_(x86::rcx, limb(1, 3));
    as_.jnz(tooFar);
    loadOffset();
    as_.mov(x86::rcx, x86::rax);
    as_.shr(x86::rcx, imm(32));
    as_.jnz(tooFar);
  } else {
    loadOffset();
  }
  Label grow = as_.newLabel(), grown = as_.newLabel();
  as_.lea(x86::rdx, x86::ptr(x86::rax, size));
  as_.cmp(x86::rdx, x86::qword_ptr(kCtx, kMemorySizeField));
  as_.ja(grow);
  as_.bind(grown);
  as_.mov(x86::rcx, x86::qword_ptr(kCtx, kMemoryField));
  cold_.push_back([this, grow, grown, loadOffset] {
    as_.bind(grow);
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::rsi, x86::rdx);
    callBuiltin(METIS_BUILTIN_MEMORY_GROW);
    checkStatus();
    loadOffset();
    as_.jmp(grown);
  });
}

void Emitter::jumpToConstant(uint64_t target) {
  int block = target < analysis_.code().size() ? analysis_.blockAt(target) : -1;
  if (block >= 0 && analysis_.blocks()[block].isJumpdest)
    as_.jmp(blockLabels_[block]);
  else
    as_.jmp(badJump_);
}

void Emitter::loadJumpTarget(int k) {
  as_.mov(x86::rcx, limb(k, 1));
  as_.or_(x86::rcx, limb(k, 2));
  as_.or_(x86::rcx, limb(k, 3));
  as_.jnz(badJump_);
  as_.mov(x86::rax, limb(k, 0));
}

bool Emitter::emitInstruction(const Instruction &inst, int64_t gasFrom, int64_t gasAfter) {
  const uint8_t op = inst.opcode;
  const OpcodeTraits &traits = kOpcodeTraits[op];

  if (op >= OP_PUSH1 && op <= OP_PUSH32) {
    pushConstant(frontend::pushValue(inst));
    return true;
  }
  if (op >= OP_DUP1 && op <= OP_DUP16) {
    const int n = op - OP_DUP1 + 1;
    as_.movups(x86::xmm0, bytesAt(n));
    as_.movups(x86::xmm1, bytesAt(n, 16));
    as_.movups(bytesAt(0), x86::xmm0);
    as_.movups(bytesAt(0, 16), x86::xmm1);
    ++depth_;
    setKnown(1, known(n + 1));
    return true;
  }
  if (op >= OP_SWAP1 && op <= OP_SWAP16) {
    const int n = op - OP_SWAP1 + 1;
    as_.movups(x86::xmm0, bytesAt(1));
    as_.movups(x86::xmm1, bytesAt(1, 16));
    as_.movups(x86::xmm2, bytesAt(n + 1));
    as_.movups(x86::xmm3, bytesAt(n + 1, 16));
    as_.movups(bytesAt(1), x86::xmm2);
    as_.movups(bytesAt(1, 16), x86::xmm3);
    as_.movups(bytesAt(n + 1), x86::xmm0);
    as_.movups(bytesAt(n + 1, 16), x86::xmm1);
    std::optional<uint64_t> top = known(1);
    setKnown(1, known(n + 1));
    setKnown(n + 1, top);
    return true;
  }

  // Everything else leaves unknown words; the cases below adjust depth_ themselves, and the
  // words they write are marked unknown after.
  const int32_t depthBefore = depth_;
  switch (op) {
  case OP_STOP:
    as_.xor_(x86::eax, x86::eax);
    as_.jmp(exit_);
    return false;
  case OP_ADD:
    as_.mov(x86::rax, limb(1, 0));
    as_.add(limb(2, 0), x86::rax);
    for (int i = 1; i < 4; ++i) {
      as_.mov(x86::rax, limb(1, i));
      as_.adc(limb(2, i), x86::rax);
    }
    --depth_;
    break;
  case OP_SUB:
    for (int i = 0; i < 4; ++i) {
      as_.mov(x86::rax, limb(1, i));
      if (i == 0)
        as_.sub(x86::rax, limb(2, i));
      else
        as_.sbb(x86::rax, limb(2, i));
      as_.mov(limb(2, i), x86::rax);
    }
    --depth_;
    break;
  case OP_MUL:
    callBinary(METIS_BUILTIN_MUL);
    break;
  case OP_DIV:
    callBinary(METIS_BUILTIN_UDIV);
    break;
  case OP_SDIV:
    callBinary(METIS_BUILTIN_SDIV);
    break;
  case OP_MOD:
    callBinary(METIS_BUILTIN_UREM);
    break;
  case OP_SMOD:
    callBinary(METIS_BUILTIN_SMOD);
    break;
  case OP_ADDMOD:
  case OP_MULMOD:
    addressOf(x86::rdi, 3);
    addressOf(x86::rsi, 1);
    addressOf(x86::rdx, 2);
    addressOf(x86::rcx, 3);
    callBuiltin(op == OP_ADDMOD ? METIS_BUILTIN_ADDMOD : METIS_BUILTIN_MULMOD);
    depth_ -= 2;
    break;
  case OP_EXP:
  case OP_KECCAK256:
    // (ctx, r = second, top, second): both charge dynamic gas, so both can halt.
    as_.mov(x86::rdi, kCtx);
    addressOf(x86::rsi, 2);
    addressOf(x86::rdx, 1);
    addressOf(x86::rcx, 2);
    callBuiltin(op == OP_EXP ? METIS_BUILTIN_EXP : METIS_BUILTIN_KECCAK256);
    checkStatus();
    --depth_;
    break;
  case OP_SIGNEXTEND:
    callBinary(METIS_BUILTIN_SIGNEXTEND);
    break;
  case OP_LT:
    compare(false, false);
    break;
  case OP_GT:
    compare(true, false);
    break;
  case OP_SLT:
    compare(false, true);
    break;
  case OP_SGT:
    compare(true, true);
    break;
  case OP_EQ:
    as_.mov(x86::rax, limb(1, 0));
    as_.xor_(x86::rax, limb(2, 0));
    for (int i = 1; i < 4; ++i) {
      as_.mov(x86::rcx, limb(1, i));
      as_.xor_(x86::rcx, limb(2, i));
      as_.or_(x86::rax, x86::rcx);
    }
    as_.sete(x86::al);
    as_.movzx(x86::eax, x86::al);
    storeSmall(2, x86::rax);
    --depth_;
    break;
  case OP_ISZERO:
    as_.mov(x86::rax, limb(1, 0));
    for (int i = 1; i < 4; ++i)
      as_.or_(x86::rax, limb(1, i));
    as_.sete(x86::al);
    as_.movzx(x86::eax, x86::al);
    storeSmall(1, x86::rax);
    break;
  case OP_AND:
  case OP_OR:
  case OP_XOR:
    for (int i = 0; i < 4; ++i) {
      as_.mov(x86::rax, limb(1, i));
      if (op == OP_AND)
        as_.and_(limb(2, i), x86::rax);
      else if (op == OP_OR)
        as_.or_(limb(2, i), x86::rax);
      else
        as_.xor_(limb(2, i), x86::rax);
    }
    --depth_;
    break;
  case OP_NOT:
    for (int i = 0; i < 4; ++i)
      as_.not_(limb(1, i));
    break;
  case OP_BYTE:
    callBinary(METIS_BUILTIN_BYTE);
    break;
  case OP_SHL:
  case OP_SHR:
  case OP_SAR:
    if (std::optional<uint64_t> shift = known(1))
      shiftByConstant(op, *shift);
    else
      callBinary(op == OP_SHL   ? METIS_BUILTIN_SHL
                 : op == OP_SHR ? METIS_BUILTIN_SHR
                                : METIS_BUILTIN_SAR);
    break;
  case OP_CALLDATASIZE:
    as_.mov(x86::rax, x86::qword_ptr(kCtx, kCalldataSizeField));
    storeSmall(0, x86::rax);
    ++depth_;
    break;
  case OP_ADDRESS:
  case OP_ORIGIN:
  case OP_CALLER:
  case OP_CALLVALUE:
  case OP_CODESIZE:
  case OP_GASPRICE:
  case OP_RETURNDATASIZE:
  case OP_COINBASE:
  case OP_TIMESTAMP:
  case OP_NUMBER:
  case OP_PREVRANDAO:
  case OP_GASLIMIT:
  case OP_CHAINID:
  case OP_SELFBALANCE:
  case OP_BASEFEE:
  case OP_BLOBBASEFEE:
  case OP_MSIZE:
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::esi, imm(op));
    addressOf(x86::rdx, 0);
    callBuiltin(METIS_BUILTIN_ENV);
    ++depth_;
    break;
  case OP_BALANCE:
  case OP_EXTCODESIZE:
  case OP_EXTCODEHASH:
  case OP_CALLDATALOAD:
  case OP_BLOCKHASH:
  case OP_BLOBHASH:
  case OP_SLOAD:
  case OP_TLOAD:
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::esi, imm(op));
    addressOf(x86::rdx, 1);
    callBuiltin(METIS_BUILTIN_READ);
    checkStatus();
    break;
  case OP_CALLDATACOPY:
  case OP_CODECOPY:
  case OP_RETURNDATACOPY:
  case OP_MCOPY:
  case OP_EXTCODECOPY:
    copyToScratch(traits.stackIn);
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::esi, imm(op));
    as_.mov(x86::rdx, x86::rsp);
    callBuiltin(METIS_BUILTIN_COPY);
    checkStatus();
    depth_ -= traits.stackIn;
    break;
  case OP_POP:
    --depth_;
    break;
  case OP_MLOAD:
    accessMemory(32, inst, gasFrom);
    for (int i = 0; i < 4; ++i) {
      as_.mov(x86::rdx, x86::qword_ptr(x86::rcx, x86::rax, 0, 8 * i));
      as_.bswap(x86::rdx);
      as_.mov(limb(1, 3 - i), x86::rdx);
    }
    break;
  case OP_MSTORE:
    accessMemory(32, inst, gasFrom);
    for (int i = 0; i < 4; ++i) {
      as_.mov(x86::rdx, limb(2, 3 - i));
      as_.bswap(x86::rdx);
      as_.mov(x86::qword_ptr(x86::rcx, x86::rax, 0, 8 * i), x86::rdx);
    }
    depth_ -= 2;
    break;
  case OP_MSTORE8:
    accessMemory(1, inst, gasFrom);
    as_.movzx(x86::edx, x86::byte_ptr(kTop, displacement(2)));
    as_.mov(x86::byte_ptr(x86::rcx, x86::rax), x86::dl);
    depth_ -= 2;
    break;
  case OP_SSTORE:
    as_.mov(x86::rdi, kCtx);
    addressOf(x86::rsi, 1);
    addressOf(x86::rdx, 2);
    as_.mov(x86::rcx, imm(gasAfter));
    callBuiltin(METIS_BUILTIN_SSTORE);
    checkStatus();
    depth_ -= 2;
    break;
  case OP_TSTORE:
    as_.mov(x86::rdi, kCtx);
    addressOf(x86::rsi, 1);
    addressOf(x86::rdx, 2);
    callBuiltin(METIS_BUILTIN_TSTORE);
    checkStatus();
    depth_ -= 2;
    break;
  case OP_JUMP:
    if (std::optional<uint64_t> target = known(1)) {
      --depth_;
      commitDepth();
      jumpToConstant(*target);
    } else {
      loadJumpTarget(1);
      --depth_;
      commitDepth();
      as_.jmp(dispatch_);
    }
    return false;
  case OP_JUMPI: {
    std::optional<uint64_t> target = known(1);
    as_.mov(x86::rax, limb(2, 0));
    for (int i = 1; i < 4; ++i)
      as_.or_(x86::rax, limb(2, i));
    depth_ -= 2;
    if (target) {
      const int32_t newTop = depth_ * kWordBytes;
      if (newTop != 0)
        as_.lea(kTop, x86::ptr(kTop, newTop)); // lea keeps the flags
      int block = *target < analysis_.code().size() ? analysis_.blockAt(*target) : -1;
      as_.jnz(block >= 0 && analysis_.blocks()[block].isJumpdest ? blockLabels_[block] : badJump_);
      depth_ = 0;
    } else {
      Label notTaken = as_.newLabel();
      as_.jz(notTaken);
      depth_ += 2;
      loadJumpTarget(1);
      depth_ -= 2;
      commitDepth();
      as_.jmp(dispatch_);
      as_.bind(notTaken);
      depth_ = depthBefore - 2;
      commitDepth();
    }
    return true; // the next block is the fall-through
  }
  case OP_PC:
    pushConstant(Word(inst.pc));
    return true;
  case OP_GAS:
    // What instruction-by-instruction charging would leave: the rest of the block is prepaid.
    as_.mov(x86::rax, x86::qword_ptr(kCtx, kGasField));
    if (gasAfter != 0)
      as_.add(x86::rax, imm(gasAfter));
    storeSmall(0, x86::rax);
    ++depth_;
    break;
  case OP_JUMPDEST:
    break;
  case OP_PUSH0:
    pushConstant(Word{});
    return true;
  case OP_LOG0:
  case OP_LOG1:
  case OP_LOG2:
  case OP_LOG3:
  case OP_LOG4:
    copyToScratch(traits.stackIn);
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::rsi, x86::rsp);
    as_.mov(x86::edx, imm(op - OP_LOG0));
    callBuiltin(METIS_BUILTIN_LOG);
    checkStatus();
    depth_ -= traits.stackIn;
    break;
  case OP_CREATE:
  case OP_CREATE2:
  case OP_CALL:
  case OP_CALLCODE:
  case OP_DELEGATECALL:
  case OP_STATICCALL:
    copyToScratch(traits.stackIn);
    as_.mov(x86::rdi, kCtx);
    as_.mov(x86::esi, imm(op));
    as_.mov(x86::rdx, x86::rsp);
    as_.mov(x86::rcx, imm(gasAfter));
    addressOf(x86::r8, traits.stackIn);
    callBuiltin(METIS_BUILTIN_CALL);
    checkStatus();
    depth_ -= traits.stackIn - 1;
    break;
  case OP_RETURN:
  case OP_REVERT:
    as_.mov(x86::rdi, kCtx);
    addressOf(x86::rsi, 1);
    addressOf(x86::rdx, 2);
    as_.mov(x86::ecx, imm(op == OP_REVERT ? 1 : 0));
    callBuiltin(METIS_BUILTIN_RETURN);
    as_.jmp(exit_);
    return false;
  case OP_SELFDESTRUCT:
    as_.mov(x86::rdi, kCtx);
    addressOf(x86::rsi, 1);
    callBuiltin(METIS_BUILTIN_SELFDESTRUCT);
    as_.jmp(exit_);
    return false;
  case OP_INVALID:
    as_.mov(x86::eax, imm(METIS_INVALID_INSTRUCTION));
    as_.jmp(exit_);
    return false;
  default:
    as_.mov(x86::eax, imm(METIS_UNDEFINED_INSTRUCTION));
    as_.jmp(exit_);
    return false;
  }
  for (int k = 1; k <= depth_ - (depthBefore - traits.stackIn); ++k)
    setKnown(k, std::nullopt);
  return true;
}

void Emitter::emitShared() {
  // rcx = the offset to resume at; r12 is the top.
  as_.bind(resume_);
  as_.mov(x86::qword_ptr(kCtx, kResumePcField), x86::rcx);
  as_.mov(x86::rax, kTop);
  as_.sub(x86::rax, kBase);
  as_.shr(x86::rax, imm(5));
  as_.mov(x86::qword_ptr(kCtx, kHeightField), x86::rax);
  as_.mov(x86::eax, imm(METIS_RESUME));
  as_.jmp(exit_);

  as_.bind(badJump_);
  as_.mov(x86::eax, imm(METIS_BAD_JUMP_DESTINATION));

  as_.bind(exit_);
  as_.add(x86::rsp, imm(kFrameBytes));
  for (const x86::Gp &reg : {x86::r15, x86::r14, x86::r13, x86::r12, x86::rbx, x86::rbp})
    as_.pop(reg);
  as_.ret();

  // rax = a jump target below 2^64; the table maps each code offset to its JUMPDEST's block.
  as_.bind(dispatch_);
  as_.cmp(x86::rax, imm(uint32_t(analysis_.code().size())));
  as_.jae(badJump_);
  as_.lea(x86::rcx, x86::ptr(table_));
  as_.movsxd(x86::rdx, x86::dword_ptr(x86::rcx, x86::rax, 2));
  as_.add(x86::rdx, x86::rcx);
  as_.jmp(x86::rdx);
}

void Emitter::emitJumpTable() {
  as_.align(asmjit::AlignMode::kData, 4);
  as_.bind(table_);
  const auto &blocks = analysis_.blocks();
  for (uint64_t pc = 0; pc < analysis_.code().size(); ++pc) {
    int block = analysis_.blockAt(pc);
    as_.embedLabelDelta(block >= 0 && blocks[block].isJumpdest ? blockLabels_[block] : badJump_,
                        table_, 4);
  }
}

} // namespace

llvm::Expected<EmittedCode> emitContract(BytesView code) {
  ContractAnalysis analysis(code);
  asmjit::CodeHolder holder;
  ErrorRecorder errors;
  holder.init(asmjit::Environment::host());
  holder.setErrorHandler(&errors);
  x86::Assembler as(&holder);
  Emitter(analysis, as).emit();
  if (!errors.error)
    errors.error = holder.flatten();
  if (!errors.error)
    errors.error = holder.resolveUnresolvedLinks();
  if (!errors.error && (holder.hasUnresolvedLinks() || !holder.relocEntries().empty()))
    errors.error = asmjit::kErrorInvalidState;
  if (errors.error)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "baseline emitter: " + (errors.text.empty()
                                    ? std::string(asmjit::DebugUtils::errorAsString(errors.error))
                                    : errors.text));
  EmittedCode result;
  const asmjit::CodeBuffer &buffer = holder.textSection()->buffer();
  result.bytes.assign(buffer.data(), buffer.data() + buffer.size());
  result.blocks = uint32_t(analysis.blocks().size());
  result.instructions = uint32_t(analysis.instructions().size());
  return result;
}

} // namespace metis::baseline
