//===- MetisKeccakOps.td - 0x20 KECCAK256 ------------------*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISKECCAKOPS_TD
#define METIS_DIALECT_METIS_IR_METISKECCAKOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_Keccak256Op : Metis_OpcodeOp<"keccak256", 0x20> {
  let summary = "KECCAK256 (0x20): Keccak-256 of memory[offset, offset + size)";
  let description = [{
    Opcode 0x20, stack (offset, size -> hash). Charges 6 gas per 32-byte word of input and
    the memory expansion; the hash is Ethereum's Keccak-256 (original padding).

    ```mlir
    %h = metis.keccak256 %offset, %size
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$size);
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "$offset `,` $size attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISKECCAKOPS_TD
