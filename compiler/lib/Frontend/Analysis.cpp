//===- Analysis.cpp - Basic blocks, CFG, jump targets, stack shape ----------===//
//
// Jump targets come from an abstract interpretation over the CFG: each stack slot holds a
// small set of constants or "unknown". A PUSH + JUMP resolves within its block; a Solidity
// internal function's return (the caller pushes the return address, the callee jumps to it
// from deep in the stack) resolves to its callers' return addresses, because each block keeps
// its entry stacks apart per calling context (resolveJumps). Only a target that stays unknown
// becomes a dynamic jump; where one exists, targets that come from the entry stack are guarded.
//
//===----------------------------------------------------------------------===//
#include "metis/Frontend/Analysis.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/Word.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace metis::frontend {

Word pushValue(const Instruction &inst) {
  size_t n = kOpcodeTraits[inst.opcode].immediateSize;
  uint8_t buf[32] = {};
  std::copy(inst.immediate.begin(), inst.immediate.end(), buf + 32 - n);
  return Word::fromBigEndian(buf);
}

namespace {

/// The sets of constants a stack slot may hold, each stored once, so that a slot is a 32-bit
/// id: abstract stacks are copied and compared on every step of the fixpoint.
class ConstantSets {
public:
  using Id = uint32_t;
  static constexpr Id kUnknown = 0;
  static constexpr size_t kMaxConstants = 16;

  ConstantSets() { sets_.emplace_back(); } // kUnknown's placeholder

  /// The id of `set` (sorted, unique); unknown past kMaxConstants.
  Id of(std::vector<Word> set) {
    if (set.size() > kMaxConstants)
      return kUnknown;
    auto [it, inserted] = ids_.try_emplace(std::move(set), Id(sets_.size()));
    if (inserted)
      sets_.push_back(it->first);
    return it->second;
  }
  Id constant(const Word &w) { return of({w}); }
  const std::vector<Word> &operator[](Id id) const { return sets_[id]; }

  /// The union of two sets (unknown if either is).
  Id join(Id a, Id b) {
    if (a == b || a == kUnknown || b == kUnknown)
      return a == b ? a : kUnknown;
    uint64_t key = uint64_t(std::min(a, b)) << 32 | std::max(a, b);
    auto it = joins_.find(key);
    if (it != joins_.end())
      return it->second;
    std::vector<Word> merged;
    std::set_union(sets_[a].begin(), sets_[a].end(), sets_[b].begin(), sets_[b].end(),
                   std::back_inserter(merged));
    Id id = of(std::move(merged));
    joins_.emplace(key, id);
    return id;
  }

private:
  std::vector<std::vector<Word>> sets_;
  std::map<std::vector<Word>, Id> ids_;
  std::unordered_map<uint64_t, Id> joins_;
};
using AbsValue = ConstantSets::Id;

/// The top of an abstract stack: depth 0 is the top, slots.back(). Below the tracked slots,
/// anything.
struct AbsStack {
  static constexpr size_t kMaxSlots = 64;
  std::vector<AbsValue> slots;

  size_t size() const { return slots.size(); }
  AbsValue &at(size_t depth) { return slots[slots.size() - 1 - depth]; }
  AbsValue at(size_t depth) const { return slots[slots.size() - 1 - depth]; }

  AbsValue pop() {
    if (slots.empty())
      return ConstantSets::kUnknown;
    AbsValue v = slots.back();
    slots.pop_back();
    return v;
  }
  void push(AbsValue v) {
    if (slots.size() == kMaxSlots)
      slots.erase(slots.begin());
    slots.push_back(v);
  }
  AbsValue peek(size_t depth) const {
    return depth < slots.size() ? at(depth) : ConstantSets::kUnknown;
  }
  /// Makes depth `depth` tracked (as unknown) if it is not, within kMaxSlots.
  void reach(size_t depth) {
    if (depth < slots.size() || depth >= kMaxSlots)
      return;
    slots.insert(slots.begin(), depth + 1 - slots.size(), ConstantSets::kUnknown);
  }
  /// Joins `o` in; returns whether anything changed. With `sets`, two known slots join to
  /// their union; without, slots that differ become unknown.
  bool join(const AbsStack &o, ConstantSets *sets) {
    bool changed = false;
    if (o.size() < size()) {
      slots.erase(slots.begin(), slots.begin() + (size() - o.size()));
      changed = true;
    }
    for (size_t d = 0; d < size(); ++d) {
      AbsValue &v = at(d);
      AbsValue joined = sets ? sets->join(v, o.at(d)) : v == o.at(d) ? v : ConstantSets::kUnknown;
      changed |= joined != v;
      v = joined;
    }
    return changed;
  }
};

template <typename T> void appendUnique(std::vector<T> &v, T x) {
  if (std::find(v.begin(), v.end(), x) == v.end())
    v.push_back(x);
}

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

namespace {

/// Runs the instructions of `b` on `stack`; returns the abstract jump target (unknown when the
/// block does not end in a jump).
AbsValue transfer(const std::vector<Instruction> &insts, const BasicBlock &b, AbsStack &stack,
                  ConstantSets &sets) {
  constexpr AbsValue kUnknown = ConstantSets::kUnknown;
  AbsValue target = kUnknown;
  for (uint32_t i = b.firstInst; i < b.firstInst + b.numInsts; ++i) {
    const Instruction &inst = insts[i];
    uint8_t op = inst.opcode;
    const OpcodeTraits &t = kOpcodeTraits[op];
    if (op >= OP_PUSH1 && op <= OP_PUSH32) {
      stack.push(sets.constant(pushValue(inst)));
    } else if (op == OP_PUSH0) {
      stack.push(sets.constant(Word{}));
    } else if (op >= OP_DUP1 && op <= OP_DUP16) {
      stack.push(stack.peek(op - OP_DUP1));
    } else if (op >= OP_SWAP1 && op <= OP_SWAP16) {
      size_t n = op - OP_SWAP1 + 1;
      stack.reach(n);
      if (n < stack.size())
        std::swap(stack.at(0), stack.at(n));
      else if (stack.size() > 0)
        stack.at(0) = kUnknown;
    } else if (op == OP_JUMP || op == OP_JUMPI) {
      target = stack.pop();
      if (op == OP_JUMPI)
        stack.pop();
    } else if (t.stackIn == 2 && t.stackOut == 1 && foldBinary(op, Word{}, Word{})) {
      AbsValue a = stack.pop(), c = stack.pop(), r = kUnknown;
      if (a != kUnknown && c != kUnknown &&
          sets[a].size() * sets[c].size() <= ConstantSets::kMaxConstants) {
        std::vector<Word> folded;
        for (const Word &x : sets[a])
          for (const Word &y : sets[c])
            folded.push_back(*foldBinary(op, x, y));
        std::sort(folded.begin(), folded.end());
        folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
        r = sets.of(std::move(folded));
      }
      stack.push(r);
    } else {
      for (unsigned k = 0; k < t.stackIn; ++k)
        stack.pop();
      for (unsigned k = 0; k < t.stackOut; ++k)
        stack.push(kUnknown);
    }
  }
  return target;
}

/// One entry stack of a block: one calling context's, or the join of all those past the cap.
struct EntryState {
  AbsStack stack;
  uint64_t addressSlots = 0; ///< Bit d: depth d holds a code address (see sameContext).
  uint64_t contextHash = 0;  ///< Of the depth and the addresses, to skip most comparisons.
  bool overflow = false;
  bool queued = false;
};

} // namespace

// Jump targets come from a fixpoint over the blocks' entry stacks, kept apart per calling
// context (up to kMaxContexts per block, the rest joined into one). With a single joined stack
// per block, an internal function called from several places would see its callers' return
// addresses merged, and every return address deeper than its own frame, its callers' callers',
// would be lost after the call.
//
// A dynamic jump may land on any JUMPDEST with any stack. Joining an unknown stack into every
// JUMPDEST would make every internal-function return (its address comes from the caller's
// stack) unknown as well, so one dynamic jump would turn all returns dynamic. Instead the
// fixpoint first runs on the static edges alone; a JUMPDEST that they reach keeps the stacks
// they bring, and only the JUMPDESTs they do not reach are entered with an unknown stack. The
// targets found this way hold for every path that does not pass through a dispatch, so a jump
// whose target comes from its entry stack is then *guarded*: the lowering compares against the
// known targets and sends any other value to the dispatch, which is always correct.
void ContractAnalysis::resolveJumps() {
  constexpr size_t kMaxContexts = 128;
  if (blocks_.empty())
    return;
  std::vector<std::vector<EntryState>> entry(blocks_.size());
  std::deque<std::pair<uint32_t, uint32_t>> worklist; // (block, entry state)
  std::vector<bool> dynamic(blocks_.size(), false);
  ConstantSets sets;
  std::vector<int8_t> codeAddress; // by set id: -1 not yet known

  // The JUMPDEST block a target names, or -1.
  auto jumpdestAt = [&](const Word &target) {
    int s = target.fitsUint64() ? blockAt(target.low64()) : -1;
    return s >= 0 && blocks_[s].isJumpdest ? s : -1;
  };
  auto isCodeAddress = [&](AbsValue v) {
    if (v == ConstantSets::kUnknown)
      return false;
    if (v >= codeAddress.size())
      codeAddress.resize(v + 1, -1);
    if (codeAddress[v] < 0)
      codeAddress[v] = std::all_of(sets[v].begin(), sets[v].end(),
                                   [&](const Word &c) { return jumpdestAt(c) >= 0; });
    return codeAddress[v] == 1;
  };
  // Two stacks are of the same calling context if they have the same tracked depth and the
  // same code addresses (known sets of JUMPDEST offsets) at the same depths, such as the
  // return addresses that an internal function's callers leave under its arguments. A join
  // of two stacks of one context is of that context again (address slots are equal; any
  // other slot has a non-address member or is unknown, and keeps it), so a stored entry
  // stack stands for its context.
  static_assert(AbsStack::kMaxSlots <= 64, "address slots are a 64-bit mask");
  auto addressSlotsOf = [&](const AbsStack &stack) {
    uint64_t mask = 0;
    for (size_t d = 0; d < stack.size(); ++d)
      if (isCodeAddress(stack.at(d)))
        mask |= uint64_t(1) << d;
    return mask;
  };
  auto hashContext = [](const AbsStack &stack, uint64_t addressSlots) {
    uint64_t h = stack.size() * 0x9e3779b97f4a7c15ull ^ addressSlots;
    for (uint64_t m = addressSlots; m; m &= m - 1)
      h = (h ^ stack.at(size_t(__builtin_ctzll(m)))) * 0x100000001b3ull;
    return h;
  };
  auto sameContext = [&](const EntryState &e, const AbsStack &stack, uint64_t addressSlots,
                         uint64_t hash) {
    if (e.contextHash != hash || e.stack.size() != stack.size() || e.addressSlots != addressSlots)
      return false;
    for (uint64_t m = addressSlots; m; m &= m - 1)
      if (e.stack.at(size_t(__builtin_ctzll(m))) != stack.at(size_t(__builtin_ctzll(m))))
        return false;
    return true;
  };
  auto enqueue = [&](uint32_t b, uint32_t k) {
    if (!entry[b][k].queued) {
      entry[b][k].queued = true;
      worklist.emplace_back(b, k);
    }
  };
  auto flowInto = [&](uint32_t s, const AbsStack &state) {
    std::vector<EntryState> &states = entry[s];
    const uint64_t addressSlots = addressSlotsOf(state);
    const uint64_t hash = hashContext(state, addressSlots);
    int overflow = -1;
    for (uint32_t k = 0; k < states.size(); ++k) {
      if (states[k].overflow) {
        overflow = int(k);
      } else if (sameContext(states[k], state, addressSlots, hash)) {
        // Within a context the addresses are equal; a slot that differs is data (a counter,
        // a pointer), which goes straight to unknown so that a context's stack changes at
        // most once per slot.
        if (states[k].stack.join(state, /*sets=*/nullptr))
          enqueue(s, k);
        return;
      }
    }
    if (states.size() - (overflow >= 0) < kMaxContexts) {
      states.push_back(EntryState{state, addressSlots, hash});
      enqueue(s, uint32_t(states.size() - 1));
    } else if (overflow < 0) {
      states.push_back(EntryState{state, 0, 0, /*overflow=*/true});
      enqueue(s, uint32_t(states.size() - 1));
    } else if (states[overflow].stack.join(state, &sets)) {
      enqueue(s, uint32_t(overflow));
    }
  };
  flowInto(0, AbsStack{});
  bool dynamicSeen = false, dispatchEntered = false;
  for (;;) {
    while (!worklist.empty()) {
      auto [bi, k] = worklist.front();
      worklist.pop_front();
      entry[bi][k].queued = false;
      BasicBlock &b = blocks_[bi];
      AbsStack stack = entry[bi][k].stack;
      AbsValue target = transfer(insts_, b, stack, sets);

      // Each context adds its successors; entry stacks only grow, so the union over the
      // contexts' latest runs holds every target.
      if ((b.exit == BlockExit::FallThrough || b.exit == BlockExit::JumpI) &&
          b.end < code_.size()) {
        appendUnique(b.successors, bi + 1);
        flowInto(bi + 1, stack);
      }
      if (b.exit != BlockExit::Jump && b.exit != BlockExit::JumpI)
        continue;
      if (target == ConstantSets::kUnknown) {
        dynamic[bi] = true;
        dynamicSeen = true;
        continue;
      }
      for (const Word &c : sets[target]) {
        if (int s = jumpdestAt(c); s >= 0) {
          appendUnique(b.targets, uint32_t(s));
          appendUnique(b.successors, uint32_t(s));
          flowInto(uint32_t(s), stack);
        } else {
          appendUnique(b.invalidTargets, c.fitsUint64() ? c.low64() : ~uint64_t(0));
        }
      }
    }
    if (!dynamicSeen || dispatchEntered)
      break;
    dispatchEntered = true;
    for (uint32_t s = 0; s < blocks_.size(); ++s) {
      if (!blocks_[s].isJumpdest)
        continue;
      blocks_[s].dispatchTarget = true;
      if (entry[s].empty())
        flowInto(s, AbsStack{});
    }
  }

  for (uint32_t i = 0; i < blocks_.size(); ++i) {
    BasicBlock &b = blocks_[i];
    b.reachable = !entry[i].empty();
    if (b.exit != BlockExit::Jump && b.exit != BlockExit::JumpI)
      continue;
    if (!b.reachable)
      continue;
    if (dynamic[i]) {
      // Only the fall-through is an edge; the targets found before go through the dispatch.
      b.jump = JumpKind::Dynamic;
      b.targets.clear();
      b.invalidTargets.clear();
      b.successors.clear();
      if (b.exit == BlockExit::JumpI && b.end < code_.size())
        b.successors.push_back(i + 1);
      continue;
    }
    b.jump = JumpKind::Static;
    std::sort(b.targets.begin(), b.targets.end());
    std::sort(b.invalidTargets.begin(), b.invalidTargets.end());
    // Where a dispatch exists, a target that the block does not compute itself may differ.
    if (dispatchEntered) {
      AbsStack unknownEntry;
      b.guarded = transfer(insts_, b, unknownEntry, sets) == ConstantSets::kUnknown;
    }
  }
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
    if ((b.jump == JumpKind::Dynamic || b.guarded) && exit > dispatchHeight) {
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
      if (b.guarded)
        ++stats_.guardedJumps;
    }
  }
}

std::string formatStats(const AnalysisStats &s) {
  std::ostringstream os;
  os << "blocks " << s.blocks << " (reachable " << s.reachableBlocks << "), jumps " << s.jumps
     << ": static " << s.staticJumps << " (multi-target " << s.multiTargetJumps << ", guarded "
     << s.guardedJumps << "), dynamic " << s.dynamicJumps << ", unreachable bytes "
     << s.unreachableBytes;
  if (s.jumps)
    os << ", static " << (100.0 * s.staticJumps / s.jumps) << "%";
  return os.str();
}

} // namespace metis::frontend
