//===- MetisStructureOps.td - contract, constants, gas and stack bookkeeping -*- tablegen -*-===//
//
// What the lifter adds around the instructions: the contract holding the CFG, constants (PUSH),
// one static gas charge per block, one stack bounds check per block, and the spills to the
// in-memory EVM stack around dynamic jumps.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISSTRUCTUREOPS_TD
#define METIS_DIALECT_METIS_IR_METISSTRUCTUREOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

def Metis_ContractOp : Metis_Op<"contract", [IsolatedFromAbove, Symbol]> {
  let summary = "A contract's code as one control-flow graph";
  let description = [{
    Holds the lifted code of one contract: the entry block is offset 0, and every block ends
    in a metis terminator. `code_hash` (the Keccak-256 of the bytecode, which keys compiled
    code) and `code_size` identify the bytes it was lifted from.

    A large contract is lifted as regions (docs/regions.md): one `metis.contract` per region,
    with its `region` index, plus the contract's own, whose entry block dispatches on the
    offset the frame is entered at to the region that holds it. A region's entry block does
    the same over the region's entries. The region ops are named `@<contract>_r<index>`.

    ```mlir
    metis.contract @erc20 attributes {code_hash = "0x3a...", code_size = 1234 : i64} {
      %c = metis.constant 1 : i256
      metis.stop
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$code_hash,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$code_size,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$region);
  let regions = (region AnyRegion:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let builders = [
    // The whole contract (no region index).
    OpBuilder<(ins "::llvm::StringRef":$sym_name, "::llvm::StringRef":$code_hash,
                   "int64_t":$code_size), [{
      build($_builder, $_state, $_builder.getStringAttr(sym_name),
            $_builder.getStringAttr(code_hash), $_builder.getI64IntegerAttr(code_size),
            ::mlir::IntegerAttr());
    }]>
  ];
}

def Metis_ConstantOp : Metis_Op<"constant", [ConstantLike, Pure]> {
  let summary = "A word known when lifting (PUSH0..PUSH32)";
  let description = [{
    Opcodes 0x5f..0x7f: the pushed word. Truncated push data at the end of the code is
    zero-padded on the right, as the EVM reads it. Printed unsigned: in decimal up to
    0xffff, in hex above (addresses, selectors and masks read better so).

    ```mlir
    %c = metis.constant 96
    %mask = metis.constant 0xffffffffffffffffffffffffffffffffffffffff
    ```
  }];
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs Metis_Word:$result);
  let hasCustomAssemblyFormat = 1;
  let hasFolder = 1;
  let hasVerifier = 1;
  let builders = [OpBuilder<(ins "const ::llvm::APInt &":$value)>];
}

def Metis_GasChargeOp : Metis_Op<"gas.charge"> {
  let summary = "Charge a block's static gas up front";
  let description = [{
    Subtracts `amount` from the gas left and halts out of gas if it goes negative. The lifter
    puts one at the start of each block with the sum of the block's static costs; ops that
    observe gas add back what was charged for instructions after them (`prepaid`).

    With `resume at PC`, the block's offset, a charge that fails does not halt: it gives the
    amount back, pushes `stack` (the block's SSA window, deepest first) onto the in-memory
    stack and hands the frame to the interpreter at `PC`. Instruction by instruction, a block
    that cannot pay for all of itself may still end otherwise (a stack error, a write in a
    static frame) before it runs out; the interpreter reports what it would. A charge
    without `resume` (the byte cost of a folded EXP) halts out of gas where it stands.

    ```mlir
    metis.gas.charge 21
    metis.gas.charge 21 resume at 96 with %a, %b
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$amount,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$resume_pc,
                       Variadic<Metis_Word>:$stack);
  let assemblyFormat = "$amount (`resume` `at` $resume_pc^)? (`with` $stack^)? attr-dict";
  let hasVerifier = 1;
  let builders = [
    // A charge that halts out of gas where it stands.
    OpBuilder<(ins "int64_t":$amount), [{
      build($_builder, $_state, amount, ::mlir::IntegerAttr(), ::mlir::ValueRange());
    }]>
  ];
}

def Metis_StackCheckOp : Metis_Op<"stack.check"> {
  let summary = "Check a block's EVM stack bounds once";
  let description = [{
    Halts with stack underflow if the EVM stack holds fewer than `required` words at the
    block's entry, or with stack overflow if the block's peak growth `growth` would take it
    past 1024 words. One per block instead of one per instruction. `window` is how many of
    the stack's top words are SSA values here (the block's arguments when lifted); the rest
    is the in-memory stack, whose height the check reads. Stating it keeps the check right
    when passes remove block arguments or merge blocks.

    With `resume at PC`, the block's offset, a failing check does not halt: it pushes
    `stack`, the `window` words, onto the in-memory stack, gives back `prepaid` (the gas of
    this block and later ones that a merged charge took ahead of it) and hands the frame to
    the interpreter at `PC`, which then reports whatever instruction-by-instruction execution
    meets first: the stack error, or running out of gas before it.

    ```mlir
    metis.stack.check required 2 growth 3 window 1
    metis.stack.check required 2 growth 3 window 1 resume at 96 with %a
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$required,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$growth,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$window,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$resume_pc,
                       Variadic<Metis_Word>:$stack,
                       DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid);
  let assemblyFormat = [{
    `required` $required `growth` $growth `window` $window (`resume` `at` $resume_pc^)?
    (`with` $stack^)? attr-dict
  }];
  let hasVerifier = 1;
  let builders = [
    // A check that halts where it stands.
    OpBuilder<(ins "int64_t":$required, "int64_t":$growth, "int64_t":$window), [{
      build($_builder, $_state, required, growth, window, ::mlir::IntegerAttr(),
            ::mlir::ValueRange(), 0);
    }]>
  ];
}

def Metis_StackPushOp : Metis_Op<"stack.push"> {
  let summary = "Spill words to the in-memory EVM stack";
  let description = [{
    Pushes the operands onto the frame's in-memory stack, first operand deepest. Used before
    a dynamic jump, whose target reloads them with metis.stack.pop.

    ```mlir
    metis.stack.push %a, %b
    ```
  }];
  let arguments = (ins Variadic<Metis_Word>:$values);
  let assemblyFormat = "$values attr-dict";
  let hasVerifier = 1;
}

def Metis_StackPopOp : Metis_Op<"stack.pop"> {
  let summary = "Reload words from the in-memory EVM stack";
  let description = [{
    Pops as many words as it has results; the last result was the top of the stack.

    ```mlir
    %a, %b = metis.stack.pop : i256, i256
    ```
  }];
  let results = (outs Variadic<Metis_Word>:$values);
  let assemblyFormat = "attr-dict `:` type($values)";
  let hasVerifier = 1;
}

#endif // METIS_DIALECT_METIS_IR_METISSTRUCTUREOPS_TD
