//===- Pipelines.cpp - The named lowering pipeline --------------------------===//
#include "metis/Pipelines/Pipelines.h"
#include "metis/Conversion/Passes.h"
#include "metis/Dialect/Metis/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace metis {

void buildMetisToLLVMPipeline(mlir::OpPassManager &pm, const LoweringOptions &options) {
  if (options.optLevel > 0) {
    pm.addPass(mlir::createCanonicalizerPass());
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
    pm.addPass(mlir::createCanonicalizerPass());
}

void registerMetisPipelines() {
  mlir::PassPipelineRegistration<>(
      "metis-to-llvm", "Lower lifted metis IR to the LLVM dialect (canonicalise, fuse, "
                       "merge gas charges, convert)",
      [](mlir::OpPassManager &pm) { buildMetisToLLVMPipeline(pm, LoweringOptions{}); });
}

} // namespace metis
