//===- CreateTest.cpp - CREATE and CREATE2 --------------------------------===//
//
// - CREATE puts the contract at keccak256(rlp([sender, nonce]))[12:];
//   CREATE2 at keccak256(0xff ++ sender ++ salt ++ keccak256(init))[12:] and
//   pays 6 per word to hash the init code (EIP-1014, whose examples are used
//   here). https://eips.ethereum.org/EIPS/eip-1014
// - Creating over an account with a nonce or code fails and burns the gas
//   given to it (EIP-684).
// - Code starting with 0xEF cannot be deployed (EIP-3541).
//   https://eips.ethereum.org/EIPS/eip-3541
// - Deployed code is at most 24576 bytes (EIP-170), 200 gas per byte.
//   https://eips.ethereum.org/EIPS/eip-170
// - Init code is at most 49152 bytes and costs 2 per word (EIP-3860); longer
//   is an exceptional halt of the creating frame.
//   https://eips.ethereum.org/EIPS/eip-3860
// - A failed create burns what it was given: 63/64 of what was left
//   (EIP-150).
//
//===----------------------------------------------------------------------===//
#include "support/ExecutionFixture.h"

using namespace metis;
using namespace metis::test;

namespace {

using CreateTest = ExecutionTest;

Address address(std::string_view hex) { return *addressFromHex(hex); }
Word word(std::string_view hex) { return *Word::fromHex(hex); }

//===- Addresses ----------------------------------------------------------===//

TEST_P(CreateTest, CreateAddressesFollowTheNonce) {
  // Well-known vectors for sender 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0
  // at nonces 0..3.
  contract = address("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
  Bytecode code =
      4 * create(0, 0, 0) + mstore(96) + mstore(64) + mstore(32) + mstore(0) + ret(0, 128);
  deploy(contract, code).nonce = 0;
  // Each CREATE of empty init code: 3 PUSH0 6 + 32000, and the init frame
  // gives all its gas back: 4 * 32006 = 128024. mstore(96): PUSH1 3 + 3 +
  // C_mem(4) 12 = 18; mstore(64) and (32): 6 each; mstore(0): 5; RETURN 5.
  // 128064.
  run(1'000'000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 128064);
  ASSERT_EQ(result.output.size(), 128u);
  const char *expected[] = {
      "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d", "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8",
      "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91", "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c"};
  for (int i = 0; i < 4; ++i) {
    Address created = Word::fromBigEndian(result.output.data() + 32 * i).toAddress();
    EXPECT_EQ(created, address(expected[i])) << i;
    // EIP-161: a new contract starts with nonce 1.
    ASSERT_NE(account(created), nullptr);
    EXPECT_EQ(account(created)->nonce, 1u);
  }
  EXPECT_EQ(account(contract)->nonce, 4u);
}

struct Create2Example {
  const char *sender;
  const char *salt;
  const char *initCode;
  const char *address;
};

// EIP-1014's examples.
const Create2Example kCreate2Examples[] = {
    {"0x0000000000000000000000000000000000000000",
     "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00",
     "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38"},
    {"0xdeadbeef00000000000000000000000000000000",
     "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00",
     "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3"},
    {"0xdeadbeef00000000000000000000000000000000",
     "0x000000000000000000000000feed000000000000000000000000000000000000", "0x00",
     "0xD04116cDd17beBE565EB2422F2497E06cC1C9833"},
    {"0x0000000000000000000000000000000000000000",
     "0x0000000000000000000000000000000000000000000000000000000000000000", "0xdeadbeef",
     "0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e"},
    {"0x00000000000000000000000000000000deadbeef",
     "0x00000000000000000000000000000000000000000000000000000000cafebabe", "0xdeadbeef",
     "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7"},
    {"0x00000000000000000000000000000000deadbeef",
     "0x00000000000000000000000000000000000000000000000000000000cafebabe",
     "0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbe"
     "efdeadbeefdeadbeef",
     "0x1d8bfDC5D46DC4f61D6b6115972536eBE6A8854C"},
    {"0x0000000000000000000000000000000000000000",
     "0x0000000000000000000000000000000000000000000000000000000000000000", "0x",
     "0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0"},
};

TEST(Create2AddressTest, Eip1014Examples) {
  for (const Create2Example &e : kCreate2Examples) {
    SCOPED_TRACE(e.address);
    EXPECT_EQ(state::create2Address(address(e.sender), word(e.salt), Bytecode::fromHex(e.initCode)),
              address(e.address));
  }
}

TEST_P(CreateTest, Create2RunsTheEip1014Examples) {
  // The examples whose init code runs (0x00 is STOP, empty is nothing),
  // executed by CREATE2 from the example's sender.
  for (int i : {0, 1, 2, 6}) {
    const Create2Example &e = kCreate2Examples[i];
    SCOPED_TRACE(e.address);
    resetState();
    contract = address(e.sender);
    const uint64_t size = i == 6 ? 0 : 1;
    // Fresh memory is zero, so memory [0, 1) holds the init code 0x00.
    execute(100000, create2(0, 0, size, word(e.salt)) + retTop());
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(outputAddress(), address(e.address));
    // Salt PUSH0 2 (PUSH20 3 for example 2's), size PUSH1 3, 2 PUSH0 4;
    // CREATE2 32000 + hash 6 + init code 2 + memory 3 = 32011; the init
    // frame uses nothing; retTop 10. Example 6: size PUSH0 2, CREATE2 32000,
    // retTop 13.
    const int64_t expected[] = {32030, 32030, 32031, 0, 0, 0, 32021};
    EXPECT_EQ(gasUsed, expected[i]);
  }
}

TEST_P(CreateTest, Create2CollisionFailsAndBurnsTheGas) {
  // The same salt and init code twice: the second address already has a
  // nonce (EIP-684).
  // First: 4 PUSH0 8 + 32000. 100000 - 32008 = 67992 left. Second: 8 + 32000
  // leave 35984, of which 35984 - 562 = 35422 are given and burnt: 562 left.
  // mstore(32) 12, mstore(0) 5, RETURN 5: 540 left, 99460 used.
  execute(100000, create2(0, 0, 0, 0) + create2(0, 0, 0, 0) + mstore(32) + mstore(0) + ret(0, 64));
  EXPECT_EQ(result.status, Status::Success);
  ASSERT_EQ(result.output.size(), 64u);
  const Address expected = state::create2Address(kContract, Word(0), {});
  EXPECT_EQ(Word::fromBigEndian(result.output.data()).toAddress(), expected);
  EXPECT_EQ(Word::fromBigEndian(result.output.data() + 32), Word(0));
  EXPECT_EQ(gasUsed, 99460);
  // Both attempts bump the creator's nonce (1 from deployment, then 2 more).
  EXPECT_EQ(account(kContract)->nonce, 3u);
}

TEST_P(CreateTest, CreateOverAnAccountWithCodeFails) {
  const Address target = state::createAddress(kContract, 1);
  deploy(target, Bytecode(OP_STOP)).nonce = 0;
  execute(100000, create(0, 0, 0) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(0));
}

//===- Init code outcomes -------------------------------------------------===//

TEST_P(CreateTest, EndowmentAndDeployedCode) {
  // The init code returns the one byte 0xfe.
  Bytecode init = mstore8(0, 0xfe) + ret(0, 1);
  ASSERT_EQ(init.size(), 8u);
  deploy(kContract, storeInMemory(0, init) + create(7, 0, 8) + retTop(), 10);
  // storeInMemory: PUSH32 3 + PUSH0 2 + MSTORE 6 = 11; PUSH1 3 + PUSH0 2 +
  // PUSH1 3 = 8; CREATE 32000 + 2 (one init code word); the init frame:
  // PUSH1 3 + PUSH0 2 + MSTORE8 6 + PUSH1 3 + PUSH0 2 + RETURN 0 = 16, and
  // 200 for the deposited byte; retTop 10. 32247.
  run(100000);
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 32247);
  const Address created = outputAddress();
  EXPECT_EQ(created, state::createAddress(kContract, 1));
  ASSERT_NE(account(created), nullptr);
  EXPECT_EQ(account(created)->codeView().size(), 1u);
  EXPECT_EQ(account(created)->codeView()[0], 0xfe);
  EXPECT_EQ(balanceOf(created), Word(7));
  EXPECT_EQ(balanceOf(kContract), Word(3));
}

TEST_P(CreateTest, RevertingInitCode) {
  Bytecode init = mstore(0, 0xaa) + revert(0, 32);
  ASSERT_EQ(init.size(), 8u);
  // 11 + 7 + 32002; the init frame uses 3 + 2 + 6 + 3 + 2 = 16 and gives the
  // rest back; POP 2; RETURNDATASIZE 2 + retTop 10. 32050.
  execute(100000, storeInMemory(0, init) + create(0, 0, 8) + OP_POP + OP_RETURNDATASIZE + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 32050);
  EXPECT_EQ(outputWord(), Word(32));
  EXPECT_EQ(account(state::createAddress(kContract, 1)), nullptr);
  EXPECT_EQ(account(kContract)->nonce, 2u);
}

TEST_P(CreateTest, InitCodeGetsAllButOne64th) {
  // The init code reverts with the gas it started with (GAS is read after
  // its own 2): GAS PUSH0 MSTORE PUSH1 32 PUSH0 REVERT, 7 bytes, 15 gas.
  Bytecode init = Bytecode(OP_GAS) + mstore(0) + revert(0, 32);
  ASSERT_EQ(init.size(), 7u);
  // storeInMemory 11, PUSH1 3 + 2 PUSH0 4, CREATE 32000 + 2: 67980 left, of
  // which 67980 - 1062 = 66918 go to the init code; GAS reads 66916.
  // Then 15 for the init code, POP 2, RETURNDATACOPY(0, 0, 32) 3 + 2 + 2 + 3
  // + 3 = 13, RETURN 5: 32055.
  execute(100000, storeInMemory(0, init) + create(0, 0, 7) + OP_POP + returndatacopy(0, 0, 32) +
                      ret(0, 32));
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(66916));
  EXPECT_EQ(gasUsed, 32055);
}

//===- EIP-3541 -----------------------------------------------------------===//

TEST_P(CreateTest, CodeStartingWithEFIsRejected) {
  // Init code returning n bytes of memory, the first 0xEF: 8 bytes.
  // storeInMemory 11 + PUSH1 3 + 2 PUSH0 4 + CREATE 32000 + 2 = 32020, 67980
  // left, 67980 - 1062 = 66918 given and burnt, retTop 10: 98948.
  for (uint64_t n : {1, 2, 32}) {
    SCOPED_TRACE(n);
    resetState();
    Bytecode init = mstore8(0, 0xef) + ret(0, n);
    ASSERT_EQ(init.size(), 8u);
    execute(100000, storeInMemory(0, init) + create(0, 0, 8) + retTop());
    EXPECT_EQ(result.status, Status::Success);
    EXPECT_EQ(outputWord(), Word(0));
    EXPECT_EQ(gasUsed, 98948);
    EXPECT_EQ(account(state::createAddress(kContract, 1)), nullptr);
  }
}

TEST_P(CreateTest, Create2CodeStartingWithEFIsRejected) {
  // Salt PUSH0 2 more and 6 for hashing the word: 32028, 67972 left,
  // 67972 - 1062 = 66910 burnt, retTop 10: 98948.
  Bytecode init = mstore8(0, 0xef) + ret(0, 1);
  execute(100000, storeInMemory(0, init) + create2(0, 0, 8, 0) + retTop());
  EXPECT_EQ(outputWord(), Word(0));
  EXPECT_EQ(gasUsed, 98948);
}

TEST_P(CreateTest, OtherLeadingBytesAreFine) {
  // 0xFE (INVALID) and 0xEE are not reserved: 11 + 7 + 32002 + 16 + 200 +
  // 10 = 32246.
  for (uint64_t first : {0xfe, 0xee, 0xf0}) {
    SCOPED_TRACE(first);
    resetState();
    Bytecode init = mstore8(0, first) + ret(0, 1);
    execute(100000, storeInMemory(0, init) + create(0, 0, 8) + retTop());
    EXPECT_EQ(outputAddress(), state::createAddress(kContract, 1));
    EXPECT_EQ(gasUsed, 32246);
  }
}

//===- EIP-170 ------------------------------------------------------------===//

/// Init code returning `size` zero bytes: PUSH2 size, PUSH0, RETURN.
Bytecode returnZeros(uint64_t size) {
  return pushBytes(Bytes{uint8_t(size >> 8), uint8_t(size)}) + OP_PUSH0 + OP_RETURN;
}

TEST_P(CreateTest, CodeOf24576BytesIsDeployed) {
  // storeInMemory 11, PUSH1 3 + 2 PUSH0 4, CREATE 32000 + 2; the init frame:
  // PUSH2 3 + PUSH0 2 + RETURN with C_mem(768) = 2304 + 1152 = 3456, then
  // 200 * 24576 = 4915200 to deposit; retTop 10. 4950691.
  execute(6'000'000, storeInMemory(0, returnZeros(0x6000)) + create(0, 0, 5) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  const Address created = outputAddress();
  EXPECT_EQ(created, state::createAddress(kContract, 1));
  ASSERT_NE(account(created), nullptr);
  EXPECT_EQ(account(created)->codeSize(), 24576u);
  EXPECT_EQ(gasUsed, 4950691);
}

TEST_P(CreateTest, CodeOf24577BytesIsRejected) {
  // 32020 before the create runs, 5967980 left; 5967980 - 93249 = 5874731
  // given and burnt; retTop 10. 6000000 - 93239 = 5906761.
  execute(6'000'000, storeInMemory(0, returnZeros(0x6001)) + create(0, 0, 5) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(0));
  EXPECT_EQ(gasUsed, 5906761);
  EXPECT_EQ(account(state::createAddress(kContract, 1)), nullptr);
}

TEST_P(CreateTest, DepositCostIsChargedToTheInitFrame) {
  // With 100000 the init frame has ~66900, not enough for 200 * 24576: the
  // create fails.
  execute(100000, storeInMemory(0, returnZeros(0x6000)) + create(0, 0, 5) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputWord(), Word(0));
}

//===- EIP-3860 -----------------------------------------------------------===//

TEST_P(CreateTest, InitcodeOf49152BytesIsAllowed) {
  // PUSH2 3 + 2 PUSH0 4; CREATE 32000 + 2 * 1536 words + C_mem(1536) =
  // 4608 + 4608 = 9216: 44288; the zero init code stops at once; retTop 10.
  // 44305.
  execute(1'000'000, create(0, 0, 0xc000) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(outputAddress(), state::createAddress(kContract, 1));
  EXPECT_EQ(gasUsed, 44305);
}

TEST_P(CreateTest, InitcodeOf49153BytesHalts) {
  execute(1'000'000, create(0, 0, 0xc001) + retTop());
  EXPECT_EXCEPTIONAL_HALT();
}

TEST_P(CreateTest, Create2InitcodeOf49152BytesIsAllowed) {
  // Salt PUSH0 2 more, and 6 per word to hash: 32000 + 8 * 1536 + 9216 =
  // 53504; 9 + 53504 + 10 = 53523.
  execute(1'000'000, create2(0, 0, 0xc000, 0) + retTop());
  EXPECT_EQ(result.status, Status::Success);
  EXPECT_EQ(gasUsed, 53523);
}

TEST_P(CreateTest, Create2InitcodeOf49153BytesHalts) {
  execute(1'000'000, create2(0, 0, 0xc001, 0) + retTop());
  EXPECT_EXCEPTIONAL_HALT();
}

METIS_INSTANTIATE_ENGINE_TESTS(CreateTest);

} // namespace
