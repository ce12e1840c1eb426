//===- MergeGasCharges.cpp - One static gas charge per block ---------------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"

namespace metis {
#define GEN_PASS_DEF_MERGEGASCHARGES
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

/// Ops that read the gas left, and so must be told what was charged ahead of them.
bool observesGas(Operation *op) {
  return isa<GasOp, SStoreOp, CallOp, CallCodeOp, DelegateCallOp, StaticCallOp, CreateOp,
             Create2Op>(op);
}

struct MergeGasChargesPass : metis::impl::MergeGasChargesBase<MergeGasChargesPass> {
  void runOnOperation() override {
    for (Block &block : getOperation().getBody()) {
      GasChargeOp first;
      SmallVector<Operation *> observers;
      for (Operation &op : llvm::make_early_inc_range(block)) {
        if (auto charge = dyn_cast<GasChargeOp>(op)) {
          if (!first) {
            first = charge;
            continue;
          }
          // Every observer between `first` and here now sees this amount charged early.
          for (Operation *observer : observers)
            observer->setAttr("prepaid",
                              IntegerAttr::get(IntegerType::get(&getContext(), 64),
                                               prepaidOf(observer) + charge.getAmount()));
          first.setAmount(first.getAmount() + charge.getAmount());
          charge.erase();
          continue;
        }
        if (first && observesGas(&op))
          observers.push_back(&op);
      }
    }
  }

  static int64_t prepaidOf(Operation *op) {
    auto attr = op->getAttrOfType<IntegerAttr>("prepaid");
    return attr ? attr.getInt() : 0;
  }
};

} // namespace
