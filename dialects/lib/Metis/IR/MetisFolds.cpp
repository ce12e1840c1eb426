//===- MetisFolds.cpp - Constant folding and canonicalisation ----------------===//
//
// Folds compute with llvm::APInt on 256 bits, independently of the runtime's Word; the unit
// tests cross-check the two on random operands, so each keeps the other honest. The
// canonicalisation patterns that are pure pattern shapes are DRR, in MetisCanonicalization.td;
// the ones here need logic DRR cannot express.
//
//===----------------------------------------------------------------------===//
#include "metis/Dialect/Metis/IR/MetisOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace metis;

namespace {

constexpr unsigned kBits = 256;

std::optional<APInt> constantOf(Attribute attr) {
  if (auto intAttr = dyn_cast_or_null<IntegerAttr>(attr))
    return intAttr.getValue();
  return std::nullopt;
}

Attribute wordAttr(MLIRContext *ctx, const APInt &v) {
  return IntegerAttr::get(getWordType(ctx), v);
}

APInt boolWord(bool b) { return APInt(kBits, b ? 1 : 0); }

/// Folds a binary op when both operands are constant, else tries `partial` (identities with
/// one constant operand).
template <typename Op, typename FullFn>
OpFoldResult foldBinary(
    Op op, ArrayRef<Attribute> operands, FullFn full,
    function_ref<OpFoldResult(std::optional<APInt>, std::optional<APInt>)> partial = nullptr) {
  auto a = constantOf(operands[0]), b = constantOf(operands[1]);
  if (a && b)
    return wordAttr(op.getContext(), full(*a, *b));
  return partial ? partial(a, b) : OpFoldResult();
}

bool isAllOnes(std::optional<APInt> v) { return v && v->isAllOnes(); }
bool isZero(std::optional<APInt> v) { return v && v->isZero(); }
bool isOne(std::optional<APInt> v) { return v && v->isOne(); }

/// EVM shifts: amounts of 256 or more shift everything out.
bool shiftsOut(const APInt &amount) { return amount.uge(kBits); }

} // namespace

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult PcOp::fold(FoldAdaptor) {
  return wordAttr(getContext(), APInt(kBits, uint64_t(getOffset())));
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a + b; },
      [&](auto, auto b) -> OpFoldResult {
        return isZero(b) ? OpFoldResult(getLhs()) : OpFoldResult();
      });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a * b; },
      [&](auto, auto b) -> OpFoldResult {
        if (isOne(b))
          return getLhs();
        if (isZero(b))
          return wordAttr(getContext(), APInt(kBits, 0));
        return {};
      });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), APInt(kBits, 0));
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a - b; },
      [&](auto, auto b) -> OpFoldResult {
        return isZero(b) ? OpFoldResult(getLhs()) : OpFoldResult();
      });
}

/// What DIV, SDIV, MOD and SMOD fold to for a divisor of one when the dividend is not constant
/// (SMOD does not fold then).
enum class ByOne { Dividend, Zero, NoFold };

/// DIV, SDIV, MOD and SMOD: `fn` on constants, except that a zero divisor gives zero (as the
/// EVM defines it, whatever the dividend); a divisor of one gives what `byOne` says.
template <typename Op, typename Fn>
static OpFoldResult foldDivision(Op op, ArrayRef<Attribute> operands, Fn fn, ByOne byOne) {
  return foldBinary(
      op, operands,
      [&](const APInt &a, const APInt &b) { return b.isZero() ? APInt(kBits, 0) : fn(a, b); },
      [&](auto, auto b) -> OpFoldResult {
        if (isZero(b) || (isOne(b) && byOne == ByOne::Zero))
          return wordAttr(op.getContext(), APInt(kBits, 0));
        if (isOne(b) && byOne == ByOne::Dividend)
          return op.getLhs();
        return {};
      });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldDivision(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a.udiv(b); },
      ByOne::Dividend);
}

OpFoldResult SDivOp::fold(FoldAdaptor adaptor) {
  // APInt's sdiv wraps -2^255 / -1 to -2^255, as the EVM does.
  return foldDivision(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a.sdiv(b); },
      ByOne::Dividend);
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  return foldDivision(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a.urem(b); },
      ByOne::Zero);
}

OpFoldResult SModOp::fold(FoldAdaptor adaptor) {
  return foldDivision(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a.srem(b); },
      ByOne::NoFold);
}

/// (a op b) mod n computed exactly in `width` bits.
template <typename Fn>
static OpFoldResult foldModular(MLIRContext *ctx, ArrayRef<Attribute> operands, unsigned width,
                                Fn fn) {
  auto a = constantOf(operands[0]), b = constantOf(operands[1]), n = constantOf(operands[2]);
  if (n && n->isZero())
    return wordAttr(ctx, APInt(kBits, 0));
  if (!a || !b || !n)
    return {};
  APInt wide = fn(a->zext(width), b->zext(width)).urem(n->zext(width));
  return wordAttr(ctx, wide.trunc(kBits));
}

OpFoldResult AddModOp::fold(FoldAdaptor adaptor) {
  return foldModular(getContext(), adaptor.getOperands(), kBits + 1,
                     [](const APInt &a, const APInt &b) { return a + b; });
}

OpFoldResult MulModOp::fold(FoldAdaptor adaptor) {
  return foldModular(getContext(), adaptor.getOperands(), 2 * kBits,
                     [](const APInt &a, const APInt &b) { return a * b; });
}

OpFoldResult SignExtendOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), [](const APInt &b, const APInt &x) {
    if (b.uge(31))
      return x;
    unsigned bits = 8 * (unsigned(b.getZExtValue()) + 1);
    return x.trunc(bits).sext(kBits);
  });
}

//===----------------------------------------------------------------------===//
// Comparison and bitwise
//===----------------------------------------------------------------------===//

OpFoldResult LtOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), boolWord(false));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const APInt &a, const APInt &b) { return boolWord(a.ult(b)); });
}

OpFoldResult GtOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), boolWord(false));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const APInt &a, const APInt &b) { return boolWord(a.ugt(b)); });
}

OpFoldResult SLtOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), boolWord(false));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const APInt &a, const APInt &b) { return boolWord(a.slt(b)); });
}

OpFoldResult SGtOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), boolWord(false));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const APInt &a, const APInt &b) { return boolWord(a.sgt(b)); });
}

OpFoldResult EqOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), boolWord(true));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const APInt &a, const APInt &b) { return boolWord(a == b); });
}

OpFoldResult IsZeroOp::fold(FoldAdaptor adaptor) {
  if (auto a = constantOf(adaptor.getOperand()))
    return wordAttr(getContext(), boolWord(a->isZero()));
  return {};
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return getLhs();
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a & b; },
      [&](auto, auto b) -> OpFoldResult {
        if (isAllOnes(b))
          return getLhs();
        if (isZero(b))
          return wordAttr(getContext(), APInt(kBits, 0));
        return {};
      });
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return getLhs();
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a | b; },
      [&](auto, auto b) -> OpFoldResult {
        if (isZero(b))
          return getLhs();
        if (isAllOnes(b))
          return wordAttr(getContext(), APInt::getAllOnes(kBits));
        return {};
      });
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return wordAttr(getContext(), APInt(kBits, 0));
  return foldBinary(
      *this, adaptor.getOperands(), [](const APInt &a, const APInt &b) { return a ^ b; },
      [&](auto, auto b) -> OpFoldResult {
        return isZero(b) ? OpFoldResult(getLhs()) : OpFoldResult();
      });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  if (auto a = constantOf(adaptor.getOperand()))
    return wordAttr(getContext(), ~*a);
  if (auto inner = getOperand().getDefiningOp<NotOp>())
    return inner.getOperand();
  return {};
}

OpFoldResult ByteOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), [](const APInt &i, const APInt &x) {
    if (i.uge(32))
      return APInt(kBits, 0);
    unsigned shift = 8 * (31 - unsigned(i.getZExtValue()));
    return x.lshr(shift) & APInt(kBits, 0xff);
  });
}

/// Shifts: a zero shift is the value; a constant shift of 256 or more is 0 (SHL, SHR).
template <typename Op, typename Fn>
static OpFoldResult foldShift(Op op, ArrayRef<Attribute> operands, Fn fn, bool arithmetic) {
  auto shift = constantOf(operands[0]), value = constantOf(operands[1]);
  if (shift && value)
    return wordAttr(
        op.getContext(),
        shiftsOut(*shift)
            ? (arithmetic && value->isNegative() ? APInt::getAllOnes(kBits) : APInt(kBits, 0))
            : fn(*value, unsigned(shift->getZExtValue())));
  if (isZero(shift))
    return op.getRhs();
  if (shift && shiftsOut(*shift) && !arithmetic)
    return wordAttr(op.getContext(), APInt(kBits, 0));
  if (isZero(value))
    return wordAttr(op.getContext(), APInt(kBits, 0));
  return {};
}

OpFoldResult ShlOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, adaptor.getOperands(), [](const APInt &v, unsigned s) { return v.shl(s); }, false);
}

OpFoldResult ShrOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, adaptor.getOperands(), [](const APInt &v, unsigned s) { return v.lshr(s); }, false);
}

OpFoldResult SarOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, adaptor.getOperands(), [](const APInt &v, unsigned s) { return v.ashr(s); }, true);
}

//===----------------------------------------------------------------------===//
// Canonicalisation patterns
//===----------------------------------------------------------------------===//

namespace {

/// The word `Fn()(c1, c2)` of the constants a pattern of MetisCanonicalization.td matched.
template <typename Fn> IntegerAttr combineWords(Builder &builder, Attribute c1, Attribute c2) {
  APInt v = Fn()(cast<IntegerAttr>(c1).getValue(), cast<IntegerAttr>(c2).getValue());
  return IntegerAttr::get(getWordType(builder.getContext()), v);
}

/// The amount of two shifts in a row: the sum, saturating at 256.
struct SaturatingShiftSum {
  APInt operator()(const APInt &c1, const APInt &c2) const {
    uint64_t total = std::min<uint64_t>(c1.getLimitedValue(256) + c2.getLimitedValue(256), 256);
    return APInt(kBits, total);
  }
};

#include "MetisCanonicalization.inc"

// The patterns below stay in C++: DRR cannot express them.

/// exp(c1, c2) -> gas.charge(50 * bytes(c2)); constant(c1 ** c2). The dynamic cost of EXP
/// depends only on the exponent, so charging it at the same point keeps gas exact. In C++:
/// the charge exists only for a non-zero exponent and the power is a loop, so DRR would need
/// two patterns and C++ helpers for everything they compute.
struct ExpOfConstants : OpRewritePattern<ExpOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ExpOp op, PatternRewriter &rewriter) const override {
    APInt base, exponent;
    if (!matchPattern(op.getBase(), m_ConstantInt(&base)) ||
        !matchPattern(op.getExponent(), m_ConstantInt(&exponent)))
      return rewriter.notifyMatchFailure(op, "operands are not both constant");
    APInt result(kBits, 1), b = base;
    for (unsigned i = 0, n = exponent.getActiveBits(); i < n; ++i) {
      if (exponent[i])
        result *= b;
      b *= b;
    }
    int64_t byteCost = 50 * int64_t((exponent.getActiveBits() + 7) / 8);
    if (byteCost)
      rewriter.create<GasChargeOp>(op.getLoc(), byteCost);
    rewriter.replaceOpWithNewOp<ConstantOp>(op, result);
    return success();
  }
};

/// jumpi(iszero(x), T, F) -> jumpi(x, F, T) and jumpi(eq(x, 0), T, F) -> jumpi(x, F, T):
/// with two of these, iszero(iszero(x)) as a condition becomes x. In C++, as is the next one,
/// because DRR neither matches nor builds ops with successors.
struct JumpIOnNegation : OpRewritePattern<JumpIOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(JumpIOp op, PatternRewriter &rewriter) const override {
    Value x;
    if (auto isZero = op.getCondition().getDefiningOp<IsZeroOp>()) {
      x = isZero.getOperand();
    } else if (auto eq = op.getCondition().getDefiningOp<EqOp>();
               eq && matchPattern(eq.getRhs(), m_Zero())) {
      x = eq.getLhs();
    } else {
      return rewriter.notifyMatchFailure(op, "condition is not a negation");
    }
    rewriter.replaceOpWithNewOp<JumpIOp>(op, x, op.getFalseOperands(), op.getTrueOperands(),
                                         op.getFalseDest(), op.getTrueDest());
    return success();
  }
};

/// jumpi on a constant -> jump to the successor it selects.
struct JumpIOnConstant : OpRewritePattern<JumpIOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(JumpIOp op, PatternRewriter &rewriter) const override {
    APInt cond;
    if (!matchPattern(op.getCondition(), m_ConstantInt(&cond)))
      return rewriter.notifyMatchFailure(op, "condition is not a constant");
    if (cond.isZero())
      rewriter.replaceOpWithNewOp<JumpOp>(op, op.getFalseOperands(), op.getFalseDest());
    else
      rewriter.replaceOpWithNewOp<JumpOp>(op, op.getTrueOperands(), op.getTrueDest());
    return success();
  }
};

} // namespace

void AddOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_AddConstants>(ctx);
}

void IsZeroOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_TripleIsZero>(ctx);
}

void AndOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_AndConstants>(ctx);
}
void OrOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_OrConstants>(ctx);
}
void XorOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_XorConstants>(ctx);
}

void ShlOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_ShlShifts>(ctx);
}
void ShrOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<Metis_ShrShifts>(ctx);
}
void ExpOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<ExpOfConstants>(ctx);
}

void JumpIOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *ctx) {
  results.add<JumpIOnNegation, JumpIOnConstant>(ctx);
}
