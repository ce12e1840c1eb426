//===- RewriteConfig.h - The greedy rewrite config of the metis passes -*- C++ -*-===//
#ifndef METIS_DIALECT_METIS_TRANSFORMS_REWRITECONFIG_H
#define METIS_DIALECT_METIS_TRANSFORMS_REWRITECONFIG_H

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace metis {

/// `config` with region simplification at "normal", which never merges blocks. Every metis pass
/// that runs the greedy rewrite driver, and the lowering pipeline's canonicalizer, take their
/// config from here.
///
/// Why: the driver's default in MLIR 19 is "aggressive", which merges identical blocks, and
/// MLIR 19's block merging miscompiles lifted code. It ignores uses of a block's arguments
/// outside the block (llvm/llvm-project#94520, fixed after 19), and it prunes a repeated new
/// argument with indices that ignore the block's existing ones (reworked after 19 by
/// llvm/llvm-project#102038), which broke snailtracer. The canonicalize pass defaults to
/// "normal"; the pipeline states it rather than rely on that. See
/// test/Dialect/Metis/Transforms/fuse-block-merging*.mlir.
inline mlir::GreedyRewriteConfig withoutBlockMerging(mlir::GreedyRewriteConfig config = {}) {
  config.enableRegionSimplification = mlir::GreedySimplifyRegionLevel::Normal;
  return config;
}

} // namespace metis

#endif // METIS_DIALECT_METIS_TRANSFORMS_REWRITECONFIG_H
