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

namespace {
using PassFactory = std::unique_ptr<mlir::Pass> (*)();
/// The optional passes, in pipeline order; CSE runs before the last. Their flags (the names
/// --disable-pass takes) come from Passes.td through getArgument().
constexpr PassFactory kBeforeCSE[] = {createReduceArithmetic, createFuseJumpIZero,
                                      createFuseSelector, createMergeGasCharges};
// Last before the conversion: nothing may remove an access it relied on.
constexpr PassFactory kAfterCSE[] = {createElideMemoryChecks};
} // namespace

const std::vector<std::string> &optionalPassNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (auto group : {llvm::ArrayRef<PassFactory>(kBeforeCSE), llvm::ArrayRef(kAfterCSE)})
      for (PassFactory create : group)
        out.push_back(create()->getArgument().str());
    return out;
  }();
  return names;
}

void buildMetisToLLVMPipeline(mlir::OpPassManager &pm, const LoweringOptions &options) {
  auto addOptional = [&](llvm::ArrayRef<PassFactory> factories) {
    for (PassFactory create : factories) {
      std::unique_ptr<mlir::Pass> pass = create();
      if (!options.disabledPasses.count(pass->getArgument().str()))
        pm.addNestedPass<ContractOp>(std::move(pass));
    }
  };
  if (options.optLevel > 0) {
    pm.addPass(createCanonicalizer());
    addOptional(kBeforeCSE);
    pm.addPass(mlir::createCSEPass());
    addOptional(kAfterCSE);
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
