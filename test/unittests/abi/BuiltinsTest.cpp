//===- BuiltinsTest.cpp - The ABI builtins against the interpreter ----------===//
//
// Contracts "compiled by hand" in C against abi.h, run through executeCompiled, must leave
// exactly what the interpreter leaves for the same bytecode: status, gas, refund, output,
// storage and logs. This checks the glue every compiled tier relies on before any codegen.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/CompiledCode.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/StateHost.h"

#include <gtest/gtest.h>

using namespace metis;

namespace {

const Address kContract = Address::fromUint64(0xc0de);
const Address kSender = Address::fromUint64(0x5e4d);

metis_word wordOf(uint64_t v) { return metis_word{{v, 0, 0, 0}}; }

class BuiltinsTest : public ::testing::Test {
protected:
  Result run(BytesView code, metis_contract_fn compiled, int64_t gas = 100000) {
    state::State s;
    state::Account contract;
    contract.nonce = 1;
    contract.code = std::make_shared<const Bytes>(code.begin(), code.end());
    s.insert(kContract, std::move(contract));
    state::Account sender;
    sender.balance = Word(1000000);
    s.insert(kSender, std::move(sender));
    state::BlockInfo block;
    state::StateHost host(s, block, TxContext{}, nullptr);
    s.warmAccount(kContract);
    s.warmAccount(kSender);
    Message msg;
    msg.gas = gas;
    msg.recipient = msg.codeAddress = kContract;
    msg.sender = kSender;
    CodeAnalysis analysis(code);
    Result r =
        compiled ? executeCompiled(host, msg, analysis, compiled) : execute(host, msg, analysis);
    storage = host.getStorage(kContract, Word(0));
    logs = s.logs().size();
    return r;
  }

  void expectSame(BytesView code, metis_contract_fn compiled, int64_t gas = 100000) {
    Result want = run(code, nullptr, gas);
    Word wantStorage = storage;
    size_t wantLogs = logs;
    Result got = run(code, compiled, gas);
    EXPECT_EQ(int(got.status), int(want.status));
    EXPECT_EQ(got.gasLeft, want.gasLeft);
    EXPECT_EQ(got.gasRefund, want.gasRefund);
    EXPECT_EQ(got.output, want.output);
    EXPECT_EQ(storage, wantStorage);
    EXPECT_EQ(logs, wantLogs);
  }

  Word storage{};
  size_t logs = 0;
};

// PUSH1 42 PUSH1 0 SSTORE PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
const Bytes kStoreLoadReturn = {0x60, 0x2a, 0x60, 0x00, 0x55, 0x60, 0x00, 0x54,
                                0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3};

/// kStoreLoadReturn as the lowering compiles it: one block, one charge of its static gas
/// (3+3+0+3+100+3+3+3+3+0 = 121), SSTORE with the static gas of the rest prepaid.
int32_t storeLoadReturn(metis_context *ctx, uint64_t) {
  if ((ctx->gas -= 121) < 0)
    return METIS_OUT_OF_GAS;
  metis_word key = wordOf(0), value = wordOf(42);
  // Prepaid after SSTORE: PUSH1 SLOAD PUSH1 MSTORE PUSH1 PUSH1 RETURN = 3+100+3+3+3+3 = 115.
  if (int32_t s = metis_rt_sstore(ctx, &key, &value, 115); s != METIS_CONTINUE)
    return s;
  metis_word loaded = wordOf(0);
  if (int32_t s = metis_rt_read(ctx, OP_SLOAD, &loaded); s != METIS_CONTINUE)
    return s;
  // MSTORE at 0 inline: grow to 32 bytes, then store big-endian.
  if (ctx->memory_size < 32)
    if (int32_t s = metis_rt_memory_grow(ctx, 32); s != METIS_CONTINUE)
      return s;
  for (int i = 0; i < 32; ++i)
    ctx->memory[31 - i] = uint8_t(loaded.limbs[i / 8] >> (8 * (i % 8)));
  metis_word offset = wordOf(0), size = wordOf(32);
  return metis_rt_return(ctx, &offset, &size, 0);
}

TEST_F(BuiltinsTest, StoreLoadReturnMatchesTheInterpreter) {
  expectSame(kStoreLoadReturn, storeLoadReturn);
  Result r = run(kStoreLoadReturn, storeLoadReturn);
  ASSERT_EQ(r.status, Status::Success);
  ASSERT_EQ(r.output.size(), 32u);
  EXPECT_EQ(r.output[31], 42);
  // Cold slot: 2100 + 20000 for SSTORE, 100 for the warm SLOAD, 3 memory words... exact:
  // static 121 + (2100 + 20000 - 0) + 3 (one memory word) = 22224 used.
  EXPECT_EQ(100000 - r.gasLeft, 22224);
}

TEST_F(BuiltinsTest, SentrySeesPrepaidGas) {
  // With 2420 gas the block charge leaves 2299, and instruction-by-instruction charging
  // would leave 2299 + 115 = 2414 > 2300 at SSTORE: the sentry passes, the cold SSTORE then
  // runs out of gas. Both tiers must agree on that.
  expectSame(kStoreLoadReturn, storeLoadReturn, 2420);
  expectSame(kStoreLoadReturn, storeLoadReturn, 121);
  expectSame(kStoreLoadReturn, storeLoadReturn, 120);
}

// PUSH1 1 PUSH1 0 LOG0 with memory expansion, then STOP.
const Bytes kLog = {0x60, 0x01, 0x60, 0x00, 0xa0, 0x00};

int32_t logStop(metis_context *ctx, uint64_t) {
  if ((ctx->gas -= 3 + 3 + 375) < 0)
    return METIS_OUT_OF_GAS;
  metis_word args[2] = {wordOf(0), wordOf(1)};
  if (int32_t s = metis_rt_log(ctx, args, 0); s != METIS_CONTINUE)
    return s;
  return METIS_SUCCESS;
}

TEST_F(BuiltinsTest, LogMatchesTheInterpreter) {
  expectSame(kLog, logStop);
  expectSame(kLog, logStop, 385);
}

// PUSH1 0x2a | JUMPDEST(2) PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN: compiled code runs the first
// block and leaves the second to the interpreter, with the pushed word in the in-memory stack.
const Bytes kResume = {0x60, 0x2a, 0x5b, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3};

/// The first block of kResume as a region ends that jumps into code that was not compiled.
int32_t pushThenResume(metis_context *ctx, uint64_t pc) {
  if (pc != 0)
    return METIS_INTERNAL_ERROR;
  if ((ctx->gas -= 3) < 0)
    return METIS_OUT_OF_GAS;
  ctx->stack[ctx->stack_height++] = wordOf(0x2a);
  ctx->resume_pc = 2;
  return METIS_RESUME;
}

int32_t resumeWithBadPc(metis_context *ctx, uint64_t) {
  ctx->resume_pc = 1000;
  return METIS_RESUME;
}

TEST_F(BuiltinsTest, InterpreterFinishesAFrameCompiledCodeLeft) {
  expectSame(kResume, pushThenResume);
  expectSame(kResume, pushThenResume, 2);  // the compiled block runs out of gas
  expectSame(kResume, pushThenResume, 3);  // ... the interpreted JUMPDEST
  expectSame(kResume, pushThenResume, 12); // ... MSTORE's memory expansion
  Result r = run(kResume, pushThenResume);
  ASSERT_EQ(r.status, Status::Success);
  ASSERT_EQ(r.output.size(), 32u);
  EXPECT_EQ(r.output[31], 0x2a); // the word compiled code left on the stack
  // 3 compiled, then 1 + 3 + 3 + 3 (memory) + 3 + 3 interpreted.
  EXPECT_EQ(100000 - r.gasLeft, 19);
  EXPECT_EQ(run(kResume, resumeWithBadPc).status, Status::InternalError);
}

TEST(ContractInfoTest, RefusesOtherCodeAndAbi) {
  Bytes code = {0x00};
  metis_contract_info info{};
  info.magic = METIS_ABI_MAGIC;
  info.abi_version = METIS_ABI_VERSION;
  info.code_size = 1;
  Bytes32 h = keccak256(code);
  std::memcpy(info.code_hash, h.data(), 32);
  EXPECT_EQ(checkContractInfo(info, code), "");
  Bytes other = {0x01};
  EXPECT_NE(checkContractInfo(info, other).find("compiled for other bytecode"), std::string::npos);
  info.abi_version = METIS_ABI_VERSION + 1;
  EXPECT_NE(checkContractInfo(info, code).find("ABI version"), std::string::npos);
  info.magic = 0;
  EXPECT_NE(checkContractInfo(info, code).find("magic"), std::string::npos);
}

} // namespace
