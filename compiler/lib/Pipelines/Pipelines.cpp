//===- Pipelines.cpp - The named lowering pipeline --------------------------===//
#include "metis/Pipelines/Pipelines.h"
#include "metis/Conversion/Passes.h"
#include "metis/Dialect/Metis/Transforms/Passes.h"
#include "metis/Dialect/Metis/Transforms/RewriteConfig.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace metis {

namespace {
/// The canonicalize pass with its default options, block merging stated off (withoutBlockMerging).
std::unique_ptr<mlir::Pass> createCanonicalizer() {
  mlir::GreedyRewriteConfig config;
  config.useTopDownTraversal = true; // the pass's default, which the driver's is not
  return mlir::createCanonicalizerPass(withoutBlockMerging(config));
}
} // namespace

void buildMetisToLLVMPipeline(mlir::OpPassManager &pm, const LoweringOptions &options) {
  if (options.optLevel > 0) {
    pm.addPass(createCanonicalizer());
    pm.addNestedPass<ContractOp>(createFuseJumpIZero());
    pm.addNestedPass<ContractOp>(createFuseSelector());
    pm.addNestedPass<ContractOp>(createMergeGasCharges());
    pm.addPass(mlir::createCSEPass());
  }
  ConvertMetisToLLVMOptions convert;
  convert.compilerVersion = options.compilerVersion;
  convert.targetTriple = options.targetTriple;
  pm.addPass(createConvertMetisToLLVM(convert));
  if (options.optLevel > 0)
    pm.addPass(createCanonicalizer());
}

void registerMetisPipelines() {
  mlir::PassPipelineRegistration<>(
      "metis-to-llvm",
      "Lower lifted metis IR to the LLVM dialect (canonicalise, fuse, "
      "merge gas charges, convert)",
      [](mlir::OpPassManager &pm) { buildMetisToLLVMPipeline(pm, LoweringOptions{}); });
}

} // namespace metis
