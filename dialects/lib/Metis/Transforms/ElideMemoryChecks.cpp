//===- ElideMemoryChecks.cpp - Memory accesses an earlier access made valid ===//
//
// Walks each function's dominator tree carrying what the accesses above have made valid: the
// furthest constant end, and per SSA offset the largest size accessed. Memory never shrinks in
// a frame, so an access within either needs no bounds check (Passes.td has the rules).
//
//===----------------------------------------------------------------------===//
#include "metis/Dialect/Metis/Transforms/Passes.h"

#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"

namespace metis {
#define GEN_PASS_DEF_ELIDEMEMORYCHECKS
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;

namespace {

/// The offset and size of a memory access, or a null offset for any other op.
std::pair<Value, int64_t> accessOf(Operation &op) {
  if (auto load = dyn_cast<MLoadOp>(op))
    return {load.getOperand(), 32};
  if (auto store = dyn_cast<MStoreOp>(op))
    return {store.getOffset(), 32};
  if (auto store8 = dyn_cast<MStore8Op>(op))
    return {store8.getOffset(), 1};
  return {Value(), 0};
}

struct ElideMemoryChecksPass : metis::impl::ElideMemoryChecksBase<ElideMemoryChecksPass> {
  void runOnOperation() override {
    Region &body = getOperation().getBody();
    if (body.empty())
      return;
    if (body.hasOneBlock()) { // MLIR builds no dominator tree for one block
      markBlock(body.front());
      return;
    }
    DominanceInfo dominance(getOperation());
    // Depth first, without recursion (a contract of 65,535 JUMPDESTs is a chain that deep),
    // undoing each block's additions when its subtree is done.
    struct Visit {
      DominanceInfoNode *node;
      size_t nextChild;
      size_t undoMark;
      uint64_t constantEnd;
    };
    SmallVector<Visit> stack;
    auto enter = [&](DominanceInfoNode *node) {
      stack.push_back({node, 0, undo.size(), constantEnd});
      markBlock(*node->getBlock());
    };
    enter(dominance.getRootNode(&body));
    while (!stack.empty()) {
      Visit &top = stack.back();
      if (top.nextChild < top.node->getNumChildren()) {
        enter(*(top.node->begin() + top.nextChild++));
        continue;
      }
      for (size_t i = undo.size(); i > top.undoMark; --i) {
        auto [offset, previous] = undo[i - 1];
        if (previous)
          sizes[offset] = previous;
        else
          sizes.erase(offset);
      }
      undo.truncate(top.undoMark);
      constantEnd = top.constantEnd;
      stack.pop_back();
    }
  }

private:
  /// Marks the accesses of `block` that what dominates them made valid, and records the rest.
  void markBlock(Block &block) {
    for (Operation &op : block) {
      auto [offset, size] = accessOf(op);
      if (!offset)
        continue;
      APInt constant;
      bool isConstant =
          matchPattern(offset, m_ConstantInt(&constant)) && constant.getActiveBits() <= 32;
      uint64_t end = isConstant ? constant.getZExtValue() + uint64_t(size) : 0;
      auto known = sizes.find(offset);
      int64_t knownSize = known == sizes.end() ? 0 : known->second;
      if ((isConstant && end <= constantEnd) || knownSize >= size) {
        op.setAttr(kInBoundsAttr, UnitAttr::get(&getContext()));
        continue;
      }
      // This access grows memory (or halts the frame): what it dominates may rely on it.
      if (isConstant)
        constantEnd = std::max(constantEnd, end);
      undo.push_back({offset, knownSize});
      sizes[offset] = size;
    }
  }

  /// memory[0, constantEnd) is valid.
  uint64_t constantEnd = 0;
  /// memory[v, v + size) is valid for each offset v recorded.
  llvm::DenseMap<Value, int64_t> sizes;
  /// (offset, the size recorded before, 0 for none), to restore on leaving a subtree.
  SmallVector<std::pair<Value, int64_t>> undo;
};

} // namespace
