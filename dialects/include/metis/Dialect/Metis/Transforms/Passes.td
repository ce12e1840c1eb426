//===- Passes.td - metis dialect passes --------------------*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_TRANSFORMS_PASSES_TD
#define METIS_DIALECT_METIS_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MergeGasCharges : Pass<"metis-merge-gas-charges", "::metis::ContractOp"> {
  let summary = "Merge the static gas charges of a block into its first charge";
  let description = [{
    Passes that fuse or split blocks leave several `metis.gas.charge` ops in one block. This
    pass sums them into the first, and adds each moved amount to the `prepaid` attribute of
    every gas-observing op (GAS, SSTORE, the CALL family, CREATE*) it moves across, so those
    ops still see the gas instruction-by-instruction charging would leave; a merged block's
    `metis.stack.check` gets it too, to give back before it resumes in the interpreter. The
    merged charge keeps the first one's `resume at` if it now pays for instructions after a
    stack check (failing, the interpreter runs the whole chain from its first block, and may
    meet the stack error first); any other charge loses it, since it can only fail where the
    interpreter would run out of gas too, and needs no cold block of its own. Charges do not
    merge across an op that may fail after its gas (SSTORE, TSTORE, LOG, CALL, CREATE*,
    RETURNDATACOPY), nor across a stack check when the first charge has no `resume at`: the
    status stays the interpreter's. Charging early is
    otherwise unobservable: running out of gas anywhere in a frame consumes all of it and
    reverts the frame.
  }];
}

def ReduceArithmetic : Pass<"metis-reduce-arithmetic", "::metis::ContractOp"> {
  let summary = "Rewrite arithmetic by a constant power of two as shifts and masks";
  let description = [{
    Code written before Constantinople shifts with DIV and MUL by powers of two and masks with
    MOD (sha1_divs is made of them), and the lowering sends DIV, SDIV, MOD, SMOD, ADDMOD and
    MULMOD to runtime builtins. By a constant 2^k each is exact in bit operations:
    `div(x, 2^k)` is `shr(k, x)`, `mod(x, 2^k)` is `and(x, 2^k - 1)`, `mul` by 2^k (either
    operand) is `shl(k, x)`, `addmod(a, b, 2^k)` and `mulmod(a, b, 2^k)` are the wrapped sum or
    product masked (2^k divides 2^256), and for 0 < k < 255 `sdiv(x, 2^k)` is
    `sar(k, x + (sar(255, x) & (2^k - 1)))` and `smod(x, 2^k)` the low k bits of |x| carrying
    x's sign. The ops are pure and their gas does not depend on their operands, so charges stay
    as they are. Runs before metis-fuse-selector, which then also sees the selector load of old
    contracts, `div(calldataload(0), 2^224)`.
  }];
}

def FuseJumpIZero : Pass<"metis-fuse-jumpi-zero", "::metis::ContractOp"> {
  let summary = "Fuse ISZERO + JUMPI into metis.jumpi.zero";
  let description = [{
    Rewrites `metis.jumpi (metis.iszero %x)` into `metis.jumpi.zero %x`, the shape of every
    Solidity `if` and `require`, keeping a fused location of both instructions.
  }];
}

def FuseSelector : Pass<"metis-fuse-selector", "::metis::ContractOp"> {
  let summary = "Fuse shr(224, calldataload(0)) into metis.selector";
  let description = [{
    Recognises the function-selector load every Solidity and Vyper dispatcher starts with and
    replaces it with `metis.selector`, keeping a fused location of the instructions.
  }];
}

def ElideMemoryChecks : Pass<"metis-elide-memory-checks", "::metis::ContractOp"> {
  let summary = "Mark memory accesses that an earlier access already made valid";
  let description = [{
    A frame's memory never shrinks, so once an access to `[offset, offset + size)` has run,
    every access it dominates that ends no further needs no bounds check, no growth and no
    expansion gas. This pass marks such `metis.mload`, `metis.mstore` and `metis.mstore8` ops
    `metis.in_bounds`, and the lowering emits a plain load or store for them. It knows two kinds
    of extent: a constant offset (Solidity reads its free-memory pointer at 64 in nearly every
    block) and the same SSA offset accessed again. Dominance is within one function (a
    contract or region op's body); what runs before a region's entry is not assumed.
  }];
}

#endif // METIS_DIALECT_METIS_TRANSFORMS_PASSES_TD
