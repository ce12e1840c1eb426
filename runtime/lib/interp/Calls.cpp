//===- Calls.cpp - CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 ===//
//
// The gas rules here are the subtle ones: EIP-2929 cold surcharge, EIP-150's 63/64 cap, the
// 2300 stipend, and the "light" failures (depth, balance) that push 0 but keep the frame
// running with the forwarded gas returned.
//
//===----------------------------------------------------------------------===//
#include "metis/interp/Frame.h"
#include "metis/interp/Gas.h"
#include "metis/interp/Instructions.h"
#include "metis/runtime/Opcodes.h"

namespace metis::interp {

namespace {
constexpr int32_t kMaxDepth = 1024;
constexpr uint64_t kMaxInitcodeSize = 0xc000; // EIP-3860
} // namespace

StepResult callInstruction(Frame &f, uint8_t opcode, int64_t gas, const Word *args,
                           Word &out) noexcept {
  const bool hasValueArg = opcode == OP_CALL || opcode == OP_CALLCODE;
  const Word &gasArg = args[0];
  const Address dst = args[1].toAddress();
  const Word value = hasValueArg ? args[2] : Word{};
  const Word *mem = args + (hasValueArg ? 3 : 2);
  const Word &inOff = mem[0], &inSize = mem[1], &outOff = mem[2], &outSize = mem[3];
  const bool hasValue = !value.isZero();
  const Message &parent = *f.msg;

  out = Word{};
  f.returnData.clear();

  auto fail = [&](Status s) { return StepResult{gas, s}; };

  if (f.host->accessAccount(dst) == AccessStatus::Cold && (gas -= kColdAccountSurcharge) < 0)
    return fail(Status::OutOfGas);
  if ((gas = chargeMemory(gas, f.memory, inOff, inSize)) < 0 ||
      (gas = chargeMemory(gas, f.memory, outOff, outSize)) < 0)
    return fail(Status::OutOfGas);

  Message msg;
  msg.kind = opcode == OP_DELEGATECALL ? CallKind::DelegateCall
             : opcode == OP_CALLCODE   ? CallKind::CallCode
                                       : CallKind::Call;
  msg.isStatic = opcode == OP_STATICCALL || parent.isStatic;
  msg.depth = parent.depth + 1;
  msg.recipient = (opcode == OP_CALL || opcode == OP_STATICCALL) ? dst : parent.recipient;
  msg.codeAddress = dst;
  msg.sender = opcode == OP_DELEGATECALL ? parent.sender : parent.recipient;
  msg.value = opcode == OP_DELEGATECALL ? parent.value : value;
  if (!inSize.isZero())
    msg.input = BytesView(f.memory.data() + inOff.low64(), inSize.low64());

  int64_t cost = hasValue ? kCallValueCost : 0;
  if (opcode == OP_CALL) {
    if (hasValue && parent.isStatic)
      return fail(Status::StaticModeViolation);
    if (hasValue && !f.host->accountExists(dst))
      cost += kNewAccountCost;
  }
  if ((gas -= cost) < 0)
    return fail(Status::OutOfGas);

  // EIP-150: forward at most all but one 64th of what is left.
  const int64_t cap = gas - gas / 64;
  msg.gas = (gasArg.fitsUint64() && gasArg.low64() < uint64_t(cap)) ? int64_t(gasArg.low64()) : cap;
  if (hasValue) {
    msg.gas += kCallStipend;
    gas += kCallStipend;
  }

  if (parent.depth >= kMaxDepth)
    return {gas, Status::Success};
  if (hasValue && f.host->getBalance(parent.recipient) < value)
    return {gas, Status::Success};

  Result result = f.host->call(msg);
  f.returnData = std::move(result.output);
  out = Word(result.status == Status::Success ? 1 : 0);
  size_t copy = std::min<size_t>(outSize.isZero() ? 0 : outSize.low64(), f.returnData.size());
  if (copy)
    std::memcpy(f.memory.data() + outOff.low64(), f.returnData.data(), copy);
  gas -= msg.gas - result.gasLeft;
  f.gasRefund += result.gasRefund;
  return {gas, Status::Success};
}

StepResult createInstruction(Frame &f, uint8_t opcode, int64_t gas, const Word *args,
                             Word &out) noexcept {
  const Message &parent = *f.msg;
  const Word &endowment = args[0], &offset = args[1], &size = args[2];
  out = Word{};
  auto fail = [&](Status s) { return StepResult{gas, s}; };
  if (parent.isStatic)
    return fail(Status::StaticModeViolation);
  f.returnData.clear();
  if ((gas = chargeMemory(gas, f.memory, offset, size)) < 0)
    return fail(Status::OutOfGas);
  const uint64_t initSize = size.isZero() ? 0 : size.low64();
  if (initSize > kMaxInitcodeSize)
    return fail(Status::OutOfGas);
  // EIP-3860 charges per word of init code; CREATE2 also hashes it.
  const int64_t wordCost =
      opcode == OP_CREATE2 ? kInitcodeWordCost + kKeccakWordCost : kInitcodeWordCost;
  if ((gas -= numWords(initSize) * wordCost) < 0)
    return fail(Status::OutOfGas);

  if (parent.depth >= kMaxDepth)
    return {gas, Status::Success};
  if (!endowment.isZero() && f.host->getBalance(parent.recipient) < endowment)
    return {gas, Status::Success};

  Message msg;
  msg.kind = opcode == OP_CREATE2 ? CallKind::Create2 : CallKind::Create;
  msg.depth = parent.depth + 1;
  msg.gas = gas - gas / 64;
  msg.sender = parent.recipient;
  msg.value = endowment;
  if (opcode == OP_CREATE2)
    msg.salt = args[3];
  if (initSize)
    msg.input = BytesView(f.memory.data() + offset.low64(), initSize);

  Result result = f.host->call(msg);
  gas -= msg.gas - result.gasLeft;
  f.gasRefund += result.gasRefund;
  f.returnData = std::move(result.output);
  if (result.status == Status::Success)
    out = Word::fromAddress(result.createAddress);
  return {gas, Status::Success};
}

} // namespace metis::interp
