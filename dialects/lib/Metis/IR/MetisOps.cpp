//===- MetisOps.cpp - Verifiers, custom syntax and interfaces of the metis ops ===//
#include "metis/Dialect/Metis/IR/MetisOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace metis;

#include "metis/Dialect/Metis/IR/MetisEnums.cpp.inc"

//===----------------------------------------------------------------------===//
// ContractOp
//===----------------------------------------------------------------------===//

LogicalResult ContractOp::verify() {
  StringRef hash = getCodeHash();
  if (hash.size() != 66 || !hash.starts_with("0x") ||
      hash.drop_front(2).find_if_not([](char c) { return llvm::isHexDigit(c); }) != StringRef::npos)
    return emitOpError("code_hash must be 0x followed by 64 hex digits, got \"") << hash << "\"";
  return success();
}

LogicalResult ContractOp::verifyRegions() {
  Region &body = getBody();
  if (body.empty())
    return emitOpError("body must have an entry block");
  if (body.front().getNumArguments() != 0)
    return emitOpError("entry block (offset 0) must have no arguments: the stack is empty");
  for (Block &block : body) {
    if (block.empty() || !block.back().hasTrait<OpTrait::IsTerminator>())
      return emitOpError("every block must end with a metis terminator");
    Operation *term = &block.back();
    if (term->getDialect() != (*this)->getDialect())
      return term->emitOpError("is not a metis terminator; a metis.contract body ends its "
                               "blocks with metis ops only");
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

void ConstantOp::build(OpBuilder &builder, OperationState &state, const APInt &value) {
  Type word = getWordType(builder.getContext());
  build(builder, state, word, builder.getIntegerAttr(word, value.zextOrTrunc(256)));
}

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  APInt value;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseInteger(value) || parser.parseOptionalAttrDict(result.attributes))
    return failure();
  // The literal's width is whatever it needed; negative literals mean two's complement.
  if (value.isNegative() ? value.getSignificantBits() > 256 : value.getActiveBits() > 256)
    return parser.emitError(loc, "constant does not fit in 256 bits");
  Type word = getWordType(parser.getContext());
  APInt word256 = value.isNegative() ? value.sextOrTrunc(256) : value.zextOrTrunc(256);
  result.addAttribute(getValueAttrName(result.name), IntegerAttr::get(word, word256));
  result.addTypes(word);
  return success();
}

void ConstantOp::print(OpAsmPrinter &p) {
  const APInt &v = cast<IntegerAttr>(getValue()).getValue();
  p << ' ';
  if (v.ule(0xffff))
    p << v.getZExtValue();
  else {
    SmallString<68> hex;
    v.toString(hex, 16, /*Signed=*/false, /*formatAsCLiteral=*/false, /*UpperCase=*/false);
    p << "0x" << hex;
  }
  p.printOptionalAttrDict((*this)->getAttrs(), {getValueAttrName()});
}

LogicalResult ConstantOp::verify() {
  auto intAttr = dyn_cast<IntegerAttr>(getValue());
  if (!intAttr || intAttr.getType() != getWordType(getContext()))
    return emitOpError("value must be an i256 integer, got ") << getValue();
  return success();
}

//===----------------------------------------------------------------------===//
// LogOp, StackCheckOp, GasChargeOp
//===----------------------------------------------------------------------===//

LogicalResult LogOp::verify() {
  if (getTopics().size() > 4)
    return emitOpError("has ") << getTopics().size() << " topics; LOG0..LOG4 take 0 to 4";
  return success();
}

LogicalResult StackPushOp::verify() {
  if (getValues().empty())
    return emitOpError("pushes nothing; spills carry at least one word");
  return success();
}

LogicalResult StackPopOp::verify() {
  if (getValues().empty())
    return emitOpError("pops nothing; reloads produce at least one word");
  return success();
}

LogicalResult StackCheckOp::verify() {
  // A block may well need more than 1024 words (code that must overflow or underflow): the
  // check then fails at run time. Only the window, words actually held, is bounded.
  if (getWindow() > kStackLimit)
    return emitOpError("has a window of ")
           << getWindow() << " words, more than the stack limit of 1024";
  // Resuming pushes the window: exactly the words it names.
  if (!getResumePc() && !getStack().empty())
    return emitOpError("names stack words but no offset to resume at");
  if (getResumePc() && getStack().size() != getWindow())
    return emitOpError("resumes with ")
           << getStack().size() << " stack words, but its window is " << getWindow();
  return success();
}

LogicalResult GasChargeOp::verify() {
  if (!getResumePc() && !getStack().empty())
    return emitOpError("names stack words but no offset to resume at");
  return success();
}

//===----------------------------------------------------------------------===//
// Branches
//===----------------------------------------------------------------------===//

SuccessorOperands JumpOp::getSuccessorOperands(unsigned index) {
  assert(index == 0 && "invalid successor index");
  return SuccessorOperands(getDestOperandsMutable());
}

Block *JumpOp::getSuccessorForOperands(ArrayRef<Attribute>) { return getDest(); }

/// The successor a constant condition selects, if it is known.
static Block *selectSuccessor(ArrayRef<Attribute> operands, Block *ifNonZero, Block *ifZero) {
  auto cond = dyn_cast_or_null<IntegerAttr>(operands.empty() ? Attribute() : operands[0]);
  if (!cond)
    return nullptr;
  return cond.getValue().isZero() ? ifZero : ifNonZero;
}

SuccessorOperands JumpIOp::getSuccessorOperands(unsigned index) {
  assert(index < getNumSuccessors() && "invalid successor index");
  return SuccessorOperands(index == 0 ? getTrueOperandsMutable() : getFalseOperandsMutable());
}

Block *JumpIOp::getSuccessorForOperands(ArrayRef<Attribute> operands) {
  return selectSuccessor(operands, getTrueDest(), getFalseDest());
}

SuccessorOperands JumpIZeroOp::getSuccessorOperands(unsigned index) {
  assert(index < getNumSuccessors() && "invalid successor index");
  return SuccessorOperands(index == 0 ? getTrueOperandsMutable() : getFalseOperandsMutable());
}

Block *JumpIZeroOp::getSuccessorForOperands(ArrayRef<Attribute> operands) {
  return selectSuccessor(operands, getFalseDest(), getTrueDest());
}

//===----------------------------------------------------------------------===//
// DispatchOp
//===----------------------------------------------------------------------===//

LogicalResult DispatchOp::verify() {
  ArrayRef<int64_t> targets = getTargets();
  if (targets.size() != getCases().size())
    return emitOpError("has ") << targets.size() << " target offsets but " << getCases().size()
                               << " case successors";
  int64_t codeSize = std::numeric_limits<int64_t>::max();
  if (auto contract = (*this)->getParentOfType<ContractOp>())
    codeSize = contract.getCodeSize();
  for (Block *dest : (*this)->getSuccessors())
    if (dest->getNumArguments() != 0)
      return emitOpError("successors take no arguments: values cross a dynamic jump through "
                         "the in-memory stack");
  llvm::SmallDenseSet<int64_t> seen;
  for (int64_t offset : targets) {
    if (offset < 0 || offset >= codeSize)
      return emitOpError("jump target ")
             << offset << " is not an offset in the code (size " << codeSize << ")";
    if (!seen.insert(offset).second)
      return emitOpError("jump target ") << offset << " is listed twice";
  }
  return success();
}

ParseResult DispatchOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand target;
  if (parser.parseOperand(target) || parser.parseLSquare())
    return failure();
  SmallVector<int64_t> offsets;
  SmallVector<Block *> cases;
  if (failed(parser.parseOptionalRSquare())) {
    do {
      int64_t offset;
      Block *dest;
      if (parser.parseInteger(offset) || parser.parseColon() || parser.parseSuccessor(dest))
        return failure();
      offsets.push_back(offset);
      cases.push_back(dest);
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRSquare())
      return failure();
  }
  Block *defaultDest;
  if (parser.parseComma() || parser.parseKeyword("default") || parser.parseSuccessor(defaultDest) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (parser.resolveOperand(target, getWordType(parser.getContext()), result.operands))
    return failure();
  result.addAttribute(getTargetsAttrName(result.name),
                      parser.getBuilder().getDenseI64ArrayAttr(offsets));
  result.addSuccessors(defaultDest);
  result.addSuccessors(cases);
  return success();
}

void DispatchOp::print(OpAsmPrinter &p) {
  p << ' ' << getTarget() << " [";
  llvm::interleaveComma(llvm::zip(getTargets(), getCases()), p, [&](auto pair) {
    p << std::get<0>(pair) << ": ";
    p.printSuccessor(std::get<1>(pair));
  });
  p << "], default ";
  p.printSuccessor(getDefaultDest());
  p.printOptionalAttrDict((*this)->getAttrs(), {getTargetsAttrName()});
}

#define GET_OP_CLASSES
#include "metis/Dialect/Metis/IR/MetisOps.cpp.inc"
