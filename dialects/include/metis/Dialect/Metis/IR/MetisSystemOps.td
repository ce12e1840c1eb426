//===- MetisSystemOps.td - calls, creates, RETURN, REVERT, SELFDESTRUCT -*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISSYSTEMOPS_TD
#define METIS_DIALECT_METIS_IR_METISSYSTEMOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

class Metis_CallOpBase<string mnemonic, int opcode, string name, string what, dag valueArg>
    : Metis_OpcodeOp<mnemonic, opcode> {
  let summary = name # " (" # opcodeHex # "): " # what;
  let arguments = !con((ins Metis_Word:$gas, Metis_Word:$address), valueArg,
                       (ins Metis_Word:$inOffset, Metis_Word:$inSize,
                            Metis_Word:$outOffset, Metis_Word:$outSize,
                            DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid));
  let results = (outs Metis_Word:$success);
  let description = "Opcode " # opcodeHex # ": " # what # ". Returns 1 on success, 0 on "
      # "failure; copies the output into memory[outOffset, outOffset + outSize). Forwards "
      # "at most all but one 64th of the gas left (EIP-150), which it computes exactly by "
      # "adding back `prepaid`.\n\n```mlir\n%ok = metis." # mnemonic # " ...\n```";
}

def Metis_CallOp : Metis_CallOpBase<"call", 0xf1, "CALL",
    "message-call an account, sending value", (ins Metis_Word:$value)> {
  let assemblyFormat = [{
    $gas `,` $address `,` $value `,` $inOffset `,` $inSize `,` $outOffset `,` $outSize
    attr-dict
  }];
}
def Metis_CallCodeOp : Metis_CallOpBase<"callcode", 0xf2, "CALLCODE",
    "run an account's code on this account's storage, with value", (ins Metis_Word:$value)> {
  let assemblyFormat = [{
    $gas `,` $address `,` $value `,` $inOffset `,` $inSize `,` $outOffset `,` $outSize
    attr-dict
  }];
}
def Metis_DelegateCallOp : Metis_CallOpBase<"delegatecall", 0xf4, "DELEGATECALL",
    "run an account's code with this frame's caller, value and storage", (ins)> {
  let assemblyFormat = [{
    $gas `,` $address `,` $inOffset `,` $inSize `,` $outOffset `,` $outSize attr-dict
  }];
}
def Metis_StaticCallOp : Metis_CallOpBase<"staticcall", 0xfa, "STATICCALL",
    "message-call an account in static mode (no state changes)", (ins)> {
  let assemblyFormat = [{
    $gas `,` $address `,` $inOffset `,` $inSize `,` $outOffset `,` $outSize attr-dict
  }];
}

def Metis_CreateOp : Metis_OpcodeOp<"create", 0xf0> {
  let summary = "CREATE (0xf0): deploy memory[offset, offset + size) as init code";
  let description = [{
    Opcode 0xf0, stack (value, offset, size -> address). The address is
    keccak256(rlp([sender, nonce]))[12:], or 0 on failure. Charges 32000, the EIP-3860
    initcode words and the memory expansion; forwards all but one 64th of the gas left.

    ```mlir
    %addr = metis.create %value, %offset, %size
    ```
  }];
  let arguments = (ins Metis_Word:$value, Metis_Word:$offset, Metis_Word:$size,
                       DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid);
  let results = (outs Metis_Word:$address);
  let assemblyFormat = "$value `,` $offset `,` $size attr-dict";
}

def Metis_Create2Op : Metis_OpcodeOp<"create2", 0xf5> {
  let summary = "CREATE2 (0xf5): deploy init code at a salted address (EIP-1014)";
  let description = [{
    Opcode 0xf5, stack (value, offset, size, salt -> address). The address is
    keccak256(0xff ++ sender ++ salt ++ keccak256(initcode))[12:], or 0 on failure.

    ```mlir
    %addr = metis.create2 %value, %offset, %size, %salt
    ```
  }];
  let arguments = (ins Metis_Word:$value, Metis_Word:$offset, Metis_Word:$size,
                       Metis_Word:$salt, DefaultValuedAttr<Metis_PrepaidAttr, "0">:$prepaid);
  let results = (outs Metis_Word:$address);
  let assemblyFormat = "$value `,` $offset `,` $size `,` $salt attr-dict";
}

def Metis_ReturnOp : Metis_OpcodeOp<"return", 0xf3, [Terminator]> {
  let summary = "RETURN (0xf3): end the frame successfully with output";
  let description = [{
    Opcode 0xf3, stack (offset, size -> ). The output is memory[offset, offset + size).

    ```mlir
    metis.return %offset, %size
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$size);
  let assemblyFormat = "$offset `,` $size attr-dict";
}

def Metis_RevertOp : Metis_OpcodeOp<"revert", 0xfd, [Terminator]> {
  let summary = "REVERT (0xfd): end the frame, undo its changes, keep the gas left";
  let description = [{
    Opcode 0xfd, stack (offset, size -> ) (EIP-140). The output is memory[offset, offset +
    size); unlike an exceptional halt, the remaining gas is returned.

    ```mlir
    metis.revert %offset, %size
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$size);
  let assemblyFormat = "$offset `,` $size attr-dict";
}

def Metis_SelfDestructOp : Metis_OpcodeOp<"selfdestruct", 0xff, [Terminator]> {
  let summary = "SELFDESTRUCT (0xff): send the balance away; delete if created this tx";
  let description = [{
    Opcode 0xff, stack (beneficiary -> ). Sends the whole balance to `beneficiary`; per
    EIP-6780 the account is deleted only if it was created in the same transaction. Ends the
    frame successfully.

    ```mlir
    metis.selfdestruct %beneficiary
    ```
  }];
  let arguments = (ins Metis_Word:$beneficiary);
  let assemblyFormat = "$beneficiary attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISSYSTEMOPS_TD
