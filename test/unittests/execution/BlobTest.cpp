//===- BlobTest.cpp - EIP-4844 BLOBHASH and EIP-7516 BLOBBASEFEE ----------===//
//
// BLOBHASH (0x49, 3 gas) replaces index i with the transaction's i-th
// versioned blob hash, or 0 when i is out of range. BLOBBASEFEE (0x4a, 2 gas)
// pushes the block's blob base fee.
// https://eips.ethereum.org/EIPS/eip-4844
// https://eips.ethereum.org/EIPS/eip-7516
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

class BlobTest : public ExecutionTest {
protected:
  BlobTest() {
    for (uint8_t fill : {0xaa, 0xbb}) {
      Bytes32 h;
      h.bytes.fill(fill);
      h[0] = 0x01; // the KZG version byte
      tx.blobHashes.push_back(h);
    }
  }
  Word hash(size_t i) const { return Word::fromBytes32(tx.blobHashes[i]); }
};

TEST_P(BlobTest, FirstHash) {
  // PUSH0 2 + BLOBHASH 3 + 13 = 18.
  execute(1000, emit(OP_BLOBHASH, {0}) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 18);
  EXPECT_EQ(outputWord(), hash(0));
}

TEST_P(BlobTest, SecondHash) {
  // PUSH1 3 + 3 + 13 = 19.
  execute(1000, emit(OP_BLOBHASH, {1}) + retTop());
  EXPECT_EQ(gasUsed, 19);
  EXPECT_EQ(outputWord(), hash(1));
}

TEST_P(BlobTest, OutOfRangeIsZero) {
  for (Word index : {Word(2), Word(1) << 64, Word(1) << 255, ~Word{}}) {
    SCOPED_TRACE(index.toHex());
    execute(1000, emit(OP_BLOBHASH, {index}) + retTop());
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(gasUsed, 19);
    EXPECT_EQ(outputWord(), Word(0));
  }
}

TEST_P(BlobTest, NoBlobsIsZero) {
  tx.blobHashes.clear();
  execute(1000, emit(OP_BLOBHASH, {0}) + retTop());
  EXPECT_EQ(outputWord(), Word(0));
}

TEST_P(BlobTest, BlobBaseFee) {
  // BLOBBASEFEE 2 + 13 = 15.
  tx.blobBaseFee = Word(0x1234);
  execute(1000, Bytecode(OP_BLOBBASEFEE) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 15);
  EXPECT_EQ(outputWord(), Word(0x1234));
  // All 256 bits are passed through.
  tx.blobBaseFee = ~Word{} - 1;
  execute(1000, Bytecode(OP_BLOBBASEFEE) + retTop());
  EXPECT_EQ(outputWord(), ~Word{} - 1);
}

TEST_P(BlobTest, BlobBaseFeeIsNotBaseFee) {
  tx.baseFee = Word(7);
  tx.blobBaseFee = Word(1);
  execute(1000, Bytecode(OP_BLOBBASEFEE) + retTop());
  EXPECT_EQ(outputWord(), Word(1));
}

METIS_INSTANTIATE_ENGINE_TESTS(BlobTest);

} // namespace
