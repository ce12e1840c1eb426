//===- MetisRegionOps.td - entering and leaving a region ----*- tablegen -*-===//
//
// A large contract is compiled as regions (docs/regions.md): each is a `metis.contract` with a
// `region` index, lowered to its own native function `metis_region_<index>(ctx, pc)`. Its entry
// block dispatches on the offset it was entered at; words cross its edges in the in-memory
// stack. A jump out of the region is a tail call to the region that holds the target, or a
// hand-over to the interpreter if that region was not compiled.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISREGIONOPS_TD
#define METIS_DIALECT_METIS_IR_METISREGIONOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_EntryOffsetOp : Metis_Op<"entry_offset", [Pure]> {
  let summary = "The code offset the compiled function was entered at";
  let description = [{
    The `pc` argument of the native function (abi.h): 0 when a frame starts, otherwise the
    offset of the region entry a jump from another region, the contract's dispatch or the
    interpreter enters at. Only a region's or the contract's entry block reads it, to dispatch.

    ```mlir
    %pc = metis.entry_offset
    metis.dispatch %pc [0: ^bb1, 52: ^bb2], default ^bb9
    ```
  }];
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "attr-dict";
}

def Metis_ExitOp : Metis_Op<"exit", [Terminator]> {
  let summary = "Leave this region for the block at `offset`";
  let description = [{
    Every stack word is in the in-memory stack (the lifter pushes them first). With a `region`,
    a tail call to that region's function entered at `offset`; without, the frame goes on in the
    interpreter from `offset` (abi.h's METIS_RESUME), because that region was not compiled.

    ```mlir
    metis.exit 1234 region 3
    metis.exit 77
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$offset,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$region);
  let assemblyFormat = "$offset (`region` $region^)? attr-dict";
}

def Metis_RedispatchOp : Metis_Op<"redispatch", [Terminator]> {
  let summary = "A dynamic jump whose target is in no JUMPDEST of this region";
  let description = [{
    Every stack word is in the in-memory stack. Hands the target to the contract's own dispatch
    (a tail call to `metis_contract_main` entered at the target), which knows every JUMPDEST's
    region: a target over 64 bits, or one the contract's dispatch does not list, is a bad jump
    destination.

    ```mlir
    metis.redispatch %target
    ```
  }];
  let arguments = (ins Metis_Word:$target);
  let assemblyFormat = "$target attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISREGIONOPS_TD
