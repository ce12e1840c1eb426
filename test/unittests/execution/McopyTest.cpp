//===- McopyTest.cpp - EIP-5656: MCOPY ------------------------------------===//
//
// MCOPY(dst, src, size) copies within memory as if through a temporary buffer,
// so overlapping ranges copy correctly. It costs 3 + 3 per word copied plus
// the expansion to cover both max(dst, src) + size; a zero size expands
// nothing. The overlap cases are the EIP's test vectors.
// https://eips.ethereum.org/EIPS/eip-5656
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using McopyTest = ExecutionTest;

/// The word 0x000102...1f: byte i holds i.
Bytes ascending() {
  Bytes b(32);
  for (int i = 0; i < 32; ++i)
    b[i] = uint8_t(i);
  return b;
}

TEST_P(McopyTest, CopiesAWord) {
  // EIP vector "MCOPY 0 32 32". mstore(32, 0x0001..1f): PUSH32 3 + PUSH1 3 +
  // MSTORE (3 + C_mem(2) 6) = 15. mcopy(0, 32, 32): PUSH1 3 + PUSH1 3 +
  // PUSH0 2 + MCOPY (3 + 3 per word) = 14. RETURN(0, 64): 3 + 2 = 5. 34.
  Bytes word = ascending();
  execute(1000, mstore(32, pushBytes(word)) + mcopy(0, 32, 32) + ret(0, 64));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 34);
  Bytes expected = word;
  expected.insert(expected.end(), word.begin(), word.end());
  EXPECT_EQ(result.output, expected);
}

TEST_P(McopyTest, CopyOntoItself) {
  // EIP vector "MCOPY 0 0 32": nothing changes. mstore(0, w): PUSH32 3 +
  // PUSH0 2 + MSTORE 6 = 11; mcopy: PUSH1 3 + PUSH0 2 + PUSH0 2 + 6 = 13;
  // RETURN(0, 32): 5. 29.
  Bytes word = ascending();
  execute(1000, mstore(0, pushBytes(word)) + mcopy(0, 0, 32) + ret(0, 32));
  EXPECT_EQ(gasUsed, 29);
  EXPECT_EQ(result.output, word);
}

TEST_P(McopyTest, OverlappingCopyForward) {
  // EIP vector "MCOPY 1 0 8": bytes 1..8 become the old 0..7.
  // 11 + mcopy (PUSH1 3 + PUSH0 2 + PUSH1 3 + 6 = 14) + 5 = 30.
  Bytes word = ascending();
  execute(1000, mstore(0, pushBytes(word)) + mcopy(1, 0, 8) + ret(0, 32));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 30);
  Bytes expected = word;
  for (int i = 1; i <= 8; ++i)
    expected[i] = uint8_t(i - 1);
  EXPECT_EQ(result.output, expected);
}

TEST_P(McopyTest, OverlappingCopyBackward) {
  // EIP vector "MCOPY 0 1 8": bytes 0..7 become the old 1..8.
  // 11 + (PUSH1 3 + PUSH1 3 + PUSH0 2 + 6 = 14) + 5 = 30.
  Bytes word = ascending();
  execute(1000, mstore(0, pushBytes(word)) + mcopy(0, 1, 8) + ret(0, 32));
  EXPECT_EQ(gasUsed, 30);
  Bytes expected = word;
  for (int i = 0; i < 8; ++i)
    expected[i] = uint8_t(i + 1);
  EXPECT_EQ(result.output, expected);
}

TEST_P(McopyTest, DestinationExpandsMemory) {
  // mcopy(0x100, 0, 1) on empty memory: 0x101 bytes = 9 words, C_mem(9) = 27.
  // PUSH1 3 + PUSH0 2 + PUSH2 3 + MCOPY (3 + 3 + 27) = 41; MSIZE 2;
  // retTop 10: 53.
  execute(1000, mcopy(0x100, 0, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 53);
  EXPECT_EQ(outputWord(), Word(0x120));
}

TEST_P(McopyTest, SourceExpandsMemory) {
  // Reading past the end expands too: mcopy(0, 0x100, 1) costs the same 53.
  execute(1000, mcopy(0, 0x100, 1) + OP_MSIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 53);
  EXPECT_EQ(outputWord(), Word(0x120));
}

TEST_P(McopyTest, ZeroSizeAtHugeOffsetsIsFree) {
  // EIP: "MCOPY 0xFFFF..FF 0xFFFF..FF 0" expands nothing.
  // PUSH0 2 + PUSH32 3 + PUSH32 3 + MCOPY 3 = 11; MSIZE 2 + 13: 26.
  execute(1000, mcopy(~Word{}, ~Word{}, 0) + OP_MSIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 26);
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(McopyTest, CopyCostRoundsUpToWords) {
  // 33 bytes are 2 words: PUSH1 3 + PUSH0 2 + PUSH0 2 + MCOPY (3 + 6 +
  // C_mem(2) 6) = 22.
  execute(1000, mcopy(0, 0, 33));
  EXPECT_EQ(gasUsed, 22);
}

TEST_P(McopyTest, HugeSizeRunsOutOfGas) {
  execute(1'000'000, mcopy(0, 0, Word(1) << 32));
  EXPECT_HALT(Status::OutOfGas);
  execute(1'000'000, mcopy(Word(1) << 64, 0, 1));
  EXPECT_HALT(Status::OutOfGas);
}

METIS_INSTANTIATE_ENGINE_TESTS(McopyTest);

} // namespace
