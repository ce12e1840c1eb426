//===- MetisBitwiseOps.td - 0x10..0x1d comparison and bitwise -*- tablegen -*-===//
//
// Comparisons produce the word 1 or 0. Shifts take the shift amount first, as the stack does;
// shifting by 256 or more gives 0 (SAR: 0 or all ones by the sign).
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISBITWISEOPS_TD
#define METIS_DIALECT_METIS_IR_METISBITWISEOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

class Metis_CompareOp<string mnemonic, int opcode, string name, string rel,
                      list<Trait> traits = []>
    : Metis_BinaryOp<mnemonic, opcode, traits> {
  let summary = name # " (" # opcodeHex # "): 1 if lhs " # rel # " rhs, else 0";
  let description = "Opcode " # opcodeHex # ", stack (a, b -> a " # rel # " b ? 1 : 0).\n\n"
      # "```mlir\n%c = metis." # mnemonic # " %a, %b\n```";
}

def Metis_LtOp : Metis_CompareOp<"lt", 0x10, "LT", "<u">;
def Metis_GtOp : Metis_CompareOp<"gt", 0x11, "GT", ">u">;
def Metis_SLtOp : Metis_CompareOp<"slt", 0x12, "SLT", "<s">;
def Metis_SGtOp : Metis_CompareOp<"sgt", 0x13, "SGT", ">s">;
def Metis_EqOp : Metis_CompareOp<"eq", 0x14, "EQ", "==", [Commutative]>;

def Metis_IsZeroOp : Metis_UnaryOp<"iszero", 0x15> {
  let summary = "ISZERO (0x15): 1 if the operand is zero, else 0";
  let description = [{
    Opcode 0x15, stack (a -> a == 0 ? 1 : 0).

    ```mlir
    %z = metis.iszero %a
    ```
  }];
  let hasCanonicalizer = 1;
}

class Metis_LogicOp<string mnemonic, int opcode, string name, string expr>
    : Metis_BinaryOp<mnemonic, opcode, [Commutative]> {
  let summary = name # " (" # opcodeHex # "): bitwise " # expr;
  let description = "Opcode " # opcodeHex # ", stack (a, b -> a " # expr # " b).\n\n"
      # "```mlir\n%r = metis." # mnemonic # " %a, %b\n```";
  let hasCanonicalizer = 1;
}

def Metis_AndOp : Metis_LogicOp<"and", 0x16, "AND", "&">;
def Metis_OrOp : Metis_LogicOp<"or", 0x17, "OR", "|">;
def Metis_XorOp : Metis_LogicOp<"xor", 0x18, "XOR", "^">;

def Metis_NotOp : Metis_UnaryOp<"not", 0x19> {
  let summary = "NOT (0x19): bitwise complement";
  let description = [{
    Opcode 0x19, stack (a -> ~a).

    ```mlir
    %r = metis.not %a
    ```
  }];
}

def Metis_ByteOp : Metis_BinaryOp<"byte", 0x1a> {
  let summary = "BYTE (0x1a): byte `i` of `x`, counted from the most significant";
  let description = [{
    Opcode 0x1a, stack (i, x -> y). Byte 0 is the most significant; `i >= 32` gives 0.

    ```mlir
    %y = metis.byte %i, %x
    ```
  }];
}

class Metis_ShiftOp<string mnemonic, int opcode, string name, string what>
    : Metis_BinaryOp<mnemonic, opcode> {
  let summary = name # " (" # opcodeHex # "): " # what;
  let description = "Opcode " # opcodeHex # ", stack (shift, value -> result): " # what
      # ". The shift amount comes first, as on the stack.\n\n"
      # "```mlir\n%r = metis." # mnemonic # " %shift, %value\n```";
}

def Metis_ShlOp : Metis_ShiftOp<"shl", 0x1b, "SHL",
    "value << shift; 0 if shift >= 256"> {
  let hasCanonicalizer = 1;
}
def Metis_ShrOp : Metis_ShiftOp<"shr", 0x1c, "SHR",
    "logical value >> shift; 0 if shift >= 256"> {
  let hasCanonicalizer = 1;
}
def Metis_SarOp : Metis_ShiftOp<"sar", 0x1d, "SAR",
    "arithmetic value >> shift; 0 or all ones (by the sign) if shift >= 256">;

#endif // METIS_DIALECT_METIS_IR_METISBITWISEOPS_TD
