//===- FuseJumpIZero.cpp - ISZERO + JUMPI -> metis.jumpi.zero ----------------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"
#include "metis/Dialect/Metis/Transforms/RewriteConfig.h"

#include "mlir/IR/PatternMatch.h"

namespace metis {
#define GEN_PASS_DEF_FUSEJUMPIZERO
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

struct FuseIsZeroIntoJumpI : OpRewritePattern<JumpIOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(JumpIOp op, PatternRewriter &rewriter) const override {
    auto isZero = op.getCondition().getDefiningOp<IsZeroOp>();
    if (!isZero)
      return rewriter.notifyMatchFailure(op, "condition is not metis.iszero");
    Location loc = rewriter.getFusedLoc({isZero.getLoc(), op.getLoc()});
    rewriter.setInsertionPoint(op);
    rewriter.create<JumpIZeroOp>(loc, isZero.getOperand(), op.getTrueOperands(),
                                 op.getFalseOperands(), op.getTrueDest(), op.getFalseDest());
    rewriter.eraseOp(op);
    if (isZero->use_empty())
      rewriter.eraseOp(isZero);
    return success();
  }
};

struct FuseJumpIZeroPass : metis::impl::FuseJumpIZeroBase<FuseJumpIZeroPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseIsZeroIntoJumpI>(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns),
                                            withoutBlockMerging())))
      signalPassFailure();
  }
};

} // namespace
