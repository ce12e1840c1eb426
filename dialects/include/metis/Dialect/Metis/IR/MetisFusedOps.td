//===- MetisFusedOps.td - ops made from several instructions -*- tablegen -*-===//
//
// Fusion passes replace common instruction sequences with one op that lowers to better code.
// Each keeps a FusedLoc of the instructions it replaced.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISFUSEDOPS_TD
#define METIS_DIALECT_METIS_IR_METISFUSEDOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_JumpIZeroOp : Metis_Op<"jumpi.zero", [Terminator, Pure, AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<BranchOpInterface, ["getSuccessorForOperands"]>]> {
  let summary = "ISZERO + JUMPI: branch if a word is zero";
  let description = [{
    `metis.jumpi (iszero %x)` in one op: jumps to `trueDest` if `value` is zero. Solidity
    emits this shape for every `if` and `require`; lowered, it is one compare with zero.

    ```mlir
    metis.jumpi.zero %x, ^bb2, ^bb3
    ```
  }];
  let arguments = (ins Metis_Word:$value, Variadic<Metis_Word>:$trueOperands,
                       Variadic<Metis_Word>:$falseOperands);
  let successors = (successor AnySuccessor:$trueDest, AnySuccessor:$falseDest);
  let assemblyFormat = [{
    $value `,` $trueDest (`(` $trueOperands^ `:` type($trueOperands) `)`)? `,`
    $falseDest (`(` $falseOperands^ `:` type($falseOperands) `)`)? attr-dict
  }];
}

def Metis_SelectorOp : Metis_Op<"selector", [Pure]> {
  let summary = "The 4-byte function selector of the call data";
  let description = [{
    `shr(224, calldataload(0))`, the first thing every Solidity and Vyper dispatcher
    computes: the first four bytes of the call data as a word (zero-padded).

    ```mlir
    %sel = metis.selector
    ```
  }];
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISFUSEDOPS_TD
