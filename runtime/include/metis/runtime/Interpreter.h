//===- Interpreter.h - The reference interpreter -----------------*- C++ -*-===//
//
// The cold tier and the reference every other tier is checked against. Executes one call
// frame; nested frames go through Host::call, which may run any tier.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_INTERPRETER_H
#define METIS_RUNTIME_INTERPRETER_H

#include "metis/runtime/Decoder.h"
#include "metis/runtime/Host.h"

namespace metis {

/// Observes execution one instruction at a time (EIP-3155 traces). Tracing runs a separate
/// instantiation of the interpreter loop, so an absent tracer costs nothing.
class Tracer {
public:
  virtual ~Tracer() = default;
  /// Called before the instruction at `pc` runs, with the gas left before its charge and the
  /// stack bottom first.
  virtual void onInstruction(uint32_t pc, uint8_t opcode, int64_t gas, int32_t depth,
                             std::span<const Word> stack, size_t memorySize,
                             int64_t refund) noexcept = 0;
  /// Called when a frame ends.
  virtual void onFrameEnd(const Result &result, int32_t depth) noexcept = 0;
};

/// Runs `code` as the frame described by `msg`. Stack, memory and return data live on the
/// heap, so native stack use per nested frame stays small.
Result execute(Host &host, const Message &msg, const CodeAnalysis &code,
               Tracer *tracer = nullptr) noexcept;
Result execute(Host &host, const Message &msg, BytesView code, Tracer *tracer = nullptr) noexcept;

} // namespace metis

#endif // METIS_RUNTIME_INTERPRETER_H
