//===- MetisCanonicalization.td - Declarative canonicalisations -*- tablegen -*-===//
//
// The canonicalisation patterns that are pure pattern shapes, as DRR (mlir-tblgen
// -gen-rewriters; MetisFolds.cpp includes the result and defines the attribute helpers). The
// patterns that need logic DRR cannot express stay in C++ there. New ops take the location of
// the op they replace (`location $root`), not a fusion of every matched op's.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISCANONICALIZATION_TD
#define METIS_DIALECT_METIS_IR_METISCANONICALIZATION_TD

include "mlir/IR/PatternBase.td"
include "metis/Dialect/Metis/IR/MetisOps.td"

/// The word `fn(c1, c2)` of two matched constants, `fn` a C++ function object on APInts
/// (combineWords in MetisFolds.cpp).
class Metis_CombineWords<string fn> : NativeCodeCall<"combineWords<" # fn # ">($_builder, $0, $1)">;

def Metis_AddWords : Metis_CombineWords<"std::plus<>">;
def Metis_AndWords : Metis_CombineWords<"std::bit_and<>">;
def Metis_OrWords : Metis_CombineWords<"std::bit_or<>">;
def Metis_XorWords : Metis_CombineWords<"std::bit_xor<>">;
/// The sum of two shift amounts, saturating at 256, which shifts everything out as the two
/// shifts would.
def Metis_ShiftSum : Metis_CombineWords<"SaturatingShiftSum">;

//===----------------------------------------------------------------------===//
// AddOp
//===----------------------------------------------------------------------===//

// add(add(x, c1), c2) -> add(x, c1 + c2): address arithmetic chains in Solidity code.
def Metis_AddConstants : Pat<
    (Metis_AddOp:$root (Metis_AddOp $x, (ConstantLikeMatcher APIntAttr:$c1)),
                       (ConstantLikeMatcher APIntAttr:$c2)),
    (Metis_AddOp $x, (Metis_ConstantOp (Metis_AddWords $c1, $c2), (location $root)),
                 (location $root))>;

//===----------------------------------------------------------------------===//
// IsZeroOp
//===----------------------------------------------------------------------===//

// iszero(iszero(iszero(x))) -> iszero(x): the triple negation of normalised booleans.
def Metis_TripleIsZero : Pat<
    (Metis_IsZeroOp (Metis_IsZeroOp (Metis_IsZeroOp:$inner $x))),
    (replaceWithValue $inner)>;

//===----------------------------------------------------------------------===//
// AndOp, OrOp, XorOp
//===----------------------------------------------------------------------===//

// op(op(x, c1), c2) -> op(x, c1 op c2) for and, or, xor.
multiclass Metis_CombineLogicConstants<Op op, NativeCodeCall combine> {
  def NAME : Pat<
      (op:$root (op $x, (ConstantLikeMatcher APIntAttr:$c1)), (ConstantLikeMatcher APIntAttr:$c2)),
      (op $x, (Metis_ConstantOp (combine $c1, $c2), (location $root)), (location $root))>;
}

defm Metis_AndConstants : Metis_CombineLogicConstants<Metis_AndOp, Metis_AndWords>;
defm Metis_OrConstants : Metis_CombineLogicConstants<Metis_OrOp, Metis_OrWords>;
defm Metis_XorConstants : Metis_CombineLogicConstants<Metis_XorOp, Metis_XorWords>;

//===----------------------------------------------------------------------===//
// ShlOp, ShrOp
//===----------------------------------------------------------------------===//

// shl(c1, shl(c2, x)) -> shl(c1 + c2, x), and the same for shr; the sum saturates at 256.
multiclass Metis_CombineShifts<Op op> {
  def NAME : Pat<
      (op:$root (ConstantLikeMatcher APIntAttr:$c1), (op (ConstantLikeMatcher APIntAttr:$c2), $x)),
      (op (Metis_ConstantOp (Metis_ShiftSum $c1, $c2), (location $root)), $x, (location $root))>;
}

defm Metis_ShlShifts : Metis_CombineShifts<Metis_ShlOp>;
defm Metis_ShrShifts : Metis_CombineShifts<Metis_ShrOp>;

#endif // METIS_DIALECT_METIS_IR_METISCANONICALIZATION_TD
