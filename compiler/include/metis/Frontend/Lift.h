//===- Lift.h - Bytecode to the metis dialect ----------------------*- C++ -*-===//
//
// Lifts analysed bytecode to one `metis.contract` in SSA form (design.md, "The compiled code
// model"): stack words are SSA values inside blocks and block arguments across static edges;
// the in-memory stack is used only below a block's window and around dynamic jumps; each block
// has one gas charge and at most one stack check; every op's location is `"<name>":<pc>:0`.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_FRONTEND_LIFT_H
#define METIS_FRONTEND_LIFT_H

#include "metis/Dialect/Metis/IR/MetisOps.h"
#include "metis/Frontend/Analysis.h"
#include "metis/Frontend/Regions.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace metis::frontend {

struct LiftOptions {
  /// Names the contract symbol and every location (a file name, say "erc20.hex").
  std::string name = "contract";
  /// How the contract is cut into regions. One region, all of it compiled, lifts to a single
  /// `metis.contract` entered at offset 0 only; anything else to the contract's dispatch plus
  /// one `metis.contract` per compiled region (docs/regions.md).
  RegionOptions regions;
  /// Non-zero: only a random half of the regions, chosen by this seed, is lifted (compiled);
  /// jumps into the others hand the frame to the interpreter. For testing the hand-over.
  uint64_t mixedSeed = 0;
};

/// Whether region `index` is compiled under `mixedSeed` (always, for seed 0).
bool isRegionCompiled(uint64_t mixedSeed, uint32_t index);

/// Lifts into `module` and returns the new contract. Never fails on any bytecode: invalid
/// instructions and impossible stacks become the right exceptional exits.
ContractOp liftContract(mlir::ModuleOp module, const ContractAnalysis &analysis,
                        const LiftOptions &options);

/// A new module holding the lifted contract.
mlir::OwningOpRef<mlir::ModuleOp>
liftToModule(mlir::MLIRContext &ctx, const ContractAnalysis &analysis, const LiftOptions &options);

/// A symbol name from a file name ("erc20.hex" -> "erc20").
std::string symbolNameFor(std::string_view fileName);

} // namespace metis::frontend

#endif // METIS_FRONTEND_LIFT_H
