//===- DecoderTest.cpp - Decoding and JUMPDEST analysis -------------------===//
//
// What every tier learns from the raw bytes before running them. The rules are
// the yellow paper's (section 9.4.3, "Jump Destination Validity"): push data is
// not code, so a 0x5b inside it is no JUMPDEST; a PUSH running past the end of
// the code reads zeros. PUSH0 (EIP-3855) has no immediate:
// https://eips.ethereum.org/EIPS/eip-3855
//
// Not parameterised by engine: every tier shares this analysis.
//
//===----------------------------------------------------------------------===//
#include "support/Bytecode.h"

#include "metis/runtime/Decoder.h"

#include <gtest/gtest.h>

// Instructions view into the code: every test keeps its code in a variable.

using namespace metis;
using namespace metis::test;

namespace {

Bytes hex(std::string_view s) { return Bytecode::fromHex(s).bytes(); }

Bytes toBytes(BytesView v) { return Bytes(v.begin(), v.end()); }

TEST(DecoderTest, EmptyCode) { EXPECT_TRUE(decode({}).empty()); }

TEST(DecoderTest, SkipsPushData) {
  // PUSH1 0x5b, PUSH2 0x0102, ADD, PUSH0, JUMPDEST
  Bytes code = hex("605b61010201"
                   "5f"
                   "5b");
  std::vector<Instruction> ins = decode(code);
  ASSERT_EQ(ins.size(), 5u);
  EXPECT_EQ(ins[0].pc, 0u);
  EXPECT_EQ(ins[0].opcode, OP_PUSH1);
  EXPECT_EQ(toBytes(ins[0].immediate), hex("5b"));
  EXPECT_FALSE(ins[0].truncated);
  EXPECT_EQ(ins[1].pc, 2u);
  EXPECT_EQ(ins[1].opcode, OP_PUSH2);
  EXPECT_EQ(toBytes(ins[1].immediate), hex("0102"));
  EXPECT_EQ(ins[2].pc, 5u);
  EXPECT_EQ(ins[2].opcode, OP_ADD);
  EXPECT_TRUE(ins[2].immediate.empty());
  EXPECT_EQ(ins[3].pc, 6u);
  EXPECT_EQ(ins[3].opcode, OP_PUSH0);
  EXPECT_TRUE(ins[3].immediate.empty());
  EXPECT_EQ(ins[4].pc, 7u);
  EXPECT_EQ(ins[4].opcode, OP_JUMPDEST);
}

TEST(DecoderTest, Push32ImmediateIsWhole) {
  Bytes code{OP_PUSH32};
  for (int i = 0; i < 32; ++i)
    code.push_back(uint8_t(i + 1));
  code.push_back(OP_STOP);
  std::vector<Instruction> ins = decode(code);
  ASSERT_EQ(ins.size(), 2u);
  EXPECT_EQ(ins[0].immediate.size(), 32u);
  EXPECT_EQ(ins[0].immediate[0], 1);
  EXPECT_EQ(ins[0].immediate[31], 32);
  EXPECT_FALSE(ins[0].truncated);
  EXPECT_EQ(ins[1].pc, 33u);
  EXPECT_EQ(ins[1].opcode, OP_STOP);
}

TEST(DecoderTest, TruncatedPushAtEnd) {
  // ADD, PUSH4 with only two of its four bytes.
  Bytes code = hex("01"
                   "63aabb");
  std::vector<Instruction> ins = decode(code);
  ASSERT_EQ(ins.size(), 2u);
  EXPECT_EQ(ins[1].pc, 1u);
  EXPECT_EQ(ins[1].opcode, OP_PUSH4);
  EXPECT_EQ(toBytes(ins[1].immediate), hex("aabb"));
  EXPECT_TRUE(ins[1].truncated);
}

TEST(DecoderTest, PushAsLastByteHasNoImmediate) {
  for (uint8_t op : {uint8_t(OP_PUSH1), uint8_t(OP_PUSH32)}) {
    Bytes code{op};
    std::vector<Instruction> ins = decode(code);
    ASSERT_EQ(ins.size(), 1u);
    EXPECT_EQ(ins[0].opcode, op);
    EXPECT_TRUE(ins[0].immediate.empty());
    EXPECT_TRUE(ins[0].truncated);
  }
}

TEST(DecoderTest, ExactFitIsNotTruncated) {
  Bytes code = hex("61aabb");
  std::vector<Instruction> ins = decode(code);
  ASSERT_EQ(ins.size(), 1u);
  EXPECT_EQ(ins[0].immediate.size(), 2u);
  EXPECT_FALSE(ins[0].truncated);
}

TEST(DecoderTest, UndefinedBytesDecodeAsThemselves) {
  Bytes code = hex("0c"
                   "ef"
                   "fe"
                   "21");
  std::vector<Instruction> ins = decode(code);
  ASSERT_EQ(ins.size(), 4u);
  EXPECT_EQ(ins[0].opcode, 0x0c);
  EXPECT_EQ(ins[1].opcode, 0xef);
  EXPECT_EQ(ins[2].opcode, OP_INVALID);
  EXPECT_EQ(ins[3].opcode, 0x21);
  for (const Instruction &i : ins) {
    EXPECT_TRUE(i.immediate.empty());
    EXPECT_FALSE(i.truncated);
  }
}

//===- CodeAnalysis -------------------------------------------------------===//

TEST(CodeAnalysisTest, EmptyCode) {
  CodeAnalysis a(BytesView{});
  EXPECT_EQ(a.codeSize(), 0u);
  EXPECT_TRUE(a.code().empty());
  EXPECT_FALSE(a.isJumpdest(0));
  for (size_t i = 0; i < CodeAnalysis::kPadding; ++i)
    EXPECT_EQ(a.paddedCode()[i], 0) << i;
}

TEST(CodeAnalysisTest, JumpdestInPushDataIsNotAJumpdest) {
  // 0: PUSH1 0x5b  2: JUMPDEST  3: PUSH2 0x5b5b  6: JUMPDEST
  CodeAnalysis a(hex("605b"
                     "5b"
                     "615b5b"
                     "5b"));
  EXPECT_FALSE(a.isJumpdest(0));
  EXPECT_FALSE(a.isJumpdest(1));
  EXPECT_TRUE(a.isJumpdest(2));
  EXPECT_FALSE(a.isJumpdest(3));
  EXPECT_FALSE(a.isJumpdest(4));
  EXPECT_FALSE(a.isJumpdest(5));
  EXPECT_TRUE(a.isJumpdest(6));
}

TEST(CodeAnalysisTest, Push32DataHidesJumpdests) {
  // PUSH32 of 32 JUMPDEST bytes, then a real one at 33.
  Bytes code{OP_PUSH32};
  code.insert(code.end(), 32, OP_JUMPDEST);
  code.push_back(OP_JUMPDEST);
  CodeAnalysis a(code);
  for (uint64_t pc = 0; pc <= 32; ++pc)
    EXPECT_FALSE(a.isJumpdest(pc)) << pc;
  EXPECT_TRUE(a.isJumpdest(33));
}

TEST(CodeAnalysisTest, JumpdestAtLastByte) {
  CodeAnalysis a(hex("00005b"));
  EXPECT_TRUE(a.isJumpdest(2));
  EXPECT_FALSE(a.isJumpdest(3)); // the padding is not code
}

TEST(CodeAnalysisTest, JumpdestSwallowedByTruncatedPush) {
  // PUSH2 whose data (0x5b and one missing byte) runs past the end.
  CodeAnalysis a(hex("615b"));
  EXPECT_FALSE(a.isJumpdest(1));
}

TEST(CodeAnalysisTest, JumpdestsAcrossBitmapWords) {
  // JUMPDESTs at 63, 64 and 128 straddle 64-bit bitmap words.
  Bytes code(130, OP_STOP);
  code[63] = code[64] = code[128] = OP_JUMPDEST;
  CodeAnalysis a(code);
  for (uint64_t pc = 0; pc < 140; ++pc)
    EXPECT_EQ(a.isJumpdest(pc), pc == 63 || pc == 64 || pc == 128) << pc;
}

TEST(CodeAnalysisTest, PushDataCrossingBitmapWord) {
  // A PUSH32 at 40 covers 41..72; a JUMPDEST byte at 64 inside it is data.
  Bytes code(80, OP_STOP);
  code[40] = OP_PUSH32;
  code[64] = OP_JUMPDEST;
  code[73] = OP_JUMPDEST;
  CodeAnalysis a(code);
  EXPECT_FALSE(a.isJumpdest(64));
  EXPECT_TRUE(a.isJumpdest(73));
}

TEST(CodeAnalysisTest, HugeDestinationIsNotAJumpdest) {
  CodeAnalysis a(hex("5b"));
  EXPECT_TRUE(a.isJumpdest(0));
  EXPECT_FALSE(a.isJumpdest(uint64_t(1) << 32));
  EXPECT_FALSE(a.isJumpdest(~uint64_t(0)));
}

TEST(CodeAnalysisTest, PaddingReadsZero) {
  // A PUSH32 at the last byte reads 32 zero bytes and lands on STOP.
  Bytes code = hex("6001"
                   "7f");
  CodeAnalysis a(code);
  EXPECT_EQ(a.codeSize(), 3u);
  EXPECT_EQ(toBytes(a.code()), code);
  const uint8_t *p = a.paddedCode();
  EXPECT_EQ(p[0], 0x60);
  EXPECT_EQ(p[2], 0x7f);
  for (size_t i = 0; i < CodeAnalysis::kPadding; ++i)
    EXPECT_EQ(p[code.size() + i], 0) << i;
}

} // namespace
