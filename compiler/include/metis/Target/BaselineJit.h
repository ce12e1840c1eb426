//===- BaselineJit.h - The baseline tier in memory -----------------*- C++ -*-===//
//
// Runs contracts compiled by the baseline emitter (metis/Baseline/Emitter.h): each code's
// machine code is copied into executable pages of its own, cached by code hash for the
// executor's lifetime (CachingExecutor) and released with the cache entry.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_BASELINEJIT_H
#define METIS_TARGET_BASELINEJIT_H

#include "metis/Target/CachingExecutor.h"

namespace metis {

class BaselineJit final : public CachingExecutor {
public:
  BaselineJit() = default;

private:
  llvm::Expected<CompiledContract> compileCode(BytesView code, const Bytes32 &codeHash) override;
};

/// Copies position-independent machine code into fresh executable pages; the entry is at
/// offset 0 and lives as long as the returned owner.
llvm::Expected<CompiledContract> loadMachineCode(llvm::ArrayRef<uint8_t> bytes);

} // namespace metis

#endif // METIS_TARGET_BASELINEJIT_H
