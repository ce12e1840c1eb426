//===- Compile.h - Bytecode to an optimised LLVM module ------------*- C++ -*-===//
//
// The steps every native tier shares: analyse and lift the bytecode, run the lowering
// pipeline, translate to LLVM IR and optimise it for a target machine.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_COMPILE_H
#define METIS_TARGET_COMPILE_H

#include "metis/Pipelines/Pipelines.h"
#include "metis/runtime/Bytes.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>

namespace metis {

struct CompileOptions {
  LoweringOptions lowering;
  /// LLVM optimisation level, 0 to 3.
  unsigned llvmOptLevel = 2;
  /// Names the module and locations.
  std::string name = "contract";
};

/// Lifts, lowers and optimises `code` into `ctx` for `tm`. Errors name the step that failed.
llvm::Expected<std::unique_ptr<llvm::Module>> compileToLLVM(BytesView code, llvm::LLVMContext &ctx,
                                                            llvm::TargetMachine &tm,
                                                            const CompileOptions &options);

/// Initialises the native target once (idempotent, thread-safe).
void initializeNativeTarget();

/// A target machine for the host, or an error.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(unsigned optLevel);

} // namespace metis

#endif // METIS_TARGET_COMPILE_H
