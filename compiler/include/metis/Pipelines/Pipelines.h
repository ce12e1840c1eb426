//===- Pipelines.h - The named lowering pipeline -------------------*- C++ -*-===//
#ifndef METIS_PIPELINES_PIPELINES_H
#define METIS_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <set>
#include <string>
#include <vector>

namespace metis {

struct LoweringOptions {
  /// 0: lower as lifted; 1 and up: canonicalise, fuse and merge gas charges first.
  unsigned optLevel = 2;
  std::string compilerVersion = "metis-0.1";
  /// Passes of the pipeline to leave out, by their metis-opt flag (optionalPassNames()), to
  /// bisect a miscompile.
  std::set<std::string> disabledPasses;
  std::string targetTriple;
};

/// metis (as lifted) -> LLVM dialect: the whole lowering, also registered for metis-opt as
/// `--pass-pipeline='builtin.module(metis-to-llvm)'`.
void buildMetisToLLVMPipeline(mlir::OpPassManager &pm, const LoweringOptions &options);

/// The pipeline's passes that LoweringOptions::disabledPasses (metisc --disable-pass) can leave
/// out, by flag.
const std::vector<std::string> &optionalPassNames();

void registerMetisPipelines();

} // namespace metis

#endif // METIS_PIPELINES_PIPELINES_H
