//===- JsonTracer.cpp - EIP-3155 trace output -------------------------------===//
//
// One JSON object per instruction, in the field order evmone and geth print, so a failing
// case can be diffed line by line against a reference implementation's --trace.
//
//===----------------------------------------------------------------------===//
#include "metis/harness/StateTest.h"
#include "metis/runtime/Opcodes.h"

#include <cinttypes>
#include <cstdio>

namespace metis::statetest {

namespace {
class JsonTracer final : public Tracer {
public:
  explicit JsonTracer(std::FILE *out) : out_(out) {}

  void onInstruction(uint32_t pc, uint8_t opcode, int64_t gas, int32_t depth,
                     std::span<const Word> stack, size_t memorySize,
                     int64_t refund) noexcept override {
    const OpcodeTraits &t = kOpcodeTraits[opcode];
    std::fprintf(out_,
                 "{\"pc\":%u,\"op\":%u,\"gas\":\"0x%" PRIx64 "\",\"gasCost\":\"0x%x\","
                 "\"memSize\":%zu,\"stack\":[",
                 pc, opcode, uint64_t(gas), unsigned(t.staticGas), memorySize);
    for (size_t i = 0; i < stack.size(); ++i)
      std::fprintf(out_, "%s\"%s\"", i ? "," : "", stack[i].toHex().c_str());
    std::string name = t.defined ? std::string(t.name)
                                 : "opcode 0x" + toHex(BytesView(&opcode, 1)) + " not defined";
    std::fprintf(out_, "],\"depth\":%d,\"refund\":%" PRId64 ",\"opName\":\"%s\"}\n", depth + 1,
                 refund, name.c_str());
  }

  void onFrameEnd(const Result &result, int32_t depth) noexcept override {
    std::fprintf(
        out_, "{\"output\":\"%s\",\"gasLeft\":\"0x%" PRIx64 "\",\"depth\":%d,\"error\":\"%s\"}\n",
        toHex(result.output).c_str(), uint64_t(result.gasLeft), depth + 1,
        result.status == Status::Success ? "" : statusName(result.status));
  }

private:
  std::FILE *out_;
};
} // namespace

std::unique_ptr<Tracer> makeJsonTracer(std::FILE *out) { return std::make_unique<JsonTracer>(out); }

} // namespace metis::statetest
