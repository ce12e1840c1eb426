//===- MetisToLLVMPatterns.cpp - One lowering per metis op family ------------===//
#include "MetisToLLVMCommon.h"
#include "metis/Conversion/Passes.h"
#include "metis/Dialect/Metis/IR/MetisOpcodes.h"
#include "metis/runtime/abi.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"

using namespace mlir;
using namespace metis;
using namespace metis::lowering;

namespace {

using States = std::shared_ptr<FunctionStates>;

/// A pattern with the shared per-function state.
template <typename Op> struct MetisPattern : ConvertOpToLLVMPattern<Op> {
  MetisPattern(LLVMTypeConverter &converter, States states)
      : ConvertOpToLLVMPattern<Op>(converter), states(std::move(states)) {}
  LoweringHelper helper(ConversionPatternRewriter &rewriter, Op op) const {
    return LoweringHelper(rewriter, op, *states);
  }
  States states;
};

#define METIS_PATTERN(Name, Op)                                                                    \
  struct Name : MetisPattern<Op> {                                                                 \
    using MetisPattern::MetisPattern;                                                              \
    LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,                             \
                                  ConversionPatternRewriter &rewriter) const override;             \
  };                                                                                               \
  LogicalResult Name::matchAndRewrite(Op op, typename Op::Adaptor adaptor,                         \
                                      ConversionPatternRewriter &rewriter) const

//===----------------------------------------------------------------------===//
// Constants and inline arithmetic
//===----------------------------------------------------------------------===//

METIS_PATTERN(ConstantOpLowering, ConstantOp) {
  rewriter.replaceOpWithNewOp<LLVM::ConstantOp>(op, op.getType(), op.getValue());
  return success();
}

METIS_PATTERN(PcOpLowering, PcOp) {
  LoweringHelper h = helper(rewriter, op);
  rewriter.replaceOp(op, h.wordConst(uint64_t(op.getOffset())));
  return success();
}

template <typename Op, typename LLVMOp> struct BinaryLowering : ConvertOpToLLVMPattern<Op> {
  using ConvertOpToLLVMPattern<Op>::ConvertOpToLLVMPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVMOp>(op, adaptor.getLhs(), adaptor.getRhs());
    return success();
  }
};

METIS_PATTERN(NotOpLowering, NotOp) {
  LoweringHelper h = helper(rewriter, op);
  rewriter.replaceOpWithNewOp<LLVM::XOrOp>(op, adaptor.getOperand(),
                                           h.wordConst(APInt::getAllOnes(256)));
  return success();
}

template <typename Op, LLVM::ICmpPredicate Pred>
struct CompareLowering : ConvertOpToLLVMPattern<Op> {
  using ConvertOpToLLVMPattern<Op>::ConvertOpToLLVMPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Value c = rewriter.create<LLVM::ICmpOp>(op.getLoc(), Pred, adaptor.getLhs(), adaptor.getRhs());
    rewriter.replaceOpWithNewOp<LLVM::ZExtOp>(op, op.getType(), c);
    return success();
  }
};

METIS_PATTERN(IsZeroOpLowering, IsZeroOp) {
  LoweringHelper h = helper(rewriter, op);
  Value c = rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::eq,
                                          adaptor.getOperand(), h.wordConst(0));
  rewriter.replaceOpWithNewOp<LLVM::ZExtOp>(op, op.getType(), c);
  return success();
}

/// EVM shifts: LLVM's are poison from 256 on, so select the EVM's answer there (the
/// unselected poison is harmless).
template <typename Op, typename LLVMShift, bool Arithmetic>
struct ShiftLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    Value shift = adaptor.getLhs(), value = adaptor.getRhs();
    Value big = rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::uge, shift,
                                              h.wordConst(256));
    Value shifted = rewriter.create<LLVMShift>(op.getLoc(), value, shift);
    Value out =
        Arithmetic ? rewriter.create<LLVM::AShrOp>(op.getLoc(), value, h.wordConst(255)).getResult()
                   : h.wordConst(0);
    rewriter.replaceOpWithNewOp<LLVM::SelectOp>(op, big, out, shifted);
    return success();
  }
};

METIS_PATTERN(ByteOpLowering, ByteOp) {
  LoweringHelper h = helper(rewriter, op);
  Location loc = op.getLoc();
  Value i = adaptor.getLhs(), x = adaptor.getRhs();
  Value outOfRange =
      rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::uge, i, h.wordConst(32));
  // (x >> (8 * (31 - i))) & 0xff
  Value shift = rewriter.create<LLVM::MulOp>(
      loc, rewriter.create<LLVM::SubOp>(loc, h.wordConst(31), i), h.wordConst(8));
  Value byte = rewriter.create<LLVM::AndOp>(loc, rewriter.create<LLVM::LShrOp>(loc, x, shift),
                                            h.wordConst(0xff));
  rewriter.replaceOpWithNewOp<LLVM::SelectOp>(op, outOfRange, h.wordConst(0), byte);
  return success();
}

METIS_PATTERN(SignExtendOpLowering, SignExtendOp) {
  LoweringHelper h = helper(rewriter, op);
  Location loc = op.getLoc();
  Value b = adaptor.getLhs(), x = adaptor.getRhs();
  Value keep = rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::uge, b, h.wordConst(31));
  // shift = 256 - 8 * (b + 1); (x << shift) >>s shift
  Value bits = rewriter.create<LLVM::MulOp>(
      loc, rewriter.create<LLVM::AddOp>(loc, b, h.wordConst(1)), h.wordConst(8));
  Value shift = rewriter.create<LLVM::SubOp>(loc, h.wordConst(256), bits);
  Value extended =
      rewriter.create<LLVM::AShrOp>(loc, rewriter.create<LLVM::ShlOp>(loc, x, shift), shift);
  rewriter.replaceOpWithNewOp<LLVM::SelectOp>(op, keep, x, extended);
  return success();
}

/// ADDMOD and MULMOD through the runtime (LLVM's i256 division is a slow
/// bit-serial loop).
template <typename Op> struct ArithBuiltinLowering : MetisPattern<Op> {
  ArithBuiltinLowering(LLVMTypeConverter &converter, States states, StringRef builtin)
      : MetisPattern<Op>(converter, std::move(states)), builtin(builtin) {}
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    SmallVector<Value> args{h.scratch(0)};
    unsigned i = 1;
    for (Value operand : adaptor.getOperands())
      args.push_back(h.spill(i++, operand));
    h.callVoid(builtin, args);
    rewriter.replaceOp(op, h.reload(0));
    return success();
  }
  std::string builtin;
};

/// DIV, MOD, SDIV and SMOD: a marker::kDivide, which keeps narrow operands in registers.
template <typename Op, DivideKind Kind> struct DivisionLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    Value r = h.call(marker::kDivide, h.word(),
                     {h.i32Const(int32_t(Kind)), h.scratch(0), h.scratch(1), h.scratch(2),
                      adaptor.getLhs(), adaptor.getRhs()});
    rewriter.replaceOp(op, r);
    return success();
  }
};

METIS_PATTERN(ExpOpLowering, ExpOp) {
  LoweringHelper h = helper(rewriter, op);
  Value base = h.spill(1, adaptor.getBase()), exponent = h.spill(2, adaptor.getExponent());
  Value status = h.call("metis_rt_exp", h.i32(), {h.ctx(), h.scratch(0), base, exponent});
  h.checkStatus(status);
  rewriter.replaceOp(op, h.reload(0));
  return success();
}

METIS_PATTERN(Keccak256OpLowering, Keccak256Op) {
  LoweringHelper h = helper(rewriter, op);
  Value offset = h.spill(1, adaptor.getOffset()), size = h.spill(2, adaptor.getSize());
  Value status = h.call("metis_rt_keccak256", h.i32(), {h.ctx(), h.scratch(0), offset, size});
  h.checkStatus(status);
  rewriter.replaceOp(op, h.reload(0));
  return success();
}

//===----------------------------------------------------------------------===//
// Environment, storage, copies, logs, calls
//===----------------------------------------------------------------------===//

/// Facts of the frame: metis_rt_env(ctx, opcode, out).
template <OpcodeOp Op> struct EnvLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    h.callVoid("metis_rt_env", {h.ctx(), h.i32Const(Op::kOpcode), h.scratch(0)});
    rewriter.replaceOp(op, h.reload(0));
    return success();
  }
};

/// One-operand reads: metis_rt_read(ctx, opcode, io).
template <OpcodeOp Op> struct ReadLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    Value io = h.spill(0, adaptor.getOperand());
    Value status = h.call("metis_rt_read", h.i32(), {h.ctx(), h.i32Const(Op::kOpcode), io});
    h.checkStatus(status);
    rewriter.replaceOp(op, h.reload(0));
    return success();
  }
};

METIS_PATTERN(SelectorOpLowering, SelectorOp) {
  LoweringHelper h = helper(rewriter, op);
  Value io = h.spill(0, h.wordConst(0));
  h.call("metis_rt_read", h.i32(), {h.ctx(), h.i32Const(CallDataLoadOp::kOpcode), io});
  rewriter.replaceOpWithNewOp<LLVM::LShrOp>(op, h.reload(0), h.wordConst(224));
  return success();
}

/// Copies into memory: metis_rt_copy(ctx, opcode, args).
template <OpcodeOp Op> struct CopyLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    unsigned i = 0;
    for (Value operand : adaptor.getOperands())
      h.spill(i++, operand);
    Value status =
        h.call("metis_rt_copy", h.i32(), {h.ctx(), h.i32Const(Op::kOpcode), h.scratch(0)});
    h.checkStatus(status);
    rewriter.eraseOp(op);
    return success();
  }
};

METIS_PATTERN(SStoreOpLowering, SStoreOp) {
  LoweringHelper h = helper(rewriter, op);
  Value key = h.spill(0, adaptor.getKey()), value = h.spill(1, adaptor.getValue());
  Value status = h.call("metis_rt_sstore", h.i32(),
                        {h.ctx(), key, value, h.i64Const(int64_t(op.getPrepaid()))});
  h.checkStatus(status);
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(TStoreOpLowering, TStoreOp) {
  LoweringHelper h = helper(rewriter, op);
  Value key = h.spill(0, adaptor.getKey()), value = h.spill(1, adaptor.getValue());
  Value status = h.call("metis_rt_tstore", h.i32(), {h.ctx(), key, value});
  h.checkStatus(status);
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(LogOpLowering, LogOp) {
  LoweringHelper h = helper(rewriter, op);
  unsigned i = 0;
  for (Value operand : adaptor.getOperands())
    h.spill(i++, operand);
  Value status = h.call("metis_rt_log", h.i32(),
                        {h.ctx(), h.scratch(0), h.i32Const(int32_t(op.getTopics().size()))});
  h.checkStatus(status);
  rewriter.eraseOp(op);
  return success();
}

/// The CALL family and creates: metis_rt_call(ctx, opcode, args, prepaid, out).
template <OpcodeOp Op> struct CallLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    unsigned i = 0;
    for (Value operand : adaptor.getOperands())
      h.spill(i++, operand);
    Value status = h.call("metis_rt_call", h.i32(),
                          {h.ctx(), h.i32Const(Op::kOpcode), h.scratch(0),
                           h.i64Const(int64_t(op.getPrepaid())), h.scratch(7)});
    h.checkStatus(status);
    rewriter.replaceOp(op, h.reload(7));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Memory: a bounds check inline, a call only to grow
//===----------------------------------------------------------------------===//

/// Makes memory[offset, offset + size) valid (size is 1 or 32) and returns a pointer to it.
/// An access marked in bounds (metis-elide-memory-checks) is valid already: only the pointer.
Value memoryAccess(LoweringHelper &h, ConversionPatternRewriter &rewriter, Operation *op,
                   Value offset, int64_t size) {
  Location loc = h.loc();
  if (op->hasAttr(kInBoundsAttr)) {
    Value off64 = rewriter.create<LLVM::TruncOp>(loc, h.i64(), offset);
    Value base = h.loadField(kMemory, h.ptr());
    return rewriter.create<LLVM::GEPOp>(loc, h.ptr(), rewriter.getI8Type(), base,
                                        ValueRange{off64});
  }
  // Offsets above 2^32 cannot be paid for: out of gas, as in the interpreter.
  Value tooFar = rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ugt, offset,
                                               h.wordConst(0xffffffffull));
  h.haltIf(tooFar, METIS_OUT_OF_GAS);
  Value off64 = rewriter.create<LLVM::TruncOp>(loc, h.i64(), offset);
  Value end = rewriter.create<LLVM::AddOp>(loc, off64, h.i64Const(size));
  Value memSize = h.loadField(kMemorySize, h.i64());
  Value mustGrow = rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ugt, end, memSize);
  h.growIf(mustGrow, end); // on a cold path
  Value base = h.loadField(kMemory, h.ptr());
  return rewriter.create<LLVM::GEPOp>(loc, h.ptr(), rewriter.getI8Type(), base, ValueRange{off64});
}

METIS_PATTERN(MLoadOpLowering, MLoadOp) {
  LoweringHelper h = helper(rewriter, op);
  Value p = memoryAccess(h, rewriter, op, adaptor.getOperand(), 32);
  Value raw = rewriter.create<LLVM::LoadOp>(op.getLoc(), h.word(), p, 1);
  rewriter.replaceOpWithNewOp<LLVM::ByteSwapOp>(op, raw);
  return success();
}

METIS_PATTERN(MStoreOpLowering, MStoreOp) {
  LoweringHelper h = helper(rewriter, op);
  Value p = memoryAccess(h, rewriter, op, adaptor.getOffset(), 32);
  Value swapped = rewriter.create<LLVM::ByteSwapOp>(op.getLoc(), adaptor.getValue());
  rewriter.create<LLVM::StoreOp>(op.getLoc(), swapped, p, 1);
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(MStore8OpLowering, MStore8Op) {
  LoweringHelper h = helper(rewriter, op);
  Value p = memoryAccess(h, rewriter, op, adaptor.getOffset(), 1);
  Value byte =
      rewriter.create<LLVM::TruncOp>(op.getLoc(), rewriter.getI8Type(), adaptor.getValue());
  rewriter.create<LLVM::StoreOp>(op.getLoc(), byte, p, 1);
  rewriter.eraseOp(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Gas, stack bookkeeping
//===----------------------------------------------------------------------===//

METIS_PATTERN(GasChargeOpLowering, GasChargeOp) {
  LoweringHelper h = helper(rewriter, op);
  Value gas = h.loadField(kGas, h.i64());
  Value left = rewriter.create<LLVM::SubOp>(op.getLoc(), gas, h.i64Const(op.getAmount()));
  h.storeField(kGas, left);
  Value out =
      rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::slt, left, h.i64Const(0));
  if (std::optional<uint64_t> pc = op.getResumePc())
    h.resumeIf(out, *pc, op.getAmount(), adaptor.getStack());
  else
    h.haltIf(out, METIS_OUT_OF_GAS);
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(GasOpLowering, GasOp) {
  LoweringHelper h = helper(rewriter, op);
  Value gas = h.loadField(kGas, h.i64());
  Value seen = rewriter.create<LLVM::AddOp>(op.getLoc(), gas, h.i64Const(int64_t(op.getPrepaid())));
  rewriter.replaceOpWithNewOp<LLVM::ZExtOp>(op, h.word(), seen);
  return success();
}

METIS_PATTERN(StackCheckOpLowering, StackCheckOp) {
  LoweringHelper h = helper(rewriter, op);
  Location loc = op.getLoc();
  // The EVM stack is the in-memory part plus the SSA window.
  int64_t window = int64_t(op.getWindow());
  Value height =
      rewriter.create<LLVM::AddOp>(loc, h.loadField(kStackHeight, h.i64()), h.i64Const(window));
  std::optional<uint64_t> resumePc = op.getResumePc();
  Value fails; // with resume_pc: either failure, the interpreter tells which comes first
  if (op.getRequired() > window) {
    Value under = rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ult, height,
                                                h.i64Const(op.getRequired()));
    if (resumePc)
      fails = under;
    else
      h.haltIf(under, METIS_STACK_UNDERFLOW);
  }
  if (op.getGrowth() > 0) {
    // Signed: a block growing by more than 1024 words has a negative limit, and must fail.
    Value over = rewriter.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sgt, height,
                                               h.i64Const(kStackLimit - op.getGrowth()));
    if (resumePc)
      fails = fails ? rewriter.create<LLVM::OrOp>(loc, fails, over).getResult() : over;
    else
      h.haltIf(over, METIS_STACK_OVERFLOW);
  }
  if (fails)
    h.resumeIf(fails, *resumePc, int64_t(op.getPrepaid()), adaptor.getStack());
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(StackPushOpLowering, StackPushOp) {
  LoweringHelper h = helper(rewriter, op);
  pushWords(rewriter, op.getLoc(), h.ctx(), adaptor.getValues());
  rewriter.eraseOp(op);
  return success();
}

METIS_PATTERN(StackPopOpLowering, StackPopOp) {
  LoweringHelper h = helper(rewriter, op);
  Location loc = op.getLoc();
  int64_t n = int64_t(op.getNumResults());
  Value height = h.loadField(kStackHeight, h.i64());
  Value newHeight = rewriter.create<LLVM::SubOp>(loc, height, h.i64Const(n));
  Value base = h.loadField(kStack, h.ptr());
  SmallVector<Value> values;
  for (int64_t i = 0; i < n; ++i) {
    Value idx = rewriter.create<LLVM::AddOp>(loc, newHeight, h.i64Const(i));
    Value p = rewriter.create<LLVM::GEPOp>(loc, h.ptr(), h.word(), base, ValueRange{idx});
    values.push_back(rewriter.create<LLVM::LoadOp>(loc, h.word(), p, 8));
  }
  h.storeField(kStackHeight, newHeight);
  rewriter.replaceOp(op, values);
  return success();
}

//===----------------------------------------------------------------------===//
// Control flow and frame ends
//===----------------------------------------------------------------------===//

METIS_PATTERN(JumpOpLowering, JumpOp) {
  rewriter.replaceOpWithNewOp<LLVM::BrOp>(op, adaptor.getDestOperands(), op.getDest());
  return success();
}

METIS_PATTERN(JumpIOpLowering, JumpIOp) {
  LoweringHelper h = helper(rewriter, op);
  Value taken = rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::ne,
                                              adaptor.getCondition(), h.wordConst(0));
  rewriter.replaceOpWithNewOp<LLVM::CondBrOp>(op, taken, op.getTrueDest(),
                                              adaptor.getTrueOperands(), op.getFalseDest(),
                                              adaptor.getFalseOperands());
  return success();
}

METIS_PATTERN(JumpIZeroOpLowering, JumpIZeroOp) {
  LoweringHelper h = helper(rewriter, op);
  Value zero = rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::eq,
                                             adaptor.getValue(), h.wordConst(0));
  rewriter.replaceOpWithNewOp<LLVM::CondBrOp>(op, zero, op.getTrueDest(), adaptor.getTrueOperands(),
                                              op.getFalseDest(), adaptor.getFalseOperands());
  return success();
}

METIS_PATTERN(DispatchOpLowering, DispatchOp) {
  SmallVector<APInt> values;
  for (int64_t offset : op.getTargets())
    values.push_back(APInt(256, uint64_t(offset)));
  SmallVector<Block *> dests(op.getCases().begin(), op.getCases().end());
  SmallVector<ValueRange> operands(dests.size(), ValueRange());
  rewriter.replaceOpWithNewOp<LLVM::SwitchOp>(op, adaptor.getTarget(), op.getDefaultDest(),
                                              ValueRange(), values, dests, operands);
  return success();
}

/// A terminator that ends the frame with a fixed status.
template <typename Op> struct HaltLowering : MetisPattern<Op> {
  HaltLowering(LLVMTypeConverter &converter, States states, int32_t status)
      : MetisPattern<Op>(converter, std::move(states)), status(status) {}
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(op, h.i32Const(status));
    return success();
  }
  int32_t status;
};

METIS_PATTERN(TrapOpLowering, TrapOp) {
  LoweringHelper h = helper(rewriter, op);
  rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(op, h.i32Const(int32_t(op.getReason())));
  return success();
}

//===----------------------------------------------------------------------===//
// Regions: entering at an offset, leaving for another region or the interpreter
//===----------------------------------------------------------------------===//

METIS_PATTERN(EntryOffsetOpLowering, EntryOffsetOp) {
  LoweringHelper h = helper(rewriter, op);
  rewriter.replaceOpWithNewOp<LLVM::ZExtOp>(op, h.word(), h.entryOffset());
  return success();
}

METIS_PATTERN(ExitOpLowering, ExitOp) {
  LoweringHelper h = helper(rewriter, op);
  Value pc = h.i64Const(int64_t(op.getOffset()));
  if (std::optional<uint64_t> region = op.getRegion()) {
    h.tailCallEntry(op, METIS_REGION_ENTRY_PREFIX + std::to_string(*region), pc);
    return success();
  }
  h.storeField(kResumePc, pc);
  rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(op, h.i32Const(METIS_RESUME));
  return success();
}

METIS_PATTERN(RedispatchOpLowering, RedispatchOp) {
  LoweringHelper h = helper(rewriter, op);
  Value target = adaptor.getTarget();
  Value wide = rewriter.create<LLVM::ICmpOp>(op.getLoc(), LLVM::ICmpPredicate::ugt, target,
                                             h.wordConst(UINT64_MAX));
  h.haltIf(wide, METIS_BAD_JUMP_DESTINATION);
  Value pc = rewriter.create<LLVM::TruncOp>(op.getLoc(), h.i64(), target);
  h.tailCallEntry(op, METIS_CONTRACT_ENTRY, pc);
  return success();
}

template <typename Op, bool Revert> struct OutputLowering : MetisPattern<Op> {
  using MetisPattern<Op>::MetisPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    LoweringHelper h = this->helper(rewriter, op);
    Value offset = h.spill(0, adaptor.getOffset()), size = h.spill(1, adaptor.getSize());
    Value status = h.call("metis_rt_return", h.i32(), {h.ctx(), offset, size, h.i32Const(Revert)});
    rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(op, status);
    return success();
  }
};

METIS_PATTERN(SelfDestructOpLowering, SelfDestructOp) {
  LoweringHelper h = helper(rewriter, op);
  Value beneficiary = h.spill(0, adaptor.getBeneficiary());
  Value status = h.call("metis_rt_selfdestruct", h.i32(), {h.ctx(), beneficiary});
  rewriter.replaceOpWithNewOp<LLVM::ReturnOp>(op, status);
  return success();
}

//===----------------------------------------------------------------------===//
// The patterns, one per op
//===----------------------------------------------------------------------===//

using AddOpLowering = BinaryLowering<AddOp, LLVM::AddOp>;
using SubOpLowering = BinaryLowering<SubOp, LLVM::SubOp>;
using MulOpLowering = BinaryLowering<MulOp, LLVM::MulOp>;
using AndOpLowering = BinaryLowering<AndOp, LLVM::AndOp>;
using OrOpLowering = BinaryLowering<OrOp, LLVM::OrOp>;
using XorOpLowering = BinaryLowering<XorOp, LLVM::XOrOp>;
using LtOpLowering = CompareLowering<LtOp, LLVM::ICmpPredicate::ult>;
using GtOpLowering = CompareLowering<GtOp, LLVM::ICmpPredicate::ugt>;
using SLtOpLowering = CompareLowering<SLtOp, LLVM::ICmpPredicate::slt>;
using SGtOpLowering = CompareLowering<SGtOp, LLVM::ICmpPredicate::sgt>;
using EqOpLowering = CompareLowering<EqOp, LLVM::ICmpPredicate::eq>;
using ShlOpLowering = ShiftLowering<ShlOp, LLVM::ShlOp, false>;
using ShrOpLowering = ShiftLowering<ShrOp, LLVM::LShrOp, false>;
using SarOpLowering = ShiftLowering<SarOp, LLVM::AShrOp, true>;
using DivOpLowering = DivisionLowering<DivOp, DivideKind::UDiv>;
using SDivOpLowering = DivisionLowering<SDivOp, DivideKind::SDiv>;
using ModOpLowering = DivisionLowering<ModOp, DivideKind::URem>;
using SModOpLowering = DivisionLowering<SModOp, DivideKind::SMod>;
using AddModOpLowering = ArithBuiltinLowering<AddModOp>;
using MulModOpLowering = ArithBuiltinLowering<MulModOp>;
using AddressOpLowering = EnvLowering<AddressOp>;
using OriginOpLowering = EnvLowering<OriginOp>;
using CallerOpLowering = EnvLowering<CallerOp>;
using CallValueOpLowering = EnvLowering<CallValueOp>;
using CallDataSizeOpLowering = EnvLowering<CallDataSizeOp>;
using CodeSizeOpLowering = EnvLowering<CodeSizeOp>;
using GasPriceOpLowering = EnvLowering<GasPriceOp>;
using ReturnDataSizeOpLowering = EnvLowering<ReturnDataSizeOp>;
using CoinbaseOpLowering = EnvLowering<CoinbaseOp>;
using TimestampOpLowering = EnvLowering<TimestampOp>;
using NumberOpLowering = EnvLowering<NumberOp>;
using PrevRandaoOpLowering = EnvLowering<PrevRandaoOp>;
using GasLimitOpLowering = EnvLowering<GasLimitOp>;
using ChainIdOpLowering = EnvLowering<ChainIdOp>;
using SelfBalanceOpLowering = EnvLowering<SelfBalanceOp>;
using BaseFeeOpLowering = EnvLowering<BaseFeeOp>;
using BlobBaseFeeOpLowering = EnvLowering<BlobBaseFeeOp>;
using MSizeOpLowering = EnvLowering<MSizeOp>;
using CallDataLoadOpLowering = ReadLowering<CallDataLoadOp>;
using BalanceOpLowering = ReadLowering<BalanceOp>;
using ExtCodeSizeOpLowering = ReadLowering<ExtCodeSizeOp>;
using ExtCodeHashOpLowering = ReadLowering<ExtCodeHashOp>;
using BlockHashOpLowering = ReadLowering<BlockHashOp>;
using BlobHashOpLowering = ReadLowering<BlobHashOp>;
using SLoadOpLowering = ReadLowering<SLoadOp>;
using TLoadOpLowering = ReadLowering<TLoadOp>;
using CallDataCopyOpLowering = CopyLowering<CallDataCopyOp>;
using CodeCopyOpLowering = CopyLowering<CodeCopyOp>;
using ReturnDataCopyOpLowering = CopyLowering<ReturnDataCopyOp>;
using ExtCodeCopyOpLowering = CopyLowering<ExtCodeCopyOp>;
using MCopyOpLowering = CopyLowering<MCopyOp>;
using CallOpLowering = CallLowering<CallOp>;
using CallCodeOpLowering = CallLowering<CallCodeOp>;
using DelegateCallOpLowering = CallLowering<DelegateCallOp>;
using StaticCallOpLowering = CallLowering<StaticCallOp>;
using CreateOpLowering = CallLowering<CreateOp>;
using Create2OpLowering = CallLowering<Create2Op>;
using ReturnOpLowering = OutputLowering<ReturnOp, false>;
using RevertOpLowering = OutputLowering<RevertOp, true>;
using StopOpLowering = HaltLowering<StopOp>;
using InvalidOpLowering = HaltLowering<InvalidOp>;

} // namespace

void metis::populateMetisToLLVMConversionPatterns(LLVMTypeConverter &converter,
                                                  RewritePatternSet &patterns) {
  // clang-format off
  patterns.add<
    AddOpLowering,
    SubOpLowering,
    MulOpLowering,
    AndOpLowering,
    OrOpLowering,
    XorOpLowering,
    LtOpLowering,
    GtOpLowering,
    SLtOpLowering,
    SGtOpLowering,
    EqOpLowering
  >(converter);

  auto states = std::make_shared<FunctionStates>();
  patterns.add<
    ConstantOpLowering,
    PcOpLowering,
    NotOpLowering,
    IsZeroOpLowering,
    ShlOpLowering,
    ShrOpLowering,
    SarOpLowering,
    ByteOpLowering,
    SignExtendOpLowering,
    DivOpLowering,
    SDivOpLowering,
    ModOpLowering,
    SModOpLowering,
    ExpOpLowering,
    Keccak256OpLowering,
    SelectorOpLowering,
    AddressOpLowering,
    OriginOpLowering,
    CallerOpLowering,
    CallValueOpLowering,
    CallDataSizeOpLowering,
    CodeSizeOpLowering,
    GasPriceOpLowering,
    ReturnDataSizeOpLowering,
    CoinbaseOpLowering,
    TimestampOpLowering,
    NumberOpLowering,
    PrevRandaoOpLowering,
    GasLimitOpLowering,
    ChainIdOpLowering,
    SelfBalanceOpLowering,
    BaseFeeOpLowering,
    BlobBaseFeeOpLowering,
    MSizeOpLowering,
    CallDataLoadOpLowering,
    BalanceOpLowering,
    ExtCodeSizeOpLowering,
    ExtCodeHashOpLowering,
    BlockHashOpLowering,
    BlobHashOpLowering,
    SLoadOpLowering,
    TLoadOpLowering,
    CallDataCopyOpLowering,
    CodeCopyOpLowering,
    ReturnDataCopyOpLowering,
    ExtCodeCopyOpLowering,
    MCopyOpLowering,
    SStoreOpLowering,
    TStoreOpLowering,
    LogOpLowering,
    CallOpLowering,
    CallCodeOpLowering,
    DelegateCallOpLowering,
    StaticCallOpLowering,
    CreateOpLowering,
    Create2OpLowering,
    MLoadOpLowering,
    MStoreOpLowering,
    MStore8OpLowering,
    GasChargeOpLowering,
    GasOpLowering,
    StackCheckOpLowering,
    StackPushOpLowering,
    StackPopOpLowering,
    JumpOpLowering,
    JumpIOpLowering,
    JumpIZeroOpLowering,
    DispatchOpLowering,
    EntryOffsetOpLowering,
    ExitOpLowering,
    RedispatchOpLowering,
    TrapOpLowering,
    ReturnOpLowering,
    RevertOpLowering,
    SelfDestructOpLowering
  >(converter, states);

  // The runtime's arithmetic builtins and the fixed halts, by name and status.
  patterns.add<AddModOpLowering>(converter, states, "metis_rt_addmod");
  patterns.add<MulModOpLowering>(converter, states, "metis_rt_mulmod");
  patterns.add<StopOpLowering>(converter, states, METIS_SUCCESS);
  patterns.add<InvalidOpLowering>(converter, states, METIS_INVALID_INSTRUCTION);
  // clang-format on
}
