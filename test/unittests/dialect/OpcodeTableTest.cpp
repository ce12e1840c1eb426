//===- OpcodeTableTest.cpp - The dialect against the runtime's opcode table ===//
//
// The runtime owns the instruction set (Opcodes.def). This checks that the dialect models
// every Cancun opcode with an op whose `kOpcode` (ODS, Metis_OpcodeOp) is its byte, named after
// it and with the same arity, that every dialect op is accounted for, and that the dialect's
// folders (APInt) agree with the runtime's arithmetic (Word) on random words.
//
//===----------------------------------------------------------------------===//
#include "metis/Dialect/Metis/IR/MetisOpcodes.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/Word.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"

#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>

using namespace mlir;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    c = char(std::tolower(c));
  return out;
}

/// The name of every op that models one instruction, by its `kOpcode`.
std::map<unsigned, std::string> opsByOpcode() {
  std::map<unsigned, std::string> ops;
  metis::forEachOpcodeOp([&]<typename Op>() {
    EXPECT_TRUE(ops.emplace(Op::kOpcode, Op::getOperationName().str()).second)
        << Op::getOperationName().str() << ": another op has opcode " << unsigned(Op::kOpcode);
  });
  return ops;
}

class DialectFixture : public ::testing::Test {
protected:
  DialectFixture() { ctx.loadDialect<metis::MetisDialect>(); }

  /// Builds `name` with `numOperands` i256 operands and `numResults` i256 results as the only
  /// op of a block of a contract, and verifies it.
  LogicalResult buildAndVerify(StringRef name, unsigned numOperands, unsigned numResults,
                               NamedAttrList attrs = {}) {
    OpBuilder b(&ctx);
    Location loc = b.getUnknownLoc();
    auto module = ModuleOp::create(loc);
    b.setInsertionPointToEnd(module.getBody());
    auto contract =
        b.create<metis::ContractOp>(loc, "c", "0x" + std::string(64, '0'), int64_t(100));
    Block *block = b.createBlock(&contract.getBody());
    SmallVector<Value> operands;
    Type word = metis::getWordType(&ctx);
    for (unsigned i = 0; i < numOperands; ++i)
      operands.push_back(block->addArgument(word, loc));
    OperationState state(loc, name);
    state.addOperands(operands);
    state.addTypes(SmallVector<Type>(numResults, word));
    state.addAttributes(attrs);
    Operation *op = b.create(state);
    LogicalResult result = verify(op);
    module->erase();
    return result;
  }

  MLIRContext ctx;
};

TEST_F(DialectFixture, EveryOpcodeHasAnOpWithTheSameArity) {
  ctx.getDiagEngine().registerHandler([](Diagnostic &) { return success(); });
  using metis::kOpcodeTraits;
  const std::map<unsigned, std::string> ops = opsByOpcode();
  unsigned checked = 0;
  for (unsigned byte = 0; byte < 256; ++byte) {
    const metis::OpcodeTraits &t = kOpcodeTraits[byte];
    if (!t.defined)
      continue;
    std::string name = "metis." + lower(t.name);
    SCOPED_TRACE(std::string(t.name));
    auto op = ops.find(byte);
    bool hasOp = op != ops.end();
    std::string opName = hasOp ? op->second : "";
    bool isDup = byte >= metis::OP_DUP1 && byte <= metis::OP_DUP16;
    bool isSwap = byte >= metis::OP_SWAP1 && byte <= metis::OP_SWAP16;
    if (isDup || isSwap || byte == metis::OP_POP || byte == metis::OP_JUMPDEST) {
      // SSA form and the CFG absorb them: there must be no such op.
      EXPECT_FALSE(RegisteredOperationName::lookup(name, &ctx)) << name;
      EXPECT_FALSE(hasOp) << opName;
      ++checked;
      continue;
    }
    if (byte >= metis::OP_PUSH0 && byte <= metis::OP_PUSH32) {
      EXPECT_FALSE(RegisteredOperationName::lookup(name, &ctx)) << name;
      EXPECT_FALSE(hasOp) << opName;
      OpBuilder b(&ctx);
      NamedAttrList attrs;
      attrs.append("value", b.getIntegerAttr(metis::getWordType(&ctx), 1));
      EXPECT_TRUE(succeeded(
          buildAndVerify(metis::ConstantOp::getOperationName(), t.stackIn, t.stackOut, attrs)));
      ++checked;
      continue;
    }
    if (byte >= metis::OP_LOG0 && byte <= metis::OP_LOG4) {
      EXPECT_FALSE(hasOp) << opName;
      EXPECT_TRUE(
          succeeded(buildAndVerify(metis::LogOp::getOperationName(), t.stackIn, t.stackOut)));
      ++checked;
      continue;
    }
    // Every other instruction has the op whose kOpcode is its byte, named after it.
    ASSERT_TRUE(hasOp) << "no op has kOpcode " << t.name;
    EXPECT_EQ(opName, name);
    ASSERT_TRUE(RegisteredOperationName::lookup(opName, &ctx)) << "no op " << opName;
    if (byte == metis::OP_JUMP || byte == metis::OP_JUMPI) {
      // Static targets become successors (metis.jump, metis.jumpi); dynamic ones a dispatch.
      EXPECT_TRUE(RegisteredOperationName::lookup(metis::DispatchOp::getOperationName(), &ctx));
      ++checked;
      continue;
    }
    NamedAttrList attrs;
    if (byte == metis::OP_PC)
      attrs.append("offset", OpBuilder(&ctx).getI64IntegerAttr(0));
    EXPECT_TRUE(succeeded(buildAndVerify(opName, t.stackIn, t.stackOut, attrs))) << opName;
    // One operand too many must be rejected.
    EXPECT_TRUE(failed(buildAndVerify(opName, t.stackIn + 1, t.stackOut, attrs))) << opName;
    ++checked;
  }
  EXPECT_EQ(checked, metis::kNumDefinedOpcodes);
}

TEST_F(DialectFixture, EveryOpcodeOfAnOpIsAnInstruction) {
  // The other direction: no op claims a byte the runtime does not define, or another name's.
  const std::map<unsigned, std::string> ops = opsByOpcode();
  EXPECT_FALSE(ops.empty());
  for (const auto &[byte, name] : ops) {
    const metis::OpcodeTraits &t = metis::kOpcodeTraits[byte];
    ASSERT_TRUE(t.defined) << name << " has kOpcode " << byte << ", undefined in Opcodes.def";
    EXPECT_EQ(name, "metis." + lower(t.name));
  }
}

TEST_F(DialectFixture, EveryOpIsAnOpcodeOrStructure) {
  // Ops that model no single opcode: structure the lifter adds, and fused ops.
  const std::set<std::string> structure = {
      "metis.contract",   "metis.constant",   "metis.gas.charge", "metis.stack.check",
      "metis.stack.push", "metis.stack.pop",  "metis.dispatch",   "metis.trap",
      "metis.log",        "metis.jumpi.zero", "metis.selector",   "metis.entry_offset",
      "metis.exit",       "metis.redispatch"};
  std::set<std::string> opcodeOps;
  for (const auto &t : metis::kOpcodeTraits)
    if (t.defined)
      opcodeOps.insert("metis." + lower(t.name));
  for (RegisteredOperationName op : ctx.getRegisteredOperations()) {
    if (op.getDialectNamespace() != "metis")
      continue;
    std::string name = op.getStringRef().str();
    EXPECT_TRUE(structure.count(name) || opcodeOps.count(name))
        << name << " is neither an opcode of Opcodes.def nor a known structure op";
  }
}

/// The folders (APInt) against the runtime (Word), on random and edge-case words.
TEST_F(DialectFixture, FoldersAgreeWithTheRuntime) {
  using metis::Word;
  std::mt19937_64 rng(1234);
  auto randomWord = [&] {
    static const uint64_t edges[] = {
        0, 1, 2, 0x7fffffffffffffff, 0x8000000000000000, ~uint64_t(0), 255, 256, 31, 32};
    Word w;
    for (auto &limb : w.limbs)
      limb = rng() % 3 == 0 ? edges[rng() % std::size(edges)] : rng();
    if (rng() % 4 == 0) // small values exercise shifts, BYTE and SIGNEXTEND indices
      w = Word(rng() % 300);
    return w;
  };
  auto toAPInt = [](const Word &w) { return APInt(256, ArrayRef<uint64_t>(w.limbs, 4)); };
  struct Case {
    const char *name;
    Word (*fn)(const Word &, const Word &);
  };
  const Case cases[] = {
      {"metis.add", [](const Word &a, const Word &b) { return a + b; }},
      {"metis.mul", [](const Word &a, const Word &b) { return a * b; }},
      {"metis.sub", [](const Word &a, const Word &b) { return a - b; }},
      {"metis.div", metis::udiv},
      {"metis.sdiv", metis::sdiv},
      {"metis.mod", metis::urem},
      {"metis.smod", metis::smod},
      {"metis.signextend", metis::signextend},
      {"metis.lt", [](const Word &a, const Word &b) { return Word(a < b); }},
      {"metis.gt", [](const Word &a, const Word &b) { return Word(a > b); }},
      {"metis.slt", [](const Word &a, const Word &b) { return Word(metis::slt(a, b)); }},
      {"metis.sgt", [](const Word &a, const Word &b) { return Word(metis::sgt(a, b)); }},
      {"metis.eq", [](const Word &a, const Word &b) { return Word(a == b); }},
      {"metis.and", [](const Word &a, const Word &b) { return a & b; }},
      {"metis.or", [](const Word &a, const Word &b) { return a | b; }},
      {"metis.xor", [](const Word &a, const Word &b) { return a ^ b; }},
      {"metis.byte", metis::byteAt},
      {"metis.shl", metis::shl},
      {"metis.shr", metis::shr},
      {"metis.sar", metis::sar},
  };
  OpBuilder b(&ctx);
  Type word = metis::getWordType(&ctx);
  for (const Case &c : cases) {
    SCOPED_TRACE(c.name);
    for (int i = 0; i < 500; ++i) {
      Word x = randomWord(), y = randomWord();
      OperationState state(b.getUnknownLoc(), c.name);
      auto cx = b.create<metis::ConstantOp>(b.getUnknownLoc(), toAPInt(x));
      auto cy = b.create<metis::ConstantOp>(b.getUnknownLoc(), toAPInt(y));
      state.addOperands({cx, cy});
      state.addTypes(word);
      Operation *op = b.create(state);
      SmallVector<OpFoldResult> results;
      Attribute attrs[] = {IntegerAttr::get(word, toAPInt(x)), IntegerAttr::get(word, toAPInt(y))};
      ASSERT_TRUE(succeeded(op->fold(attrs, results)));
      ASSERT_EQ(results.size(), 1u);
      auto folded = dyn_cast_if_present<IntegerAttr>(dyn_cast_if_present<Attribute>(results[0]));
      ASSERT_TRUE(folded) << "did not fold to a constant";
      EXPECT_EQ(folded.getValue(), toAPInt(c.fn(x, y))) << x.toHex() << ", " << y.toHex();
      op->erase();
      cx->erase();
      cy->erase();
    }
  }
}

TEST_F(DialectFixture, ModularFoldersAgreeWithTheRuntime) {
  using metis::Word;
  std::mt19937_64 rng(99);
  OpBuilder b(&ctx);
  Type word = metis::getWordType(&ctx);
  auto toAPInt = [](const Word &w) { return APInt(256, ArrayRef<uint64_t>(w.limbs, 4)); };
  for (const char *name : {"metis.addmod", "metis.mulmod"}) {
    for (int i = 0; i < 300; ++i) {
      Word v[3];
      for (Word &w : v)
        for (auto &limb : w.limbs)
          limb = rng() % 4 == 0 ? ~uint64_t(0) : rng() >> (rng() % 64);
      if (i % 10 == 0)
        v[2] = Word{};
      OperationState state(b.getUnknownLoc(), name);
      SmallVector<Value> operands;
      for (Word &w : v)
        operands.push_back(b.create<metis::ConstantOp>(b.getUnknownLoc(), toAPInt(w)));
      state.addOperands(operands);
      state.addTypes(word);
      Operation *op = b.create(state);
      SmallVector<OpFoldResult> results;
      Attribute attrs[] = {IntegerAttr::get(word, toAPInt(v[0])),
                           IntegerAttr::get(word, toAPInt(v[1])),
                           IntegerAttr::get(word, toAPInt(v[2]))};
      ASSERT_TRUE(succeeded(op->fold(attrs, results)));
      auto folded = dyn_cast_if_present<IntegerAttr>(dyn_cast_if_present<Attribute>(results[0]));
      ASSERT_TRUE(folded);
      Word expected = std::string(name) == "metis.addmod" ? metis::addmod(v[0], v[1], v[2])
                                                          : metis::mulmod(v[0], v[1], v[2]);
      EXPECT_EQ(folded.getValue(), toAPInt(expected)) << name;
      op->erase();
      for (Value operand : operands)
        operand.getDefiningOp()->erase();
    }
  }
}

} // namespace
