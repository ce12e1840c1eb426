//===- MetisBase.td - The metis dialect and its base classes -*- tablegen -*-===//
//
// The `metis` dialect models EVM bytecode in SSA form: every stack word is an `i256` value,
// DUP/SWAP/POP disappear into the def-use graph, PUSH becomes `metis.constant`, and control
// flow is the region's CFG. See docs/dialect-rationale.md.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_DIALECT_METIS_IR_METISBASE_TD
#define METIS_DIALECT_METIS_IR_METISBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def Metis_Dialect : Dialect {
  let name = "metis";
  let cppNamespace = "::metis";
  let summary = "EVM bytecode (Cancun) in SSA form";
  let description = [{
    One op per EVM instruction that computes or touches the world, plus the structure the
    lifter adds: a `metis.contract` holding the code's control-flow graph, per-block gas
    charges and stack checks, and the spills to the in-memory EVM stack that dynamic jumps
    need. Words are `i256`; arithmetic is modulo 2^256 exactly as the EVM defines it.
    Every op lifted from bytecode carries the location `"<contract>":<pc>`.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 0;
  let useDefaultTypePrinterParser = 0;
}

/// The EVM word.
def Metis_Word : I<256>;

/// Ops modelling an instruction are named after it: opcode NAME is `metis.<name>`, except PUSHn
/// (metis.constant), LOGn (metis.log with n topics), JUMP/JUMPI (metis.jump, metis.jumpi,
/// metis.dispatch) and DUP/SWAP/POP/JUMPDEST, which SSA form and the CFG absorb.
class Metis_Op<string mnemonic, list<Trait> traits = []>
    : Op<Metis_Dialect, mnemonic, traits>;

/// An op modelling the one instruction whose byte in the runtime's Opcodes.def is `opcode`. The
/// op class gets `static constexpr uint8_t kOpcode`, which the lifter, the lowering and the
/// opcode table test (test/unittests/dialect) use instead of repeating the byte or the name
/// (MetisOpcodes.h walks these ops). `opcodeHex` is the byte as the summaries and descriptions
/// write it ("0x0a"); the summary must state it.
class Metis_OpcodeOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_Op<mnemonic, traits> {
  string opcodeHex = "0x" # !substr("0123456789abcdef", !srl(opcode, 4), 1)
      # !substr("0123456789abcdef", !and(opcode, 15), 1);
  let extraClassDeclaration = "static constexpr uint8_t kOpcode = " # opcodeHex # ";";
  assert !and(!ge(opcode, 0), !le(opcode, 255)), mnemonic # ": an opcode is one byte";
  assert !ge(!find(summary, "(" # opcodeHex # ")"), 0),
      mnemonic # ": the summary must state the opcode (" # opcodeHex # ")";
}

/// A pure operation on words: no side effects, folds when its operands are constants.
class Metis_PureOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_OpcodeOp<mnemonic, opcode, !listconcat(traits, [Pure])> {
  let results = (outs Metis_Word:$result);
  let hasFolder = 1;
}

class Metis_UnaryOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_PureOp<mnemonic, opcode, traits> {
  let arguments = (ins Metis_Word:$operand);
  let assemblyFormat = "$operand attr-dict";
}

class Metis_BinaryOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_PureOp<mnemonic, opcode, traits> {
  let arguments = (ins Metis_Word:$lhs, Metis_Word:$rhs);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

class Metis_TernaryOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_PureOp<mnemonic, opcode, traits> {
  let arguments = (ins Metis_Word:$a, Metis_Word:$b, Metis_Word:$n);
  let assemblyFormat = "$a `,` $b `,` $n attr-dict";
}

/// An op reading the frame or the world: no operands beyond its stack inputs, one word out.
class Metis_ReadOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_OpcodeOp<mnemonic, opcode, traits> {
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "attr-dict";
}

class Metis_UnaryReadOp<string mnemonic, int opcode, list<Trait> traits = []>
    : Metis_OpcodeOp<mnemonic, opcode, traits> {
  let arguments = (ins Metis_Word:$operand);
  let results = (outs Metis_Word:$result);
  let assemblyFormat = "$operand attr-dict";
}

/// Gas charged ahead of time for the rest of the block (see metis.gas.charge). Ops that
/// observe gas left (GAS, the CALL family, CREATE*, SSTORE's sentry) add it back so they see
/// exactly what instruction-by-instruction charging would leave.
def Metis_PrepaidAttr : ConfinedAttr<I64Attr, [IntNonNegative]>;

#endif // METIS_DIALECT_METIS_IR_METISBASE_TD
