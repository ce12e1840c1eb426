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

const std::vector<std::string> &optionalPassNames() {
  static const std::vector<std::string> names{"metis-fuse-jumpi-zero", "metis-fuse-selector",
                                              "metis-merge-gas-charges",
                                              "metis-elide-memory-checks"};
  return names;
}

void buildMetisToLLVMPipeline(mlir::OpPassManager &pm, const LoweringOptions &options) {
  auto enabled = [&](llvm::StringRef flag) { return !options.disabledPasses.count(flag.str()); };
  if (options.optLevel > 0) {
    pm.addPass(createCanonicalizer());
    if (enabled("metis-fuse-jumpi-zero"))
      pm.addNestedPass<ContractOp>(createFuseJumpIZero());
    if (enabled("metis-fuse-selector"))
      pm.addNestedPass<ContractOp>(createFuseSelector());
    if (enabled("metis-merge-gas-charges"))
      pm.addNestedPass<ContractOp>(createMergeGasCharges());
    pm.addPass(mlir::createCSEPass());
    // Last before the conversion: nothing may remove an access it relied on.
    if (enabled("metis-elide-memory-checks"))
      pm.addNestedPass<ContractOp>(createElideMemoryChecks());
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
      "merge gas charges, elide memory checks, convert)",
      [](mlir::OpPassManager &pm) { buildMetisToLLVMPipeline(pm, LoweringOptions{}); });
}

} // namespace metis
