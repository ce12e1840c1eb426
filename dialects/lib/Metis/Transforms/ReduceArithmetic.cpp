//===- ReduceArithmetic.cpp - Arithmetic by powers of two as shifts and masks -===//
//
// Code written before Constantinople (and Solidity's shifts before 0.5) shifts with DIV and
// MUL by powers of two, and masks with MOD. The lowering sends DIV, SDIV, MOD, SMOD, ADDMOD
// and MULMOD to runtime builtins; by a constant power of two each is exactly a shift or a
// mask, which stays in registers. Only the op changes: these are all pure and cost the same
// gas whatever their operands, so the charge in front of them stays as it is.
//
//===----------------------------------------------------------------------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"
#include "metis/Dialect/Metis/Transforms/RewriteConfig.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace metis {
#define GEN_PASS_DEF_REDUCEARITHMETIC
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

/// k if `v` is the constant 2^k.
std::optional<unsigned> powerOfTwo(Value v) {
  APInt c;
  if (!matchPattern(v, m_ConstantInt(&c)) || !c.isPowerOf2())
    return std::nullopt;
  return c.logBase2();
}

/// k if `v` is 2^k with 0 < k < 255: the powers of two that are positive divisors other than
/// one when the word is read as signed (2^255 is -2^255).
std::optional<unsigned> positiveSignedPowerOfTwo(Value v) {
  std::optional<unsigned> k = powerOfTwo(v);
  if (!k || *k == 0 || *k >= 255)
    return std::nullopt;
  return k;
}

Value word(PatternRewriter &rewriter, Location loc, const APInt &v) {
  return rewriter.create<ConstantOp>(loc, v);
}
Value word(PatternRewriter &rewriter, Location loc, uint64_t v) {
  return word(rewriter, loc, APInt(256, v));
}
/// 2^k - 1.
Value lowMask(PatternRewriter &rewriter, Location loc, unsigned k) {
  return word(rewriter, loc, APInt::getLowBitsSet(256, k));
}

/// div(x, 2^k) -> shr(k, x)
struct DivByPowerOfTwo : OpRewritePattern<DivOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DivOp op, PatternRewriter &rewriter) const override {
    std::optional<unsigned> k = powerOfTwo(op.getRhs());
    if (!k)
      return rewriter.notifyMatchFailure(op, "divisor is not a constant power of two");
    rewriter.replaceOpWithNewOp<ShrOp>(op, word(rewriter, op.getLoc(), *k), op.getLhs());
    return success();
  }
};

/// mod(x, 2^k) -> and(x, 2^k - 1)
struct ModByPowerOfTwo : OpRewritePattern<ModOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ModOp op, PatternRewriter &rewriter) const override {
    std::optional<unsigned> k = powerOfTwo(op.getRhs());
    if (!k)
      return rewriter.notifyMatchFailure(op, "modulus is not a constant power of two");
    rewriter.replaceOpWithNewOp<AndOp>(op, op.getLhs(), lowMask(rewriter, op.getLoc(), *k));
    return success();
  }
};

/// mul(x, 2^k) and mul(2^k, x) -> shl(k, x)
struct MulByPowerOfTwo : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MulOp op, PatternRewriter &rewriter) const override {
    Value x = op.getLhs();
    std::optional<unsigned> k = powerOfTwo(op.getRhs());
    if (!k) {
      x = op.getRhs();
      k = powerOfTwo(op.getLhs());
    }
    if (!k)
      return rewriter.notifyMatchFailure(op, "no factor is a constant power of two");
    rewriter.replaceOpWithNewOp<ShlOp>(op, word(rewriter, op.getLoc(), *k), x);
    return success();
  }
};

/// addmod(a, b, 2^k) -> and(add(a, b), 2^k - 1), and mulmod likewise: 2^k divides 2^256, so
/// the wrapped sum or product has the exact one's residue.
template <typename Op, typename WrappingOp> struct ModularByPowerOfTwo : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;
  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    std::optional<unsigned> k = powerOfTwo(op.getN());
    if (!k)
      return rewriter.notifyMatchFailure(op, "modulus is not a constant power of two");
    Value wrapped = rewriter.create<WrappingOp>(op.getLoc(), op.getA(), op.getB());
    rewriter.replaceOpWithNewOp<AndOp>(op, wrapped, lowMask(rewriter, op.getLoc(), *k));
    return success();
  }
};

/// SDIV and SMOD by 2^k, 0 < k < 255: `Build(rewriter, loc, x, s, k)` makes the result from the
/// dividend x and its sign s = sar(255, x), 0 or all ones.
using SignedBuilder = Value (*)(PatternRewriter &, Location, Value, Value, unsigned);
template <typename Op, SignedBuilder Build> struct SignedByPowerOfTwo : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;
  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    std::optional<unsigned> k = positiveSignedPowerOfTwo(op.getRhs());
    if (!k)
      return rewriter.notifyMatchFailure(op, "divisor is not a constant 2^k, 0 < k < 255");
    Location loc = op.getLoc();
    Value x = op.getLhs();
    Value sign = rewriter.create<SarOp>(loc, word(rewriter, loc, 255), x);
    rewriter.replaceOp(op, Build(rewriter, loc, x, sign, *k));
    return success();
  }
};

/// sdiv(x, 2^k) -> sar(k, x + (x < 0 ? 2^k - 1 : 0)): the bias makes the arithmetic shift
/// round towards zero, as SDIV does. The sum cannot wrap: the bias is only added to negative x.
Value signedQuotient(PatternRewriter &rewriter, Location loc, Value x, Value sign, unsigned k) {
  Value bias = rewriter.create<AndOp>(loc, sign, lowMask(rewriter, loc, k));
  Value biased = rewriter.create<AddOp>(loc, x, bias);
  return rewriter.create<SarOp>(loc, word(rewriter, loc, k), biased);
}

/// smod(x, 2^k) -> the low k bits of |x|, with x's sign: (v ^ s) - s is v or -v. |-2^255|
/// wraps to 2^255, whose low bits are 0, which is the answer.
Value signedRemainder(PatternRewriter &rewriter, Location loc, Value x, Value sign, unsigned k) {
  auto withSign = [&](Value v) {
    return rewriter.create<SubOp>(loc, rewriter.create<XorOp>(loc, v, sign), sign);
  };
  Value low = rewriter.create<AndOp>(loc, withSign(x), lowMask(rewriter, loc, k));
  return withSign(low);
}

using SDivByPowerOfTwo = SignedByPowerOfTwo<SDivOp, signedQuotient>;
using SModByPowerOfTwo = SignedByPowerOfTwo<SModOp, signedRemainder>;

struct ReduceArithmeticPass : metis::impl::ReduceArithmeticBase<ReduceArithmeticPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns
        .add<DivByPowerOfTwo, ModByPowerOfTwo, MulByPowerOfTwo, SDivByPowerOfTwo, SModByPowerOfTwo,
             ModularByPowerOfTwo<AddModOp, AddOp>, ModularByPowerOfTwo<MulModOp, MulOp>>(
            &getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns),
                                            withoutBlockMerging())))
      signalPassFailure();
  }
};

} // namespace
