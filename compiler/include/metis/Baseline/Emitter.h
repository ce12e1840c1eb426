//===- Emitter.h - The baseline tier: bytecode to x86-64 in one pass -*- C++ -*-===//
//
// The baseline level (docs/baseline.md) compiles a contract without LLVM: one pass over the
// analysed blocks writes each instruction's x86-64 code with asmjit's assembler. Words stay in
// the frame's in-memory stack, addressed at offsets known at compile time; each block charges
// its static gas and checks its stack once; everything beyond plain arithmetic, the stack,
// memory and jumps calls the runtime's builtins, as the LLVM tier does. A block that fails its
// checks, or an instruction the emitter does not take on (an offset past 2^32, say), hands the
// frame to the interpreter at that instruction, so statuses and gas are the interpreter's.
//
// The code is position-independent: builtins are called through ctx->builtins and jump tables
// hold offsets, so the same bytes run from the JIT's memory or from a shared library.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_BASELINE_EMITTER_H
#define METIS_BASELINE_EMITTER_H

#include "metis/runtime/Bytes.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace metis::baseline {

/// One contract's machine code: a metis_contract_fn at offset 0 (abi.h).
struct EmittedCode {
  std::vector<uint8_t> bytes;
  uint32_t blocks = 0;       ///< Basic blocks emitted.
  uint32_t instructions = 0; ///< EVM instructions emitted.
};

/// Emits `code` as x86-64 machine code. Fails only if the assembler does (out of memory).
llvm::Expected<EmittedCode> emitContract(BytesView code);

} // namespace metis::baseline

#endif // METIS_BASELINE_EMITTER_H
