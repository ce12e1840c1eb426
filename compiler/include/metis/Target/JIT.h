//===- JIT.h - ORC JIT for contracts -------------------------------*- C++ -*-===//
//
// Compiles contracts in memory with LLVM ORC (LLJIT) and runs them through the runtime ABI.
// Compiled code is cached by code hash for the JIT's lifetime; the runtime builtins are
// bound explicitly, so nothing depends on what the process happens to export.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_JIT_H
#define METIS_TARGET_JIT_H

#include "metis/Target/Compile.h"
#include "metis/runtime/CompiledCode.h"
#include "metis/runtime/Executor.h"

#include "llvm/ExecutionEngine/Orc/LLJIT.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace metis {

class Jit final : public Executor {
public:
  static llvm::Expected<std::unique_ptr<Jit>> create(CompileOptions options = {});

  /// The compiled entry point of `code` (compiled on first use; thread-safe).
  llvm::Expected<metis_contract_fn> compile(BytesView code, const Bytes32 &codeHash);

  Result execute(Host &host, const Message &msg, BytesView code,
                 const Bytes32 &codeHash) noexcept override;

  /// Contracts compiled so far and the time spent compiling them.
  size_t compiledCount() const;
  double compileSeconds() const;
  /// Frames interpreted because their code failed to compile (each is a bug to report).
  size_t fallbackCount() const { return fallbacks_; }
  /// The first compile error seen, for the report.
  std::string firstError() const;

private:
  struct Entry {
    metis_contract_fn fn = nullptr;
    std::unique_ptr<CodeAnalysis> analysis; ///< What CODESIZE and CODECOPY read.
  };
  Jit(std::unique_ptr<llvm::orc::LLJIT> jit, CompileOptions options);
  llvm::Expected<const Entry *> lookupOrCompile(BytesView code, const Bytes32 &codeHash);

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  CompileOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<Bytes32, Entry> cache_;
  double compileSeconds_ = 0;
  std::atomic<size_t> fallbacks_{0};
  std::string firstError_;
};

} // namespace metis

#endif // METIS_TARGET_JIT_H
