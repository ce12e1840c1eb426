//===- CachingExecutor.h - Compiled code cached by code hash -------*- C++ -*-===//
//
// What every compiled tier shares. Code is keyed by its Keccak-256 hash: the first frame that
// runs a code makes its entry through the tier's hook (compileCode: the JIT compiles in
// memory, the AOT executor compiles a shared library and loads it), and every later frame
// with that hash reuses it. A frame whose code cannot be compiled or loaded is interpreted
// instead, and counted, with the first error kept for the report. The statistics (compiled
// contracts, compile time, fallbacks) live here, so a caller reads them the same way whatever
// the tier.
//
// Run-time tiering (design.md, "The JIT and tiering") builds on this: a code's CodeEntry is
// where its tier or optimisation level, and the counters that decide it, will go.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_CACHINGEXECUTOR_H
#define METIS_TARGET_CACHINGEXECUTOR_H

#include "metis/runtime/CompiledCode.h"
#include "metis/runtime/Executor.h"

#include "llvm/Support/Error.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace metis {

/// What a tier's hook makes of one code.
struct CompiledContract {
  metis_contract_fn entry = nullptr;
  /// Keeps `entry` alive as long as the cache holds it (a loaded library, say); may be null.
  std::shared_ptr<const void> owner;
  /// Seconds spent compiling; 0 if the code was loaded ready-made.
  double compileSeconds = 0;
};

class CachingExecutor : public Executor {
public:
  /// One code's entry in the cache.
  struct CodeEntry {
    explicit CodeEntry(BytesView code, CompiledContract compiled)
        : analysis(code), compiled(std::move(compiled)) {}
    CodeAnalysis analysis; ///< What CODESIZE and CODECOPY read.
    CompiledContract compiled;
  };

  ~CachingExecutor() override;

  /// Runs the frame on `code`'s compiled entry, compiling it on first use; interprets it if
  /// that fails.
  Result execute(Host &host, const Message &msg, BytesView code,
                 const Bytes32 &codeHash) noexcept final;

  /// The entry of `code` (whose keccak256 is `codeHash`), compiled on first use; thread-safe.
  /// A failure is not cached: the next call tries again.
  llvm::Expected<const CodeEntry *> getOrCompile(BytesView code, const Bytes32 &codeHash);

  /// Contracts compiled (or loaded) so far.
  size_t compiledCount() const;
  /// Seconds spent compiling them (loading ready-made code is free).
  double compileSeconds() const;
  /// Frames interpreted because their code failed to compile or load (each is a bug to
  /// report).
  size_t fallbackCount() const { return fallbacks_; }
  /// The first compile or load error seen, empty if none.
  std::string firstError() const;

protected:
  CachingExecutor() = default;

  /// Compiles or loads `code`, whose keccak256 is `codeHash`. Calls are serialised (the cache
  /// is locked while one runs) and made only for a hash the cache does not hold.
  virtual llvm::Expected<CompiledContract> compileCode(BytesView code, const Bytes32 &codeHash) = 0;

private:
  mutable std::mutex mutex_;
  std::unordered_map<Bytes32, std::unique_ptr<CodeEntry>> cache_;
  double compileSeconds_ = 0;
  std::atomic<size_t> fallbacks_{0};
  std::string firstError_;
};

} // namespace metis

#endif // METIS_TARGET_CACHINGEXECUTOR_H
