//===- MetisToLLVMCommon.cpp - Helpers shared by the metis lowering ---------===//
#include "MetisToLLVMCommon.h"
#include "metis/runtime/abi.h"

using namespace mlir;

namespace metis::lowering {

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
  return rewriter_.create<LLVM::GEPOp>(loc_, ptr(), rewriter_.getI8Type(), ctx_,
                                       ArrayRef<LLVM::GEPArg>{int32_t(offset)});
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

Block *LoweringHelper::exitBlock() {
  FunctionState &state = states_[func_];
  if (!state.exit) {
    OpBuilder::InsertionGuard guard(rewriter_);
    state.exit = rewriter_.createBlock(&func_.getBody(), func_.getBody().end(), {i32()}, {loc_});
    rewriter_.create<LLVM::ReturnOp>(loc_, state.exit->getArgument(0));
  }
  return state.exit;
}

void LoweringHelper::checkStatus(Value status) {
  Block *exit = exitBlock();
  Block *current = rewriter_.getInsertionBlock();
  Block *next = rewriter_.splitBlock(current, rewriter_.getInsertionPoint());
  rewriter_.setInsertionPointToEnd(current);
  Value goOn = rewriter_.create<LLVM::ICmpOp>(loc_, LLVM::ICmpPredicate::eq, status,
                                              i32Const(METIS_CONTINUE));
  rewriter_.create<LLVM::CondBrOp>(loc_, goOn, next, ValueRange(), exit, ValueRange{status});
  rewriter_.setInsertionPointToStart(next);
}

void LoweringHelper::haltIf(Value cond, int32_t status) {
  Block *exit = exitBlock();
  Block *current = rewriter_.getInsertionBlock();
  Block *next = rewriter_.splitBlock(current, rewriter_.getInsertionPoint());
  rewriter_.setInsertionPointToEnd(current);
  Value s = i32Const(status);
  rewriter_.create<LLVM::CondBrOp>(loc_, cond, exit, ValueRange{s}, next, ValueRange());
  rewriter_.setInsertionPointToStart(next);
}

} // namespace metis::lowering
