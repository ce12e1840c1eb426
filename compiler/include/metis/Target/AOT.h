//===- AOT.h - Ahead-of-time compilation and loading ---------------*- C++ -*-===//
//
// metisc writes a contract as LLVM IR, assembly, an object file or a shared library; the
// loader dlopen()s such a library, checks its info record against the code it is asked to
// run (code hash, ABI version), and runs it through the runtime ABI. The library's calls to
// the runtime builtins resolve against the loading process, which exports them.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_AOT_H
#define METIS_TARGET_AOT_H

#include "metis/Target/Compile.h"
#include "metis/runtime/CompiledCode.h"
#include "metis/runtime/Executor.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace metis {

enum class EmitKind { LLVMIR, Assembly, Object, SharedLibrary };

/// Compiles `code` and writes it to `path` as `kind`.
llvm::Error emitContract(BytesView code, EmitKind kind, const std::string &path,
                         const CompileOptions &options);

/// A loaded shared library of a compiled contract.
class LoadedContract {
public:
  /// Loads `path` and checks it was compiled from `code` for this ABI; the error names the
  /// file and what does not match.
  static llvm::Expected<std::unique_ptr<LoadedContract>> load(const std::string &path,
                                                              BytesView code);
  ~LoadedContract();
  metis_contract_fn entry() const { return entry_; }

private:
  LoadedContract() = default;
  void *handle_ = nullptr;
  metis_contract_fn entry_ = nullptr;
};

/// Runs every contract from a shared library compiled on first use into `cacheDir` (one
/// file per code hash) and loaded from there.
class AotExecutor final : public Executor {
public:
  AotExecutor(std::string cacheDir, CompileOptions options = {});

  Result execute(Host &host, const Message &msg, BytesView code,
                 const Bytes32 &codeHash) noexcept override;
  size_t compiledCount() const;
  /// Seconds spent compiling and linking (loading a library already there is free).
  double compileSeconds() const;
  /// Frames interpreted because their code failed to compile or load.
  size_t fallbackCount() const { return fallbacks_; }
  /// The first compile or load error seen, for the report.
  std::string firstError() const;

private:
  struct Entry {
    std::unique_ptr<LoadedContract> contract;
    std::unique_ptr<CodeAnalysis> analysis;
  };
  llvm::Expected<const Entry *> lookupOrCompile(BytesView code, const Bytes32 &codeHash);

  std::string cacheDir_;
  CompileOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<Bytes32, Entry> cache_;
  std::atomic<size_t> fallbacks_{0};
  std::string firstError_;
  double compileSeconds_ = 0;
};

} // namespace metis

#endif // METIS_TARGET_AOT_H
