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

#include "metis/Target/CachingExecutor.h"
#include "metis/Target/Compile.h"
#include "metis/runtime/CompiledCode.h"

#include <memory>
#include <string>

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
/// file per code hash) and loaded from there; a library already in the folder is loaded as it
/// is.
class AotExecutor final : public CachingExecutor {
public:
  AotExecutor(std::string cacheDir, CompileOptions options = {});

private:
  /// Compiles `code` to `cacheDir`/<hash>.so unless that file exists, and loads it.
  llvm::Expected<CompiledContract> compileCode(BytesView code, const Bytes32 &codeHash) override;

  std::string cacheDir_;
  CompileOptions options_;
};

} // namespace metis

#endif // METIS_TARGET_AOT_H
