//===- MetisToLLVMCommon.cpp - Helpers shared by the metis lowering ---------===//
#include "MetisToLLVMCommon.h"
#include "metis/runtime/abi.h"

using namespace mlir;

namespace metis::lowering {

Value contextField(OpBuilder &b, Location loc, Value ctx, int64_t offset) {
  return b.create<LLVM::GEPOp>(loc, ctx.getType(), b.getI8Type(), ctx,
                               ArrayRef<LLVM::GEPArg>{int32_t(offset)});
}

void pushWords(OpBuilder &b, Location loc, Value ctx, ValueRange words) {
  Type i64 = b.getI64Type(), ptr = ctx.getType();
  auto i64Const = [&](int64_t v) { return b.create<LLVM::ConstantOp>(loc, i64, v); };
  Value height = b.create<LLVM::LoadOp>(loc, i64, contextField(b, loc, ctx, kStackHeight), 8);
  Value base = b.create<LLVM::LoadOp>(loc, ptr, contextField(b, loc, ctx, kStack), 8);
  for (auto [i, w] : llvm::enumerate(words)) {
    Value idx = b.create<LLVM::AddOp>(loc, height, i64Const(int64_t(i)));
    Value p = b.create<LLVM::GEPOp>(loc, ptr, w.getType(), base, ValueRange{idx});
    b.create<LLVM::StoreOp>(loc, w, p, 8);
  }
  Value raised = b.create<LLVM::AddOp>(loc, height, i64Const(int64_t(words.size())));
  b.create<LLVM::StoreOp>(loc, raised, contextField(b, loc, ctx, kStackHeight), 8);
}

LoweringHelper::LoweringHelper(ConversionPatternRewriter &rewriter, Operation *op,
                               FunctionStates &states)
    : rewriter_(rewriter), states_(states), loc_(op->getLoc()),
      func_(op->getParentOfType<LLVM::LLVMFuncOp>()), ctx_(func_.getArgument(0)) {}

Value LoweringHelper::i64Const(int64_t v) {
  return rewriter_.create<LLVM::ConstantOp>(loc_, i64(), rewriter_.getI64IntegerAttr(v));
}

Value LoweringHelper::i32Const(int32_t v) {
  return rewriter_.create<LLVM::ConstantOp>(loc_, i32(), rewriter_.getI32IntegerAttr(v));
}

Value LoweringHelper::wordConst(const APInt &v) {
  return rewriter_.create<LLVM::ConstantOp>(loc_, word(), rewriter_.getIntegerAttr(word(), v));
}

Value LoweringHelper::fieldPtr(int64_t offset) {
  return contextField(rewriter_, loc_, ctx_, offset);
}

Value LoweringHelper::loadField(int64_t offset, Type type) {
  return rewriter_.create<LLVM::LoadOp>(loc_, type, fieldPtr(offset), 8);
}

void LoweringHelper::storeField(int64_t offset, Value value) {
  rewriter_.create<LLVM::StoreOp>(loc_, value, fieldPtr(offset), 8);
}

Value LoweringHelper::scratch(unsigned i) {
  FunctionState &state = states_[func_];
  if (!state.scratch) {
    OpBuilder::InsertionGuard guard(rewriter_);
    rewriter_.setInsertionPointToStart(&func_.getBody().front());
    Value count = rewriter_.create<LLVM::ConstantOp>(loc_, i64(), rewriter_.getI64IntegerAttr(8));
    state.scratch = rewriter_.create<LLVM::AllocaOp>(loc_, ptr(), word(), count, 16);
  }
  return rewriter_.create<LLVM::GEPOp>(loc_, ptr(), word(), state.scratch,
                                       ArrayRef<LLVM::GEPArg>{int32_t(i)});
}

Value LoweringHelper::spill(unsigned i, Value word) {
  Value p = scratch(i);
  rewriter_.create<LLVM::StoreOp>(loc_, word, p, 8);
  return p;
}

Value LoweringHelper::reload(unsigned i) {
  return rewriter_.create<LLVM::LoadOp>(loc_, word(), scratch(i), 8);
}

static LLVM::LLVMFuncOp declareBuiltin(ConversionPatternRewriter &rewriter, Operation *anchor,
                                       StringRef name, Type result, TypeRange args) {
  auto module = anchor->getParentOfType<ModuleOp>();
  if (auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return fn;
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(module.getBody());
  auto type = LLVM::LLVMFunctionType::get(result, SmallVector<Type>(args));
  return rewriter.create<LLVM::LLVMFuncOp>(anchor->getLoc(), name, type);
}

Value LoweringHelper::call(StringRef name, Type result, ValueRange args) {
  auto fn = declareBuiltin(rewriter_, func_, name, result, args.getTypes());
  return rewriter_.create<LLVM::CallOp>(loc_, fn, args).getResult();
}

void LoweringHelper::callVoid(StringRef name, ValueRange args) {
  auto fn = declareBuiltin(rewriter_, func_, name, LLVM::LLVMVoidType::get(rewriter_.getContext()),
                           args.getTypes());
  rewriter_.create<LLVM::CallOp>(loc_, fn, args);
}

void LoweringHelper::tailCallEntry(Operation *op, StringRef callee, Value pc) {
  auto fn = declareBuiltin(rewriter_, func_, callee, i32(), {ptr(), i64()});
  auto call = rewriter_.create<LLVM::CallOp>(loc_, fn, ValueRange{ctx_, pc});
  // Region to region without growing the native stack: a loop through regions is a loop.
  call.setTailCallKind(LLVM::tailcallkind::TailCallKind::MustTail);
  rewriter_.replaceOpWithNewOp<LLVM::ReturnOp>(op, call.getResult());
}

void LoweringHelper::checkStatus(Value status) { callVoid(marker::kCheck, {status}); }

void LoweringHelper::haltIf(Value cond, int32_t status) {
  callVoid(marker::kExitIf, {cond, i32Const(status)});
}

void LoweringHelper::growIf(Value cond, Value end) { callVoid(marker::kGrowIf, {ctx_, cond, end}); }

void LoweringHelper::resumeIf(Value cond, uint64_t pc, int64_t refund, ValueRange stack) {
  SmallVector<Value> operands{ctx_, cond, i64Const(int64_t(pc)), i64Const(refund)};
  operands.append(stack.begin(), stack.end());
  callVoid(marker::kResumeIf, operands);
}

namespace {

/// Expands the markers of one function.
class MarkerExpander {
public:
  explicit MarkerExpander(LLVM::LLVMFuncOp fn) : fn_(fn), b_(fn.getContext()) {}

  void run() {
    SmallVector<LLVM::CallOp> markers;
    fn_.walk([&](LLVM::CallOp call) {
      if (auto callee = call.getCallee(); callee && callee->starts_with("metis.lowering."))
        markers.push_back(call);
    });
    // Last first: each split then moves only the operations up to the next marker.
    for (LLVM::CallOp call : llvm::reverse(markers))
      expand(call);
  }

private:
  void expand(LLVM::CallOp call) {
    Location loc = call.getLoc();
    Block *block = call->getBlock();
    Block *next = block->splitBlock(std::next(call->getIterator()));
    StringRef callee = *call.getCallee();
    b_.setInsertionPointToEnd(block);
    if (callee == marker::kCheck) {
      branchOnStatus(loc, call.getOperand(0), next);
    } else if (callee == marker::kExitIf) {
      Block *exit = constantExit(loc, call.getOperand(1));
      b_.create<LLVM::CondBrOp>(loc, call.getOperand(0), exit, next);
    } else if (callee == marker::kResumeIf) {
      Block *resume = resumeExit(loc, call.getOperands());
      b_.create<LLVM::CondBrOp>(loc, call.getOperand(1), resume, next);
    } else if (callee == marker::kDivide) {
      Value quotient = next->addArgument(call.getResult().getType(), loc);
      call.getResult().replaceAllUsesWith(quotient);
      divide(loc, call.getOperands(), next);
    } else {
      assert(callee == marker::kGrowIf && "unknown lowering marker");
      Block *grow = b_.createBlock(next);
      b_.setInsertionPointToEnd(block);
      b_.create<LLVM::CondBrOp>(loc, call.getOperand(1), grow, next);
      b_.setInsertionPointToEnd(grow);
      auto growFn =
          builtin(loc, "metis_rt_memory_grow",
                  LLVM::LLVMFunctionType::get(b_.getI32Type(), {call.getOperand(0).getType(),
                                                                call.getOperand(2).getType()}));
      Value status =
          b_.create<LLVM::CallOp>(loc, growFn, ValueRange{call.getOperand(0), call.getOperand(2)})
              .getResult();
      branchOnStatus(loc, status, next);
    }
    SmallVector<Value> operands(call.getOperands());
    call.erase();
    // The status constant of exit_if is now in the exit block.
    for (Value operand : operands)
      if (auto constant = operand.getDefiningOp<LLVM::ConstantOp>();
          constant && constant->use_empty())
        constant.erase();
  }

  /// The runtime function `name`, declared on first use.
  LLVM::LLVMFuncOp builtin(Location loc, StringRef name, LLVM::LLVMFunctionType type) {
    auto module = fn_->getParentOfType<ModuleOp>();
    if (auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
      return fn;
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(module.getBody());
    return b_.create<LLVM::LLVMFuncOp>(loc, name, type);
  }

  /// Ends the insertion block with a division (marker::kDivide) that passes its result to
  /// `next`. Operands whose magnitudes fit 64 bits (half of snailtracer's SDIVs) take one
  /// hardware division; a dividend under 2^128 by a divisor under 2^64 (most of the others)
  /// an i128 division, which the code generator hands to libgcc's __udivti3 or __umodti3;
  /// the rest, and division by zero, the builtin, after a round trip of both words through
  /// memory.
  void divide(Location loc, OperandRange operands, Block *next) {
    auto kind = DivideKind(
        cast<IntegerAttr>(operands[0].getDefiningOp<LLVM::ConstantOp>().getValue()).getInt());
    Value out = operands[1], aSlot = operands[2], bSlot = operands[3];
    Value a = operands[4], b = operands[5];
    Type word = a.getType();
    auto wordConst = [&](const APInt &v) {
      return b_.create<LLVM::ConstantOp>(loc, word, b_.getIntegerAttr(word, v));
    };
    auto below = [&](Value v, unsigned bits) {
      return b_.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ult, v,
                                     wordConst(APInt(256, 1).shl(bits)));
    };
    bool isSigned = kind == DivideKind::SDiv || kind == DivideKind::SMod;
    // With s = a >>s 255 (0 or all ones), (a ^ s) - s is |a|; -2^255 stays 2^255, not narrow.
    auto sign = [&](Value v) {
      return b_.create<LLVM::AShrOp>(loc, v, wordConst(APInt(256, 255)));
    };
    auto applySign = [&](Value v, Value s) {
      return b_.create<LLVM::SubOp>(loc, b_.create<LLVM::XOrOp>(loc, v, s), s);
    };
    Value aSign = isSigned ? sign(a) : Value(), bSign = isSigned ? sign(b) : Value();
    Value aMag = isSigned ? applySign(a, aSign) : a, bMag = isSigned ? applySign(b, bSign) : b;
    Value nonZero =
        b_.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, b, wordConst(APInt(256, 0)));
    Value divisorFits = b_.create<LLVM::AndOp>(loc, below(bMag, 64), nonZero);
    Value narrow = b_.create<LLVM::AndOp>(loc, divisorFits, below(aMag, 64));
    Block *current = b_.getInsertionBlock();
    Block *fast64 = b_.createBlock(next);
    Block *try128 = b_.createBlock(next);
    Block *fast128 = b_.createBlock(next);
    Block *slow = b_.createBlock(next);
    b_.setInsertionPointToEnd(current);
    b_.create<LLVM::CondBrOp>(loc, narrow, fast64, try128);
    b_.setInsertionPointToEnd(try128);
    b_.create<LLVM::CondBrOp>(loc, b_.create<LLVM::AndOp>(loc, divisorFits, below(aMag, 128)),
                              fast128, slow);

    bool quotient = kind == DivideKind::UDiv || kind == DivideKind::SDiv;
    for (auto [block, bits] : {std::pair(fast64, 64u), std::pair(fast128, 128u)}) {
      b_.setInsertionPointToEnd(block);
      Type type = b_.getIntegerType(bits);
      Value x = b_.create<LLVM::TruncOp>(loc, type, aMag),
            y = b_.create<LLVM::TruncOp>(loc, type, bMag);
      Value r = quotient ? b_.create<LLVM::UDivOp>(loc, x, y).getResult()
                         : b_.create<LLVM::URemOp>(loc, x, y).getResult();
      Value result = b_.create<LLVM::ZExtOp>(loc, word, r);
      if (kind == DivideKind::SDiv) // negative if the signs differ
        result = applySign(result, b_.create<LLVM::XOrOp>(loc, aSign, bSign));
      else if (kind == DivideKind::SMod) // the dividend's sign
        result = applySign(result, aSign);
      b_.create<LLVM::BrOp>(loc, ValueRange{result}, next);
    }

    b_.setInsertionPointToEnd(slow);
    static constexpr StringLiteral kBuiltins[] = {"metis_rt_udiv", "metis_rt_urem", "metis_rt_sdiv",
                                                  "metis_rt_smod"};
    Type ptr = out.getType();
    auto fn = builtin(
        loc, kBuiltins[int(kind)],
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(b_.getContext()), {ptr, ptr, ptr}));
    b_.create<LLVM::StoreOp>(loc, a, aSlot, 8);
    b_.create<LLVM::StoreOp>(loc, b, bSlot, 8);
    b_.create<LLVM::CallOp>(loc, fn, ValueRange{out, aSlot, bSlot});
    Value loaded = b_.create<LLVM::LoadOp>(loc, word, out, 8);
    b_.create<LLVM::BrOp>(loc, ValueRange{loaded}, next);
  }

  /// Ends the insertion block with: go on to `next` if `status` is METIS_CONTINUE, else
  /// return it from a block of its own (the code generator tail-merges these).
  void branchOnStatus(Location loc, Value status, Block *next) {
    Block *current = b_.getInsertionBlock();
    Block *exit = b_.createBlock(next);
    b_.create<LLVM::ReturnOp>(loc, status);
    b_.setInsertionPointToEnd(current);
    Value goOn = b_.create<LLVM::ICmpOp>(
        loc, LLVM::ICmpPredicate::eq, status,
        b_.create<LLVM::ConstantOp>(loc, b_.getI32Type(), int64_t(METIS_CONTINUE)));
    b_.create<LLVM::CondBrOp>(loc, goOn, next, exit);
  }

  /// The cold block of one resume_if(ctx, cond, pc, refund, words...): the frame as the
  /// interpreter expects it at `pc`, then METIS_RESUME.
  Block *resumeExit(Location loc, OperandRange operands) {
    OpBuilder::InsertionGuard guard(b_);
    Block *exit = b_.createBlock(&fn_.getBody(), fn_.getBody().end());
    Value ctx = operands[0], pc = operands[2], refund = operands[3];
    auto field = [&](int64_t offset) { return contextField(b_, loc, ctx, offset); };
    ValueRange words = operands.drop_front(4);
    if (cast<IntegerAttr>(refund.getDefiningOp<LLVM::ConstantOp>().getValue()).getInt() != 0) {
      Value gas = b_.create<LLVM::LoadOp>(loc, b_.getI64Type(), field(kGas), 8);
      Value back = b_.create<LLVM::AddOp>(loc, gas, refund);
      b_.create<LLVM::StoreOp>(loc, back, field(kGas), 8);
    }
    if (!words.empty())
      pushWords(b_, loc, ctx, words);
    b_.create<LLVM::StoreOp>(loc, pc, field(kResumePc), 8);
    b_.create<LLVM::ReturnOp>(
        loc, b_.create<LLVM::ConstantOp>(loc, b_.getI32Type(), int64_t(METIS_RESUME)).getResult());
    return exit;
  }

  Block *constantExit(Location loc, Value statusValue) {
    auto constant = statusValue.getDefiningOp<LLVM::ConstantOp>();
    assert(constant && "exit_if takes a constant status");
    int32_t status = int32_t(cast<IntegerAttr>(constant.getValue()).getInt());
    Block *&exit = exits_[status];
    if (!exit) {
      OpBuilder::InsertionGuard guard(b_);
      exit = b_.createBlock(&fn_.getBody(), fn_.getBody().end());
      b_.create<LLVM::ReturnOp>(
          loc, b_.create<LLVM::ConstantOp>(loc, b_.getI32Type(), int64_t(status)).getResult());
    }
    return exit;
  }

  LLVM::LLVMFuncOp fn_;
  OpBuilder b_;
  llvm::DenseMap<int32_t, Block *> exits_;
};

} // namespace

void expandExitMarkers(ModuleOp module) {
  for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
    if (!fn.isExternal())
      MarkerExpander(fn).run();
  for (StringRef name :
       {marker::kExitIf, marker::kCheck, marker::kGrowIf, marker::kResumeIf, marker::kDivide})
    if (auto decl = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
      decl.erase();
}

} // namespace metis::lowering
