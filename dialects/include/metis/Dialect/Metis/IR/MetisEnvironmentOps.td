//===- MetisEnvironmentOps.td - 0x30..0x4a environment and block -*- tablegen -*-===//
//
// Facts fixed for the whole frame (ADDRESS, CALLER, CALLDATASIZE, block fields...) are Pure;
// reads that warm an account or depend on earlier calls are not.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISENVIRONMENTOPS_TD
#define METIS_DIALECT_METIS_IR_METISENVIRONMENTOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

class Metis_FrameFactOp<string mnemonic, int opcode, string name, string what>
    : Metis_ReadOp<mnemonic, opcode, [Pure]> {
  let summary = name # " (" # opcodeHex # "): " # what;
  let description = "Opcode " # opcodeHex # ", stack ( -> value): " # what
      # ". Constant for the whole frame.\n\n```mlir\n%v = metis." # mnemonic # "\n```";
}

def Metis_AddressOp : Metis_FrameFactOp<"address", 0x30, "ADDRESS",
    "the address whose code and storage this frame runs on">;
def Metis_OriginOp : Metis_FrameFactOp<"origin", 0x32, "ORIGIN",
    "the sender of the transaction">;
def Metis_CallerOp : Metis_FrameFactOp<"caller", 0x33, "CALLER",
    "the address that called this frame">;
def Metis_CallValueOp : Metis_FrameFactOp<"callvalue", 0x34, "CALLVALUE",
    "the wei sent with this call">;
def Metis_CallDataSizeOp : Metis_FrameFactOp<"calldatasize", 0x36, "CALLDATASIZE",
    "the size of the call data in bytes">;
def Metis_CodeSizeOp : Metis_FrameFactOp<"codesize", 0x38, "CODESIZE",
    "the size of the running code in bytes">;
def Metis_GasPriceOp : Metis_FrameFactOp<"gasprice", 0x3a, "GASPRICE",
    "the effective gas price of the transaction">;
def Metis_CoinbaseOp : Metis_FrameFactOp<"coinbase", 0x41, "COINBASE",
    "the block's beneficiary">;
def Metis_TimestampOp : Metis_FrameFactOp<"timestamp", 0x42, "TIMESTAMP",
    "the block's timestamp">;
def Metis_NumberOp : Metis_FrameFactOp<"number", 0x43, "NUMBER", "the block number">;
def Metis_PrevRandaoOp : Metis_FrameFactOp<"prevrandao", 0x44, "PREVRANDAO",
    "the beacon chain's randomness (EIP-4399)">;
def Metis_GasLimitOp : Metis_FrameFactOp<"gaslimit", 0x45, "GASLIMIT",
    "the block's gas limit">;
def Metis_ChainIdOp : Metis_FrameFactOp<"chainid", 0x46, "CHAINID",
    "the chain id (EIP-1344)">;
def Metis_BaseFeeOp : Metis_FrameFactOp<"basefee", 0x48, "BASEFEE",
    "the block's base fee (EIP-3198)">;
def Metis_BlobBaseFeeOp : Metis_FrameFactOp<"blobbasefee", 0x4a, "BLOBBASEFEE",
    "the block's blob base fee (EIP-7516)">;

def Metis_CallDataLoadOp : Metis_UnaryReadOp<"calldataload", 0x35, [Pure]> {
  let summary = "CALLDATALOAD (0x35): 32 bytes of call data from an offset, zero-padded";
  let description = [{
    Opcode 0x35, stack (offset -> word). Bytes past the end of the call data read as zero.

    ```mlir
    %w = metis.calldataload %offset
    ```
  }];
}

def Metis_BlobHashOp : Metis_UnaryReadOp<"blobhash", 0x49, [Pure]> {
  let summary = "BLOBHASH (0x49): the transaction's blob versioned hash at an index";
  let description = [{
    Opcode 0x49, stack (index -> hash) (EIP-4844); 0 past the last blob.

    ```mlir
    %h = metis.blobhash %index
    ```
  }];
}

class Metis_AccountReadOp<string mnemonic, int opcode, string name, string what>
    : Metis_UnaryReadOp<mnemonic, opcode> {
  let summary = name # " (" # opcodeHex # "): " # what;
  let description = "Opcode " # opcodeHex # ", stack (address -> value): " # what
      # ". Warms the account (EIP-2929: 2600 gas cold, 100 warm).\n\n"
      # "```mlir\n%v = metis." # mnemonic # " %address\n```";
}

def Metis_BalanceOp : Metis_AccountReadOp<"balance", 0x31, "BALANCE",
    "the balance of an account">;
def Metis_ExtCodeSizeOp : Metis_AccountReadOp<"extcodesize", 0x3b, "EXTCODESIZE",
    "the code size of an account">;
def Metis_ExtCodeHashOp : Metis_AccountReadOp<"extcodehash", 0x3f, "EXTCODEHASH",
    "the code hash of an account; 0 if it does not exist or is empty (EIP-1052)">;

def Metis_BlockHashOp : Metis_UnaryReadOp<"blockhash", 0x40> {
  let summary = "BLOCKHASH (0x40): the hash of one of the 256 previous blocks";
  let description = [{
    Opcode 0x40, stack (number -> hash); 0 outside the 256 blocks before the current one.

    ```mlir
    %h = metis.blockhash %number
    ```
  }];
}

def Metis_SelfBalanceOp : Metis_ReadOp<"selfbalance", 0x47> {
  let summary = "SELFBALANCE (0x47): the balance of the running account";
  let description = [{
    Opcode 0x47, stack ( -> balance) (EIP-1884). Changes as calls move value.

    ```mlir
    %b = metis.selfbalance
    ```
  }];
}

def Metis_ReturnDataSizeOp : Metis_ReadOp<"returndatasize", 0x3d> {
  let summary = "RETURNDATASIZE (0x3d): the size of the last call's return data";
  let description = [{
    Opcode 0x3d, stack ( -> size) (EIP-211). Changes with every call and create.

    ```mlir
    %n = metis.returndatasize
    ```
  }];
}

class Metis_CopyOp<string mnemonic, int opcode, string name, string src>
    : Metis_OpcodeOp<mnemonic, opcode> {
  let summary = name # " (" # opcodeHex # "): copy " # src # " into memory";
  let description = "Opcode " # opcodeHex # ", stack (memOffset, srcOffset, size -> ): copies "
      # src # " into memory, zero-padding past its end. Charges 3 gas per word and the "
      # "memory expansion.\n\n```mlir\nmetis." # mnemonic
      # " %memOffset, %srcOffset, %size\n```";
  let arguments = (ins Metis_Word:$memOffset, Metis_Word:$srcOffset, Metis_Word:$size);
  let assemblyFormat = "$memOffset `,` $srcOffset `,` $size attr-dict";
}

def Metis_CallDataCopyOp : Metis_CopyOp<"calldatacopy", 0x37, "CALLDATACOPY",
    "call data">;
def Metis_CodeCopyOp : Metis_CopyOp<"codecopy", 0x39, "CODECOPY", "the running code">;
def Metis_ReturnDataCopyOp : Metis_CopyOp<"returndatacopy", 0x3e, "RETURNDATACOPY",
    "the last call's return data (reading past its end halts, EIP-211)">;

def Metis_ExtCodeCopyOp : Metis_OpcodeOp<"extcodecopy", 0x3c> {
  let summary = "EXTCODECOPY (0x3c): copy an account's code into memory";
  let description = [{
    Opcode 0x3c, stack (address, memOffset, srcOffset, size -> ). Zero-pads past the end of
    the code; charges the EIP-2929 account access, 3 gas per word and the memory expansion.

    ```mlir
    metis.extcodecopy %address, %memOffset, %srcOffset, %size
    ```
  }];
  let arguments = (ins Metis_Word:$address, Metis_Word:$memOffset, Metis_Word:$srcOffset,
                       Metis_Word:$size);
  let assemblyFormat = "$address `,` $memOffset `,` $srcOffset `,` $size attr-dict";
}

#endif // METIS_DIALECT_METIS_IR_METISENVIRONMENTOPS_TD
