//===- MetisStorageOps.td - SLOAD, SSTORE, TLOAD, TSTORE ---*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISSTORAGEOPS_TD
#define METIS_DIALECT_METIS_IR_METISSTORAGEOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_SLoadOp : Metis_UnaryReadOp<"sload", 0x54> {
  let summary = "SLOAD (0x54): read a storage slot of the running account";
  let description = [{
    Opcode 0x54, stack (key -> value). EIP-2929: 2100 gas for a cold slot, 100 warm.

    ```mlir
    %v = metis.sload %key
    ```
  }];
}

def Metis_SStoreOp : Metis_OpcodeOp<"sstore", 0x55> {
  let summary = "SSTORE (0x55): write a storage slot of the running account";
  let description = [{
    Opcode 0x55, stack (key, value -> ). Costs and refunds follow EIP-2200 with EIP-2929 and
    EIP-3529. Fails if 2300 gas or less is left (the sentry), so it sees the exact gas left:
    `prepaid` is the static gas already charged for the instructions after it in its block.
    Not allowed in a static frame.

    ```mlir
    metis.sstore %key, %value {prepaid = 6}
    ```
  }];
  let arguments = (ins Metis_Word:$key, Metis_Word:$value,
                       DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid);
  let assemblyFormat = "$key `,` $value attr-dict";
}

def Metis_TLoadOp : Metis_UnaryReadOp<"tload", 0x5c> {
  let summary = "TLOAD (0x5c): read transient storage (EIP-1153)";
  let description = [{
    Opcode 0x5c, stack (key -> value). Transient storage is cleared after each transaction.

    ```mlir
    %v = metis.tload %key
    ```
  }];
}

def Metis_TStoreOp : Metis_OpcodeOp<"tstore", 0x5d> {
  let summary = "TSTORE (0x5d): write transient storage (EIP-1153)";
  let description = [{
    Opcode 0x5d, stack (key, value -> ). Reverted with the frame; not allowed in a static
    frame.

    ```mlir
    metis.tstore %key, %value
    ```
  }];
  let arguments = (ins Metis_Word:$key, Metis_Word:$value);
  let assemblyFormat = "$key `,` $value attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISSTORAGEOPS_TD
