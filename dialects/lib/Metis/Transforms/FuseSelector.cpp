//===- FuseSelector.cpp - shr(224, calldataload(0)) -> metis.selector --------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"
#include "metis/Dialect/Metis/Transforms/RewriteConfig.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace metis {
#define GEN_PASS_DEF_FUSESELECTOR
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

struct SelectorPattern : OpRewritePattern<ShrOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ShrOp op, PatternRewriter &rewriter) const override {
    APInt shift;
    if (!matchPattern(op.getLhs(), m_ConstantInt(&shift)) || shift != 224)
      return rewriter.notifyMatchFailure(op, "not a shift right by 224");
    auto load = op.getRhs().getDefiningOp<CallDataLoadOp>();
    if (!load || !matchPattern(load.getOperand(), m_Zero()))
      return rewriter.notifyMatchFailure(op, "value is not calldataload(0)");
    Location loc = rewriter.getFusedLoc({load.getLoc(), op.getLoc()});
    rewriter.replaceOp(op, rewriter.create<SelectorOp>(loc));
    return success();
  }
};

struct FuseSelectorPass : metis::impl::FuseSelectorBase<FuseSelectorPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<SelectorPattern>(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns),
                                            withoutBlockMerging())))
      signalPassFailure();
  }
};

} // namespace
