//===- MergeGasCharges.cpp - One static gas charge per block ---------------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"

namespace metis {
#define GEN_PASS_DEF_MERGEGASCHARGES
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

/// Ops that read the gas left, and so must be told what was charged ahead of them. A stack
/// check that resumes in the interpreter gives it back first.
bool observesGas(Operation *op) {
  return isa<GasOp, SStoreOp, CallOp, CallCodeOp, DelegateCallOp, StaticCallOp, CreateOp, Create2Op,
             StackCheckOp>(op);
}

/// Ops that may end the frame otherwise than out of gas once their static gas is paid (the
/// lifter ends a charge's span with the same opcodes, in Lift.cpp): gas of later instructions must
/// not be charged ahead of them, or compiled code could run out where the interpreter meets that
/// failure.
bool endsGasSpan(Operation *op) {
  return isa<SStoreOp, TStoreOp, LogOp, CallOp, CreateOp, Create2Op, ReturnDataCopyOp>(op);
}

struct MergeGasChargesPass : metis::impl::MergeGasChargesBase<MergeGasChargesPass> {
  /// One run of charges merged into `first`.
  struct Group {
    GasChargeOp first;
    SmallVector<Operation *> observers;
    bool crossedCheck = false;     ///< a stack check lies between `first` and here
    bool chargedPastCheck = false; ///< `first` now pays for instructions after one
  };

  void runOnOperation() override {
    for (Block &block : getOperation().getBody()) {
      Group group;
      for (Operation &op : llvm::make_early_inc_range(block)) {
        if (auto charge = dyn_cast<GasChargeOp>(op)) {
          if (!group.first) {
            group = Group{charge, {}, false, false};
            continue;
          }
          // Every observer between `first` and here now sees this amount charged early.
          for (Operation *observer : group.observers)
            observer->setAttr("prepaid",
                              IntegerAttr::get(IntegerType::get(&getContext(), 64),
                                               prepaidOf(observer) + charge.getAmount()));
          group.first.setAmount(group.first.getAmount() + charge.getAmount());
          group.chargedPastCheck |= group.crossedCheck;
          charge.erase();
          continue;
        }
        if (!group.first)
          continue;
        // A charge that halts out of gas must not take a later block's gas ahead of its stack
        // check (which might fail first); one that resumes in the interpreter may.
        if (endsGasSpan(&op) || (isa<StackCheckOp>(op) && !group.first.getResumePc())) {
          finish(group);
          group = Group{};
          continue;
        }
        group.crossedCheck |= isa<StackCheckOp>(op);
        if (observesGas(&op))
          group.observers.push_back(&op);
      }
      finish(group);
    }
  }

  /// A charge that pays only for instructions before any stack check fails only where the
  /// interpreter would run out of gas too: it needs no resume path (a cold block per charge).
  static void finish(Group &group) {
    if (!group.first || group.chargedPastCheck || !group.first.getResumePc())
      return;
    group.first.removeResumePcAttr();
    group.first.getStackMutable().clear();
  }

  static int64_t prepaidOf(Operation *op) {
    auto attr = op->getAttrOfType<IntegerAttr>("prepaid");
    return attr ? attr.getInt() : 0;
  }
};

} // namespace
