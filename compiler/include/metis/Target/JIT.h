//===- JIT.h - ORC JIT for contracts -------------------------------*- C++ -*-===//
//
// Compiles contracts in memory with LLVM ORC (LLJIT) and runs them through the runtime ABI.
// Compiled code is cached by code hash for the JIT's lifetime (CachingExecutor); the runtime
// builtins are bound explicitly, so nothing depends on what the process happens to export.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_JIT_H
#define METIS_TARGET_JIT_H

#include "metis/Target/CachingExecutor.h"
#include "metis/Target/Compile.h"

#include "llvm/ExecutionEngine/Orc/LLJIT.h"

#include <memory>

namespace metis {

class Jit final : public CachingExecutor {
public:
  static llvm::Expected<std::unique_ptr<Jit>> create(CompileOptions options = {});

private:
  Jit(std::unique_ptr<llvm::orc::LLJIT> jit, CompileOptions options);
  /// Compiles `code` into a JITDylib of its own.
  llvm::Expected<CompiledContract> compileCode(BytesView code, const Bytes32 &codeHash) override;

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  CompileOptions options_;
};

} // namespace metis

#endif // METIS_TARGET_JIT_H
