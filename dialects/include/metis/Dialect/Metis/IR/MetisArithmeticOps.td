//===- MetisArithmeticOps.td - 0x01..0x0b arithmetic -------*- tablegen -*-===//
//
// All arithmetic is modulo 2^256 on unsigned words; signed ops read words as two's
// complement. Division by zero gives zero, as the EVM defines it.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISARITHMETICOPS_TD
#define METIS_DIALECT_METIS_IR_METISARITHMETICOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_AddOp : Metis_BinaryOp<"add", 0x01, [Commutative]> {
  let summary = "ADD (0x01): lhs + rhs mod 2^256";
  let description = [{
    Opcode 0x01, stack (a, b -> a + b). Wraps modulo 2^256.

    ```mlir
    %s = metis.add %a, %b
    ```
  }];
  let hasCanonicalizer = 1;
}

def Metis_MulOp : Metis_BinaryOp<"mul", 0x02, [Commutative]> {
  let summary = "MUL (0x02): lhs * rhs mod 2^256";
  let description = [{
    Opcode 0x02, stack (a, b -> a * b). The low 256 bits of the product.

    ```mlir
    %p = metis.mul %a, %b
    ```
  }];
}

def Metis_SubOp : Metis_BinaryOp<"sub", 0x03> {
  let summary = "SUB (0x03): lhs - rhs mod 2^256";
  let description = [{
    Opcode 0x03, stack (a, b -> a - b), where `a` was on top. Wraps modulo 2^256.

    ```mlir
    %d = metis.sub %a, %b
    ```
  }];
}

def Metis_DivOp : Metis_BinaryOp<"div", 0x04> {
  let summary = "DIV (0x04): unsigned lhs / rhs, zero if rhs is zero";
  let description = [{
    Opcode 0x04, stack (a, b -> a / b). Unsigned, truncating; `a / 0 = 0`.

    ```mlir
    %q = metis.div %a, %b
    ```
  }];
}

def Metis_SDivOp : Metis_BinaryOp<"sdiv", 0x05> {
  let summary = "SDIV (0x05): signed lhs / rhs, zero if rhs is zero";
  let description = [{
    Opcode 0x05, stack (a, b -> a / b) on two's-complement words, rounding towards zero.
    `a / 0 = 0`, and `-2^255 / -1 = -2^255` (the overflow wraps).

    ```mlir
    %q = metis.sdiv %a, %b
    ```
  }];
}

def Metis_ModOp : Metis_BinaryOp<"mod", 0x06> {
  let summary = "MOD (0x06): unsigned lhs mod rhs, zero if rhs is zero";
  let description = [{
    Opcode 0x06, stack (a, b -> a % b). `a % 0 = 0`.

    ```mlir
    %r = metis.mod %a, %b
    ```
  }];
}

def Metis_SModOp : Metis_BinaryOp<"smod", 0x07> {
  let summary = "SMOD (0x07): signed remainder with the sign of lhs";
  let description = [{
    Opcode 0x07, stack (a, b -> a % b) on two's-complement words; the result has the sign of
    `a`. `a % 0 = 0`.

    ```mlir
    %r = metis.smod %a, %b
    ```
  }];
}

def Metis_AddModOp : Metis_TernaryOp<"addmod", 0x08> {
  let summary = "ADDMOD (0x08): (a + b) mod n without intermediate overflow";
  let description = [{
    Opcode 0x08, stack (a, b, n -> (a + b) % n). The sum is exact (257 bits); `n = 0` gives 0.

    ```mlir
    %r = metis.addmod %a, %b, %n
    ```
  }];
}

def Metis_MulModOp : Metis_TernaryOp<"mulmod", 0x09> {
  let summary = "MULMOD (0x09): (a * b) mod n without intermediate overflow";
  let description = [{
    Opcode 0x09, stack (a, b, n -> (a * b) % n). The product is exact (512 bits); `n = 0`
    gives 0.

    ```mlir
    %r = metis.mulmod %a, %b, %n
    ```
  }];
}

def Metis_ExpOp : Metis_OpcodeOp<"exp", 0x0a> {
  let summary = "EXP (0x0a): base ** exponent mod 2^256";
  let description = [{
    Opcode 0x0a, stack (a, b -> a ** b). Costs 10 static gas plus 50 per significant byte
    of the exponent, charged by the op itself; `0 ** 0 = 1`. Not folded: with constant
    operands it canonicalises to a `metis.gas.charge` of the exponent's byte cost and a
    constant, so the gas stays exact.

    ```mlir
    %r = metis.exp %base, %exponent
    ```
  }];
  let arguments = (ins Metis_Word:$base, Metis_Word:$exponent);
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "$base `,` $exponent attr-dict";
  let hasCanonicalizer = 1;
}

def Metis_SignExtendOp : Metis_BinaryOp<"signextend", 0x0b> {
  let summary = "SIGNEXTEND (0x0b): extend the sign of byte `b` of `x`";
  let description = [{
    Opcode 0x0b, stack (b, x -> y). Bytes are numbered from the least significant (0); bit
    `8 * b + 7` of `x` is copied into every higher bit. `b >= 31` returns `x` unchanged.

    ```mlir
    %y = metis.signextend %b, %x
    ```
  }];
}

#endif // METIS_DIALECT_METIS_IR_METISARITHMETICOPS_TD
