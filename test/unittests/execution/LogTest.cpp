//===- LogTest.cpp - LOG0..LOG4 -------------------------------------------===//
//
// LOGn costs 375 + 375 per topic + 8 per data byte plus memory expansion;
// topics are taken top of stack first after offset and size. Logs of a
// reverted frame are discarded. Yellow paper, appendix H (LOG0..LOG4):
// https://ethereum.github.io/yellowpaper/paper.pdf
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using LogTest = ExecutionTest;

const Address kChild = Address::fromUint64(0xc41d);

Bytes32 topic(uint64_t v) { return Word(v).toBytes32(); }

TEST_P(LogTest, Log0WithoutData) {
  // PUSH0 2 + PUSH0 2 + LOG0 375 = 379.
  execute(1000, emit(OP_LOG0, {0, 0}));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 379);
  ASSERT_EQ(logs().size(), 1u);
  EXPECT_EQ(logs()[0].address, kContract);
  EXPECT_TRUE(logs()[0].topics.empty());
  EXPECT_TRUE(logs()[0].data.empty());
}

TEST_P(LogTest, Log1WithAWord) {
  // mstore(0, 0xaabb): PUSH2 3 + PUSH0 2 + MSTORE 6 = 11; LOG1(0, 32, 7):
  // PUSH1 3 + PUSH1 3 + PUSH0 2 + 750 + 8 * 32 = 1014. 1025.
  execute(10000, mstore(0, 0xaabb) + emit(OP_LOG1, {0, 32, 7}));
  EXPECT_EQ(gasUsed, 1025);
  ASSERT_EQ(logs().size(), 1u);
  EXPECT_EQ(logs()[0].topics, std::vector<Bytes32>{topic(7)});
  Bytes data(32, 0);
  data[30] = 0xaa;
  data[31] = 0xbb;
  EXPECT_EQ(logs()[0].data, data);
}

TEST_P(LogTest, Log4TopicOrder) {
  // 4 PUSH1 12 + 2 PUSH0 4 + 375 + 4 * 375 = 1891.
  execute(10000, emit(OP_LOG4, {0, 0, 1, 2, 3, 4}));
  EXPECT_EQ(gasUsed, 1891);
  ASSERT_EQ(logs().size(), 1u);
  EXPECT_EQ(logs()[0].topics, (std::vector<Bytes32>{topic(1), topic(2), topic(3), topic(4)}));
}

TEST_P(LogTest, DataExpandsMemory) {
  // LOG0(0, 64): PUSH1 3 + PUSH0 2 + 375 + 512 + C_mem(2) 6 = 898.
  execute(10000, emit(OP_LOG0, {0, 64}));
  EXPECT_EQ(gasUsed, 898);
  ASSERT_EQ(logs().size(), 1u);
  EXPECT_EQ(logs()[0].data, Bytes(64, 0));
}

TEST_P(LogTest, RevertedChildLogsAreDiscarded) {
  deploy(kChild, emit(OP_LOG0, {0, 0}) + revert(0, 0));
  execute(100000, emit(OP_LOG1, {0, 0, 1}) + call(kChild) + OP_POP);
  EXPECT_EQ(result.status, Status::Success);
  ASSERT_EQ(logs().size(), 1u);
  EXPECT_EQ(logs()[0].address, kContract);
}

TEST_P(LogTest, SuccessfulChildLogsStay) {
  deploy(kChild, emit(OP_LOG0, {0, 0}));
  execute(100000, emit(OP_LOG1, {0, 0, 1}) + call(kChild) + OP_POP);
  ASSERT_EQ(logs().size(), 2u);
  EXPECT_EQ(logs()[0].address, kContract);
  EXPECT_EQ(logs()[1].address, kChild);
}

TEST_P(LogTest, RevertedFrameLogsAreDiscarded) {
  execute(1000, emit(OP_LOG0, {0, 0}) + revert(0, 0));
  EXPECT_EQ(result.status, Status::Revert);
  EXPECT_TRUE(logs().empty());
}

METIS_INSTANTIATE_ENGINE_TESTS(LogTest);

} // namespace
