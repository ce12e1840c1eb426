//===- MemoryTest.cpp - Memory expansion and copy costs -------------------===//
//
// Memory grows in 32-byte words, and growing it to `a` words costs
// C_mem(a) = 3a + floor(a^2 / 512) in total; each access pays
// C_mem(new) - C_mem(old). A zero-length access touches nothing, whatever its
// offset. Copies pay 3 per word, KECCAK256 30 + 6 per word. Yellow paper,
// appendix H (equation 326):
// https://ethereum.github.io/yellowpaper/paper.pdf
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

#include "metis/runtime/Keccak.h"

using namespace metis;
using namespace metis::test;

namespace {

using MemoryTest = ExecutionTest;

TEST_P(MemoryTest, MstoreAtZero) {
  // PUSH1 3 + PUSH0 2 + MSTORE (3 + C_mem(1) = 3) = 11; MSIZE 2 + retTop 10
  // (no further expansion) = 12; 23.
  execute(1000, mstore(0, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 23);
  EXPECT_EQ(outputWord(), Word(32));
}

TEST_P(MemoryTest, MstoreAt32) {
  // PUSH1 3 + PUSH1 3 + MSTORE (3 + C_mem(2) = 6) = 15; MSIZE 2 + 10; 27.
  execute(1000, mstore(32, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(gasUsed, 27);
  EXPECT_EQ(outputWord(), Word(64));
}

TEST_P(MemoryTest, UnalignedMstoreTouchesTwoWords) {
  // Bytes [1, 33) span two words: the same 27 as at 32, MSIZE 64.
  execute(1000, mstore(1, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(gasUsed, 27);
  EXPECT_EQ(outputWord(), Word(64));
}

TEST_P(MemoryTest, Mstore8TouchesOneByte) {
  // Byte 31 is in the first word: 3 + 3 + MSTORE8 (3 + 3) = 12; 2 + 10; 24.
  execute(1000, mstore8(31, 0xff) + OP_MSIZE + retTop());
  EXPECT_EQ(gasUsed, 24);
  EXPECT_EQ(outputWord(), Word(32));
}

TEST_P(MemoryTest, MloadExpandsToo) {
  // PUSH1 3 + MLOAD (3 + C_mem(2) = 6) = 12, POP 2, MSIZE 2, retTop 10: 26.
  execute(1000, mload(32) + OP_POP + OP_MSIZE + retTop());
  EXPECT_EQ(gasUsed, 26);
  EXPECT_EQ(outputWord(), Word(64));
}

TEST_P(MemoryTest, MstoreAtLargeOffsetPaysTheQuadraticTerm) {
  // Offset 0x10000: 0x10020 bytes = 2049 words;
  // C_mem(2049) = 3 * 2049 + floor(2049^2 / 512) = 6147 + 8200 = 14347.
  // PUSH1 3 + PUSH3 3 + MSTORE 3 + 14347 = 14356; MSIZE 2 + retTop 10: 14368.
  execute(100000, mstore(0x10000, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 14368);
  EXPECT_EQ(outputWord(), Word(0x10020));
}

TEST_P(MemoryTest, ExpansionPaysOnlyTheDifference) {
  // mstore(0): 11. Then to 2049 words: 3 + 3 + 3 + (14347 - 3) = 14353.
  // Total 14364.
  execute(100000, mstore(0, 1) + mstore(0x10000, 1));
  EXPECT_EQ(gasUsed, 14364);
}

TEST_P(MemoryTest, MegabyteOffset) {
  // Offset 0x100000: 32769 words; C_mem = 98307 + floor(32769^2 / 512)
  // = 98307 + 2097280 = 2195587. 3 + 3 + 3 + 2195587 = 2195596.
  execute(3'000'000, mstore(0x100000, 1));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 2195596);
  // One short of it runs out of gas.
  execute(2195595, mstore(0x100000, 1));
  EXPECT_HALT(Status::OutOfGas);
}

TEST_P(MemoryTest, HugeOffsetsRunOutOfGas) {
  for (Word offset : {Word(1) << 32, Word(1) << 64, ~Word{}}) {
    SCOPED_TRACE(offset.toHex());
    execute(1'000'000, mstore(offset, 1));
    EXPECT_HALT(Status::OutOfGas);
    execute(1'000'000, mload(offset));
    EXPECT_HALT(Status::OutOfGas);
  }
}

TEST_P(MemoryTest, ZeroSizeAtHugeOffsetIsFree) {
  // RETURN(2^256 - 1, 0): PUSH0 2 + PUSH32 3 + RETURN 0 = 5, no expansion.
  execute(1000, ret(~Word{}, 0));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 5);
  EXPECT_TRUE(result.output.empty());
  // KECCAK256(2^256 - 1, 0) then MSIZE: 2 + 3 + 30 + POP 2 + MSIZE 2 + 13.
  execute(1000, emit(OP_KECCAK256, {~Word{}, 0}) + OP_POP + OP_MSIZE + retTop());
  EXPECT_EQ(gasUsed, 52);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(MemoryTest, Keccak256OfNothing) {
  // PUSH0 2 + PUSH0 2 + KECCAK256 30 + 13 = 47.
  execute(1000, emit(OP_KECCAK256, {0, 0}) + retTop());
  EXPECT_EQ(gasUsed, 47);
  EXPECT_EQ(outputWord(), Word::fromBytes32(kEmptyCodeHash));
}

TEST_P(MemoryTest, Keccak256OfOneWord) {
  // keccak256 of 32 zero bytes. PUSH1 3 + PUSH0 2 + KECCAK256 (30 + 6 + 3 for
  // the word of memory) = 44; retTop 10: 54.
  execute(1000, emit(OP_KECCAK256, {0, 32}) + retTop());
  EXPECT_EQ(gasUsed, 54);
  EXPECT_EQ(outputWord(), *Word::fromHex("0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6"
                                         "362f93160ef3e563"));
  // 33 bytes are two words: 30 + 12 + C_mem(2) 6; 3 + 2 + 48 = 53 and POP 2.
  execute(1000, emit(OP_KECCAK256, {0, 33}) + OP_POP);
  EXPECT_EQ(gasUsed, 55);
}

TEST_P(MemoryTest, CalldatacopyPadsWithZerosAndPaysPerWord) {
  // CALLDATACOPY(0, 0, 33) of 3 bytes: PUSH1 3 + PUSH0 2 + PUSH0 2 +
  // 3 + C_mem(2) 6 + copy 2 words 6 = 22; RETURN(0, 33): 3 + 2 = 5. 27.
  Bytes input{0xaa, 0xbb, 0xcc};
  execute(1000, emit(OP_CALLDATACOPY, {0, 0, 33}) + ret(0, 33), input);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 27);
  Bytes expected(33, 0);
  expected[0] = 0xaa;
  expected[1] = 0xbb;
  expected[2] = 0xcc;
  EXPECT_EQ(result.output, expected);
}

TEST_P(MemoryTest, ReturnExpandsMemory) {
  // RETURN(0, 64) of fresh memory pays C_mem(2) = 6: 3 + 2 + 6 = 11.
  execute(1000, ret(0, 64));
  EXPECT_EQ(gasUsed, 11);
  EXPECT_EQ(result.output, Bytes(64, 0));
}

METIS_INSTANTIATE_ENGINE_TESTS(MemoryTest);

} // namespace
