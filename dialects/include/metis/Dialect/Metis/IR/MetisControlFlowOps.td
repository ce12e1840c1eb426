//===- MetisControlFlowOps.td - jumps, PC, GAS, halts ------*- tablegen -*-===//
//
// Static jumps are branches of the contract's CFG, carrying the stack words that live across
// them as block arguments. A jump whose target is only known at run time is one
// `metis.dispatch` over the contract's JUMPDESTs; its stack goes through memory (see
// metis.stack.push / metis.stack.pop).
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISCONTROLFLOWOPS_TD
#define METIS_DIALECT_METIS_IR_METISCONTROLFLOWOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"
include "mlir/IR/EnumAttr.td"

def Metis_PcOp : Metis_OpcodeOp<"pc", 0x58, [Pure]> {
  let summary = "PC (0x58): the offset of this instruction";
  let description = [{
    Opcode 0x58, stack ( -> pc). The offset is known when lifting; the op folds to it.

    ```mlir
    %pc = metis.pc 26
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$offset);
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "$offset attr-dict";
  let hasFolder = 1;
}

def Metis_GasOp : Metis_OpcodeOp<"gas", 0x5a> {
  let summary = "GAS (0x5a): the gas left after this instruction's own cost";
  let description = [{
    Opcode 0x5a, stack ( -> gas). Its block's static gas was charged up front, so the op adds
    back `prepaid`, the static gas of the instructions after it in the block, and sees
    exactly what instruction-by-instruction charging would leave.

    ```mlir
    %g = metis.gas {prepaid = 12}
    ```
  }];
  let arguments = (ins DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid);
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "attr-dict";
}

def Metis_JumpOp : Metis_OpcodeOp<"jump", 0x56, [Terminator, Pure,
    DeclareOpInterfaceMethods<BranchOpInterface, ["getSuccessorForOperands"]>]> {
  let summary = "JUMP (0x56) to a target known when lifting";
  let description = [{
    Opcode 0x56 with a constant target: a branch to the block of that JUMPDEST, passing the
    stack words live across it.

    ```mlir
    metis.jump ^bb3(%a, %b : i256, i256)
    ```
  }];
  let arguments = (ins Variadic<Metis_Word>:$destOperands);
  let successors = (successor AnySuccessor:$dest);
  let assemblyFormat = "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict";
}

def Metis_JumpIOp : Metis_OpcodeOp<"jumpi", 0x57, [Terminator, Pure, AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<BranchOpInterface, ["getSuccessorForOperands"]>]> {
  let summary = "JUMPI (0x57) to a target known when lifting";
  let description = [{
    Opcode 0x57 with a constant target: jumps to `trueDest` if `condition` is non-zero,
    otherwise falls through to `falseDest` (the next instruction's block).

    ```mlir
    metis.jumpi %cond, ^bb2(%x : i256), ^bb3
    ```
  }];
  let arguments = (ins Metis_Word:$condition, Variadic<Metis_Word>:$trueOperands,
                       Variadic<Metis_Word>:$falseOperands);
  let successors = (successor AnySuccessor:$trueDest, AnySuccessor:$falseDest);
  let assemblyFormat = [{
    $condition `,` $trueDest (`(` $trueOperands^ `:` type($trueOperands) `)`)? `,`
    $falseDest (`(` $falseOperands^ `:` type($falseOperands) `)`)? attr-dict
  }];
  let hasCanonicalizer = 1;
}

// Not a BranchOpInterface: its successors take no operands (values cross through memory),
// and the interface would invite CFG simplification to forward some.
def Metis_DispatchOp : Metis_Op<"dispatch", [Terminator]> {
  let summary = "A jump whose target is only known at run time";
  let description = [{
    The target word selects the block of one of the contract's JUMPDEST offsets listed in
    `targets`; any other value (including a JUMPDEST the analysis proved unreachable by
    jumps) goes to `defaultDest`, whose block ends in `metis.trap bad_jump_destination`.
    Stack words live across the jump travel through the in-memory stack.

    ```mlir
    metis.dispatch %target [10: ^bb1, 42: ^bb2], default ^bb9
    ```
  }];
  let arguments = (ins Metis_Word:$target, DenseI64ArrayAttr:$targets);
  let successors = (successor AnySuccessor:$defaultDest, VariadicSuccessor<AnySuccessor>:$cases);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Metis_StopOp : Metis_OpcodeOp<"stop", 0x00, [Terminator]> {
  let summary = "STOP (0x00): end the frame successfully with no output";
  let description = [{
    Opcode 0x00. Also what running off the end of the code does.

    ```mlir
    metis.stop
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Metis_InvalidOp : Metis_OpcodeOp<"invalid", 0xfe, [Terminator]> {
  let summary = "INVALID (0xfe): the designated invalid instruction";
  let description = [{
    Opcode 0xfe. An exceptional halt: all gas is consumed and the frame's changes revert.

    ```mlir
    metis.invalid
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Metis_TrapReason : I32EnumAttr<"TrapReason", "why a frame halts exceptionally", [
    I32EnumAttrCase<"OutOfGas", 3, "out_of_gas">,
    I32EnumAttrCase<"UndefinedInstruction", 5, "undefined_instruction">,
    I32EnumAttrCase<"StackOverflow", 6, "stack_overflow">,
    I32EnumAttrCase<"StackUnderflow", 7, "stack_underflow">,
    I32EnumAttrCase<"BadJumpDestination", 8, "bad_jump_destination">]> {
  let cppNamespace = "::metis";
}

def Metis_TrapOp : Metis_Op<"trap", [Terminator]> {
  let summary = "An exceptional halt the lifter proved must happen";
  let description = [{
    Ends the frame with all gas consumed and its changes reverted, with the status the
    interpreter reports for the same bytes (the values equal the runtime's `Status`): an
    undefined opcode, a jump to a non-JUMPDEST, a block that must underflow the stack.

    ```mlir
    metis.trap bad_jump_destination
    ```
  }];
  let arguments = (ins Metis_TrapReason:$reason);
  let assemblyFormat = "$reason attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISCONTROLFLOWOPS_TD
