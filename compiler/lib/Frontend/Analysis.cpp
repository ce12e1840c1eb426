//===- Analysis.cpp - Basic blocks, CFG, jump targets, stack shape ----------===//
//
// Jump targets come from an abstract interpretation over the CFG: each stack slot holds a
// small set of constants or "unknown". A PUSH + JUMP resolves within its block; a Solidity
// internal function's return (the caller pushes the return address, the callee jumps to it
// from deep in the stack) resolves to the set of its callers' return addresses once those
// sets flow along the edges. Only a target that stays unknown becomes a dynamic jump.
//
//===----------------------------------------------------------------------===//
#include "metis/Frontend/Analysis.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/Word.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <sstream>

namespace metis::frontend {

namespace {

/// A stack slot: a few possible constants, or unknown.
struct AbsValue {
  static constexpr size_t kMaxConstants = 16;
  bool unknown = true;
  std::vector<Word> constants; ///< Sorted, unique, when known.

  static AbsValue top() { return {}; }
  static AbsValue constant(const Word &w) { return {false, {w}}; }

  bool operator==(const AbsValue &o) const {
    return unknown == o.unknown && (unknown || constants == o.constants);
  }
  void join(const AbsValue &o) {
    if (unknown)
      return;
    if (o.unknown) {
      *this = top();
      return;
    }
    std::vector<Word> merged;
    std::set_union(constants.begin(), constants.end(), o.constants.begin(), o.constants.end(),
                   std::back_inserter(merged));
    if (merged.size() > kMaxConstants)
      *this = top();
    else
      constants = std::move(merged);
  }
};

/// The top of an abstract stack; slot 0 is the top. Below the tracked slots, anything.
struct AbsStack {
  static constexpr size_t kMaxSlots = 64;
  std::vector<AbsValue> slots;

  AbsValue pop() {
    if (slots.empty())
      return AbsValue::top();
    AbsValue v = std::move(slots.front());
    slots.erase(slots.begin());
    return v;
  }
  void push(AbsValue v) {
    slots.insert(slots.begin(), std::move(v));
    if (slots.size() > kMaxSlots)
      slots.pop_back();
  }
  AbsValue peek(size_t i) const { return i < slots.size() ? slots[i] : AbsValue::top(); }
  /// Joins `o` in; returns whether anything changed.
  bool join(const AbsStack &o) {
    bool changed = false;
    if (o.slots.size() < slots.size()) {
      slots.resize(o.slots.size());
      changed = true;
    }
    for (size_t i = 0; i < slots.size(); ++i) {
      AbsValue before = slots[i];
      slots[i].join(o.slots[i]);
      changed |= !(before == slots[i]);
    }
    return changed;
  }
};

bool endsBlock(uint8_t op) {
  switch (op) {
  case OP_JUMP:
  case OP_JUMPI:
  case OP_STOP:
  case OP_RETURN:
  case OP_REVERT:
  case OP_INVALID:
  case OP_SELFDESTRUCT:
    return true;
  default:
    return !kOpcodeTraits[op].defined;
  }
}

BlockExit exitOf(uint8_t op) {
  switch (op) {
  case OP_JUMP:
    return BlockExit::Jump;
  case OP_JUMPI:
    return BlockExit::JumpI;
  case OP_STOP:
    return BlockExit::Stop;
  case OP_RETURN:
    return BlockExit::Return;
  case OP_REVERT:
    return BlockExit::Revert;
  case OP_INVALID:
    return BlockExit::Invalid;
  case OP_SELFDESTRUCT:
    return BlockExit::SelfDestruct;
  default:
    return kOpcodeTraits[op].defined ? BlockExit::FallThrough : BlockExit::Undefined;
  }
}

/// The value a PUSH leaves: its immediate, zero-padded on the right if the code ends early.
Word pushValue(const Instruction &inst) {
  size_t n = kOpcodeTraits[inst.opcode].immediateSize;
  uint8_t buf[32] = {};
  std::copy(inst.immediate.begin(), inst.immediate.end(), buf + 32 - n);
  return Word::fromBigEndian(buf);
}

/// Constant-folds the few operations that appear around jump targets.
std::optional<Word> foldBinary(uint8_t op, const Word &a, const Word &b) {
  switch (op) {
  case OP_ADD:
    return a + b;
  case OP_SUB:
    return a - b;
  case OP_MUL:
    return a * b;
  case OP_AND:
    return a & b;
  case OP_OR:
    return a | b;
  case OP_XOR:
    return a ^ b;
  case OP_SHL:
    return shl(a, b);
  case OP_SHR:
    return shr(a, b);
  default:
    return std::nullopt;
  }
}

} // namespace

ContractAnalysis::ContractAnalysis(BytesView code) : code_(code), insts_(decode(code)) {
  splitBlocks();
  simulateBlocks();
  resolveJumps();
  computeWindows();
  computeMaxHeights();
  computeStats();
}

int ContractAnalysis::blockAt(uint64_t pc) const {
  return pc < blockAtPc_.size() ? blockAtPc_[pc] : -1;
}

void ContractAnalysis::splitBlocks() {
  blockAtPc_.assign(code_.size(), -1);
  bool startNew = true;
  for (uint32_t i = 0; i < insts_.size(); ++i) {
    const Instruction &inst = insts_[i];
    if (startNew || inst.opcode == OP_JUMPDEST) {
      BasicBlock b;
      b.begin = inst.pc;
      b.firstInst = i;
      b.isJumpdest = inst.opcode == OP_JUMPDEST;
      blockAtPc_[inst.pc] = int32_t(blocks_.size());
      blocks_.push_back(std::move(b));
    }
    BasicBlock &b = blocks_.back();
    ++b.numInsts;
    b.end = uint32_t(std::min<size_t>(code_.size(), inst.pc + 1 + inst.immediate.size()));
    b.exit = exitOf(inst.opcode);
    startNew = endsBlock(inst.opcode);
  }
}

void ContractAnalysis::simulateBlocks() {
  for (BasicBlock &b : blocks_) {
    int32_t height = 0;
    for (uint32_t i = b.firstInst; i < b.firstInst + b.numInsts; ++i) {
      const OpcodeTraits &t = kOpcodeTraits[insts_[i].opcode];
      b.required = std::max(b.required, int32_t(t.stackIn) - height);
      height += t.stackChange();
      b.growth = std::max(b.growth, height);
      b.staticGas += t.staticGas;
    }
    b.netEffect = height;
  }
}

void ContractAnalysis::resolveJumps() {
  if (blocks_.empty())
    return;
  std::vector<std::optional<AbsStack>> entry(blocks_.size());
  std::deque<uint32_t> worklist;
  std::vector<bool> queued(blocks_.size(), false);
  bool dispatchSeen = false;

  auto enqueue = [&](uint32_t b) {
    if (!queued[b]) {
      queued[b] = true;
      worklist.push_back(b);
    }
  };
  auto flowInto = [&](uint32_t s, const AbsStack &state) {
    if (!entry[s]) {
      entry[s] = state;
      enqueue(s);
    } else if (entry[s]->join(state)) {
      enqueue(s);
    }
  };
  auto enterByDispatch = [&] {
    if (dispatchSeen)
      return;
    dispatchSeen = true;
    for (uint32_t s = 0; s < blocks_.size(); ++s)
      if (blocks_[s].isJumpdest) {
        blocks_[s].dispatchTarget = true;
        flowInto(s, AbsStack{});
      }
  };

  entry[0] = AbsStack{};
  enqueue(0);
  while (!worklist.empty()) {
    uint32_t bi = worklist.front();
    worklist.pop_front();
    queued[bi] = false;
    BasicBlock &b = blocks_[bi];
    AbsStack stack = *entry[bi];
    AbsValue target;
    for (uint32_t i = b.firstInst; i < b.firstInst + b.numInsts; ++i) {
      const Instruction &inst = insts_[i];
      uint8_t op = inst.opcode;
      const OpcodeTraits &t = kOpcodeTraits[op];
      if (op >= OP_PUSH1 && op <= OP_PUSH32) {
        stack.push(AbsValue::constant(pushValue(inst)));
      } else if (op == OP_PUSH0) {
        stack.push(AbsValue::constant(Word{}));
      } else if (op >= OP_DUP1 && op <= OP_DUP16) {
        stack.push(stack.peek(op - OP_DUP1));
      } else if (op >= OP_SWAP1 && op <= OP_SWAP16) {
        size_t n = op - OP_SWAP1 + 1;
        while (stack.slots.size() <= n && stack.slots.size() < AbsStack::kMaxSlots)
          stack.slots.push_back(AbsValue::top());
        if (n < stack.slots.size())
          std::swap(stack.slots[0], stack.slots[n]);
        else
          stack.slots[0] = AbsValue::top();
      } else if (op == OP_JUMP || op == OP_JUMPI) {
        target = stack.pop();
        if (op == OP_JUMPI)
          stack.pop();
      } else if (t.stackIn == 2 && t.stackOut == 1 && foldBinary(op, Word{}, Word{})) {
        AbsValue a = stack.pop(), c = stack.pop(), r = AbsValue::top();
        if (!a.unknown && !c.unknown &&
            a.constants.size() * c.constants.size() <= AbsValue::kMaxConstants) {
          r = AbsValue{false, {}};
          for (const Word &x : a.constants)
            for (const Word &y : c.constants)
              r.join(AbsValue::constant(*foldBinary(op, x, y)));
        }
        stack.push(std::move(r));
      } else {
        for (unsigned k = 0; k < t.stackIn; ++k)
          stack.pop();
        for (unsigned k = 0; k < t.stackOut; ++k)
          stack.push(AbsValue::top());
      }
    }

    // Successors.
    b.successors.clear();
    b.targets.clear();
    b.invalidTargets.clear();
    auto addSuccessor = [&](uint32_t s) {
      if (std::find(b.successors.begin(), b.successors.end(), s) == b.successors.end())
        b.successors.push_back(s);
      flowInto(s, stack);
    };
    if ((b.exit == BlockExit::FallThrough || b.exit == BlockExit::JumpI) && b.end < code_.size())
      addSuccessor(bi + 1);
    if (b.exit == BlockExit::Jump || b.exit == BlockExit::JumpI) {
      if (target.unknown) {
        b.jump = JumpKind::Dynamic;
        enterByDispatch();
      } else {
        b.jump = JumpKind::Static;
        for (const Word &c : target.constants) {
          int s = c.fitsUint64() ? blockAt(c.low64()) : -1;
          if (s >= 0 && blocks_[s].isJumpdest) {
            b.targets.push_back(uint32_t(s));
            addSuccessor(uint32_t(s));
          } else {
            b.invalidTargets.push_back(c.fitsUint64() ? c.low64() : ~uint64_t(0));
          }
        }
        std::sort(b.targets.begin(), b.targets.end());
      }
    }
  }
  for (uint32_t i = 0; i < blocks_.size(); ++i)
    blocks_[i].reachable = entry[i].has_value();
  // A dispatch only reaches JUMPDESTs that are reachable at all (all of them, once any dynamic
  // jump exists).
  for (uint32_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].dispatchTarget)
      dispatchTargets_.push_back(i);
}

void ContractAnalysis::computeWindows() {
  constexpr int32_t kUnset = INT32_MAX;
  for (BasicBlock &b : blocks_)
    b.window = kUnset;
  if (blocks_.empty())
    return;
  blocks_[0].window = 0;
  for (BasicBlock &b : blocks_)
    if (b.dispatchTarget && b.reachable)
      b.window = std::min(b.window, b.required);
  // Windows only shrink, and each block's exit size grows with its window: a fixpoint.
  bool changed = true;
  while (changed) {
    changed = false;
    for (BasicBlock &b : blocks_) {
      if (!b.reachable || b.window == kUnset)
        continue;
      int32_t exitSize = std::min<int32_t>(std::max(b.window, b.required) + b.netEffect, 1024);
      exitSize = std::max(exitSize, 0);
      for (uint32_t s : b.successors) {
        if (exitSize < blocks_[s].window) {
          blocks_[s].window = exitSize;
          changed = true;
        }
      }
    }
  }
  for (BasicBlock &b : blocks_)
    if (b.window == kUnset)
      b.window = 0;
}

void ContractAnalysis::computeMaxHeights() {
  constexpr int32_t kUnreached = -1, kLimit = 1024;
  // How often a block's bound may rise before it is widened to the limit: a loop that grows
  // the stack would otherwise climb one turn at a time.
  constexpr int kRaisesBeforeWidening = 32;
  for (BasicBlock &b : blocks_)
    b.maxHeight = kUnreached;
  if (blocks_.empty())
    return;
  std::vector<int> raises(blocks_.size(), 0);
  std::deque<uint32_t> work;
  auto raise = [&](uint32_t i, int32_t height) {
    BasicBlock &b = blocks_[i];
    if (height <= b.maxHeight)
      return;
    b.maxHeight = ++raises[i] > kRaisesBeforeWidening ? kLimit : height;
    work.push_back(i);
  };
  raise(0, 0); // a frame starts with an empty stack
  // A dynamic jump lands on any dispatch target with the height of some block ending in one:
  // the dispatch is one more node, whose bound is the highest of theirs.
  int32_t dispatchHeight = kUnreached;
  int dispatchRaises = 0;
  while (!work.empty()) {
    uint32_t i = work.front();
    work.pop_front();
    const BasicBlock &b = blocks_[i];
    // A block that gets past its own check left at most this many words.
    int32_t exit = std::min(b.maxHeight, kLimit - b.growth) + b.netEffect;
    exit = std::clamp(exit, 0, kLimit);
    for (uint32_t s : b.successors)
      raise(s, exit);
    if (b.jump == JumpKind::Dynamic && exit > dispatchHeight) {
      dispatchHeight = ++dispatchRaises > kRaisesBeforeWidening ? kLimit : exit;
      for (uint32_t t : dispatchTargets_)
        raise(t, dispatchHeight);
    }
  }
  for (BasicBlock &b : blocks_)
    if (b.maxHeight == kUnreached)
      b.maxHeight = kLimit;
}

void ContractAnalysis::computeStats() {
  stats_.blocks = uint32_t(blocks_.size());
  for (const BasicBlock &b : blocks_) {
    if (!b.reachable) {
      stats_.unreachableBytes += b.end - b.begin;
      continue;
    }
    ++stats_.reachableBlocks;
    if (b.exit != BlockExit::Jump && b.exit != BlockExit::JumpI)
      continue;
    ++stats_.jumps;
    if (b.jump == JumpKind::Dynamic) {
      ++stats_.dynamicJumps;
    } else {
      ++stats_.staticJumps;
      if (b.targets.size() + b.invalidTargets.size() > 1)
        ++stats_.multiTargetJumps;
    }
  }
}

std::string formatStats(const AnalysisStats &s) {
  std::ostringstream os;
  os << "blocks " << s.blocks << " (reachable " << s.reachableBlocks << "), jumps " << s.jumps
     << ": static " << s.staticJumps << " (multi-target " << s.multiTargetJumps << "), dynamic "
     << s.dynamicJumps << ", unreachable bytes " << s.unreachableBytes;
  if (s.jumps)
    os << ", static " << (100.0 * s.staticJumps / s.jumps) << "%";
  return os.str();
}

} // namespace metis::frontend
