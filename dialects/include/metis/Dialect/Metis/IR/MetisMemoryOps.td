//===- MetisMemoryOps.td - memory: MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY -*- tablegen -*-===//
//
// Memory is the frame's byte array, zero-initialised, grown in 32-byte words; each access
// charges its expansion (3 gas per word plus words^2 / 512).
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISMEMORYOPS_TD
#define METIS_DIALECT_METIS_IR_METISMEMORYOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_MLoadOp : Metis_UnaryReadOp<"mload", 0x51> {
  let summary = "MLOAD (0x51): the big-endian word at memory[offset, offset + 32)";
  let description = [{
    Opcode 0x51, stack (offset -> word). Expands memory to cover the word.

    ```mlir
    %w = metis.mload %offset
    ```
  }];
}

def Metis_MStoreOp : Metis_OpcodeOp<"mstore", 0x52> {
  let summary = "MSTORE (0x52): store a word big-endian at memory[offset]";
  let description = [{
    Opcode 0x52, stack (offset, value -> ). Expands memory to cover the word.

    ```mlir
    metis.mstore %offset, %value
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$value);
  let assemblyFormat = "$offset `,` $value attr-dict";
}

def Metis_MStore8Op : Metis_OpcodeOp<"mstore8", 0x53> {
  let summary = "MSTORE8 (0x53): store the low byte of a word at memory[offset]";
  let description = [{
    Opcode 0x53, stack (offset, value -> ). Stores `value & 0xff`.

    ```mlir
    metis.mstore8 %offset, %value
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$value);
  let assemblyFormat = "$offset `,` $value attr-dict";
}

def Metis_MSizeOp : Metis_ReadOp<"msize", 0x59> {
  let summary = "MSIZE (0x59): the size of memory in bytes (a multiple of 32)";
  let description = [{
    Opcode 0x59, stack ( -> size).

    ```mlir
    %n = metis.msize
    ```
  }];
}

def Metis_MCopyOp : Metis_OpcodeOp<"mcopy", 0x5e> {
  let summary = "MCOPY (0x5e): copy memory to memory, overlap allowed";
  let description = [{
    Opcode 0x5e, stack (dst, src, size -> ) (EIP-5656). Behaves as if through a temporary
    buffer; charges 3 gas per word and the expansion to cover both ranges.

    ```mlir
    metis.mcopy %dst, %src, %size
    ```
  }];
  let arguments = (ins Metis_Word:$dst, Metis_Word:$src, Metis_Word:$size);
  let assemblyFormat = "$dst `,` $src `,` $size attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISMEMORYOPS_TD
