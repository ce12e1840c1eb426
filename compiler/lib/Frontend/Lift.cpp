//===- Lift.cpp - Bytecode to the metis dialect -----------------------------===//
#include "metis/Frontend/Lift.h"
#include "metis/Dialect/Metis/IR/MetisOpcodes.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/Word.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

#include <array>
#include <cctype>
#include <optional>

using namespace mlir;

namespace metis::frontend {

namespace {

/// Builds the op of an instruction from its stack operands (top first) and results. Ops that
/// observe the gas left (those with a `prepaid` attribute: SSTORE, the CALL family, CREATE*) are
/// told the static gas charged ahead of them.
using InstructionBuilder = Operation *(*)(OpBuilder &builder, Location loc, ValueRange operands,
                                          unsigned numResults, int64_t prepaid);

template <typename Op>
Operation *buildInstruction(OpBuilder &builder, Location loc, ValueRange operands,
                            unsigned numResults, int64_t prepaid) {
  SmallVector<Type> results(numResults, getWordType(builder.getContext()));
  auto op = builder.create<Op>(loc, TypeRange(results), operands);
  if constexpr (requires { op.setPrepaid(uint64_t()); })
    if (prepaid > 0)
      op.setPrepaid(uint64_t(prepaid));
  return op;
}

/// The builder of every op that models one instruction and has no successors, by opcode
/// (`Op::kOpcode`, from the dialect's ODS); null for the other bytes.
constexpr std::array<InstructionBuilder, 256> kInstructionBuilders = [] {
  std::array<InstructionBuilder, 256> table{};
  forEachOpcodeOp([&]<typename Op>() {
    static_assert(kOpcodeTraits[Op::kOpcode].defined, "an op's kOpcode is not in Opcodes.def");
    if constexpr (Op::template hasTrait<OpTrait::ZeroSuccessors>())
      table[Op::kOpcode] = &buildInstruction<Op>;
  });
  return table;
}();

/// The instructions liftBlock turns into something other than one op built from its stack
/// operands: constants, SSA and CFG bookkeeping, ops with attributes or successors, and LOGn.
constexpr bool isLiftedSpecially(uint8_t op) {
  return (op >= OP_PUSH0 && op <= OP_PUSH32) || (op >= OP_DUP1 && op <= OP_DUP16) ||
         (op >= OP_SWAP1 && op <= OP_SWAP16) || (op >= OP_LOG0 && op <= OP_LOG4) || op == OP_POP ||
         op == OP_JUMPDEST || op == OP_PC || op == OP_GAS || op == OP_JUMP || op == OP_JUMPI;
}

// Every other instruction of the runtime's table has an op.
static_assert(
    [] {
      for (unsigned byte = 0; byte < 256; ++byte)
        if (kOpcodeTraits[byte].defined && !isLiftedSpecially(uint8_t(byte)) &&
            !kInstructionBuilders[byte])
          return false;
      return true;
    }(),
    "an instruction of Opcodes.def has no metis op");

class Lifter {
public:
  Lifter(ModuleOp module, const ContractAnalysis &analysis, const LiftOptions &options)
      : ctx(module.getContext()), builder(ctx), analysis(analysis), options(options),
        word(getWordType(ctx)), module(module) {}

  /// The whole contract as one metis.contract, entered at offset 0 only.
  ContractOp run();
  /// The contract's dispatch and each compiled region as metis.contract ops.
  void runRegions(const RegionPartition &partition);

private:
  /// Region `index` of `partition` as a metis.contract with its `region` attribute.
  void liftRegion(uint32_t index);
  /// The contract's own entry: dispatches the frame's start and dynamic jumps that leave a
  /// region to the region holding the target.
  void liftContractDispatch();
  /// A region-mode edge to analysis block `s` of another region: every word to memory, then
  /// metis.exit.
  Block *exitTo(uint32_t s, Location loc);
  /// Ends `entry` with a dispatch on metis.entry_offset over analysis blocks `targets`, each to
  /// destFor(block); any other offset is a bad jump destination.
  void emitEntryDispatch(Block *entry, Location loc, ArrayRef<uint32_t> targets,
                         llvm::function_ref<Block *(uint32_t)> destFor);
  ContractOp createContract(std::string symbol, std::optional<uint32_t> region);
  bool inRegion(uint32_t s) const {
    return !partition || partition->regionOf(s) == int32_t(currentRegion);
  }
  Location locAt(uint64_t pc) { return FileLineColLoc::get(ctx, options.name, unsigned(pc), 0); }
  /// Whether `op` may end the frame otherwise than out of gas after its static gas is paid (a
  /// write in a static frame, a copy past the return data). A span of charged-ahead gas ends
  /// with it: a charge that failed with its gas taken ahead (at the span's start, or for a
  /// dynamic cost before it) would report out of gas where the interpreter reaches it first.
  /// metis-merge-gas-charges does not merge across the same ops (its endsGasSpan).
  static bool endsGasSpan(uint8_t op) {
    switch (op) {
    case OP_SSTORE:
    case OP_TSTORE:
    case OP_LOG0:
    case OP_LOG1:
    case OP_LOG2:
    case OP_LOG3:
    case OP_LOG4:
    case OP_CALL:
    case OP_CREATE:
    case OP_CREATE2:
    case OP_RETURNDATACOPY:
      return true;
    default:
      return false;
    }
  }
  /// The `resume_pc` of a block's checks: where the interpreter takes over if one fails.
  IntegerAttr resumeAt(uint64_t pc) { return builder.getI64IntegerAttr(int64_t(pc)); }
  Value constant(const Word &w, Location loc) {
    return builder.create<ConstantOp>(loc, APInt(256, ArrayRef<uint64_t>(w.limbs, 4)));
  }
  Value constant(uint64_t v, Location loc) { return constant(Word(v), loc); }

  void liftBlock(uint32_t index);
  /// Makes at least `n` words available as SSA values, popping the deficit from memory.
  void ensure(size_t n, Location loc);
  Value pop(Location loc) {
    ensure(1, loc);
    Value v = stack.back();
    stack.pop_back();
    return v;
  }
  /// Where a branch to analysis block `s` goes and with what arguments; spills the words
  /// below `s`'s window to memory first. `inPlace`: the spill may go into the current block
  /// (an unconditional jump); otherwise a new edge block does it.
  std::pair<Block *, SmallVector<Value>> edgeTo(uint32_t s, bool inPlace, Location loc);
  void emitJump(const BasicBlock &b, Value target, Location loc);
  Block *badJumpBlock();
  Block *dispatchBlock(Location loc);
  void jumpToDispatch(Value target, Location loc);
  Block *redispatchBlock(Value target, Location loc);
  Block *landingPad(uint32_t s);
  Block *newBlock() {
    Block *block = new Block();
    body->push_back(block);
    return block;
  }

  MLIRContext *ctx;
  OpBuilder builder;
  const ContractAnalysis &analysis;
  const LiftOptions &options;
  Type word;
  ModuleOp module;
  Region *body = nullptr;
  std::vector<Block *> blockFor; ///< MLIR block of each reachable analysis block.
  llvm::DenseMap<uint32_t, Block *> landingPads;
  Block *badJump = nullptr;
  Block *dispatch = nullptr;
  /// Region mode: the partition and the region being lifted.
  const RegionPartition *partition = nullptr;
  uint32_t currentRegion = 0;
  /// The SSA part of the EVM stack while lifting a block; back() is the top.
  SmallVector<Value> stack;
};

ContractOp Lifter::createContract(std::string symbol, std::optional<uint32_t> region) {
  BytesView code = analysis.code();
  Bytes32 hash = keccak256(code);
  builder.setInsertionPointToEnd(module.getBody());
  auto contract = builder.create<ContractOp>(
      FileLineColLoc::get(ctx, options.name, 0, 0), builder.getStringAttr(symbol),
      builder.getStringAttr("0x" + toHex(hash)), builder.getI64IntegerAttr(int64_t(code.size())),
      region ? builder.getI64IntegerAttr(int64_t(*region)) : IntegerAttr());
  body = &contract.getBody();
  landingPads.clear();
  badJump = nullptr;
  dispatch = nullptr;
  return contract;
}

ContractOp Lifter::run() {
  auto contract = createContract(symbolNameFor(options.name), std::nullopt);
  const auto &blocks = analysis.blocks();

  // A region's entry block cannot be a branch target; give it a trampoline if offset 0 is.
  bool entryIsTarget = false;
  for (const BasicBlock &b : blocks)
    if (b.reachable)
      for (uint32_t s : b.successors)
        entryIsTarget |= s == 0;
  if (!blocks.empty())
    entryIsTarget |= blocks[0].dispatchTarget;
  Block *trampoline = nullptr;
  if (entryIsTarget || blocks.empty())
    trampoline = newBlock();

  blockFor.assign(blocks.size(), nullptr);
  for (uint32_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].reachable)
      continue;
    Block *block = newBlock();
    for (int32_t k = 0; k < blocks[i].window; ++k)
      block->addArgument(word, locAt(blocks[i].begin));
    blockFor[i] = block;
  }
  if (blocks.empty()) {
    builder.setInsertionPointToEnd(trampoline);
    builder.create<StopOp>(FileLineColLoc::get(ctx, options.name, 0, 0));
    return contract;
  }
  if (trampoline) {
    builder.setInsertionPointToEnd(trampoline);
    builder.create<JumpOp>(locAt(0), ValueRange(), blockFor[0]);
  }
  for (uint32_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].reachable)
      liftBlock(i);
  return contract;
}

void Lifter::runRegions(const RegionPartition &regions) {
  partition = &regions;
  liftContractDispatch();
  for (uint32_t k = 0; k < regions.regions().size(); ++k)
    if (isRegionCompiled(options.mixedSeed, k))
      liftRegion(k);
}

void Lifter::liftContractDispatch() {
  createContract(symbolNameFor(options.name), std::nullopt);
  stack.clear();
  Block *entry = newBlock();
  Location loc = locAt(0);
  // Offset 0 starts the frame; the dispatch targets are what redispatch hands over.
  SmallVector<uint32_t> targets(analysis.dispatchTargets().begin(),
                                analysis.dispatchTargets().end());
  if (!analysis.blocks().empty() && analysis.blocks()[0].reachable &&
      !analysis.blocks()[0].dispatchTarget)
    targets.insert(targets.begin(), 0);
  emitEntryDispatch(entry, loc, targets,
                    [&](uint32_t s) { return exitTo(s, locAt(analysis.blocks()[s].begin)); });
}

void Lifter::emitEntryDispatch(Block *entry, Location loc, ArrayRef<uint32_t> targets,
                               llvm::function_ref<Block *(uint32_t)> destFor) {
  SmallVector<int64_t> offsets;
  SmallVector<Block *> dests;
  for (uint32_t s : targets) {
    offsets.push_back(analysis.blocks()[s].begin);
    dests.push_back(destFor(s));
  }
  builder.setInsertionPointToEnd(entry);
  Value pc = builder.create<EntryOffsetOp>(loc, word);
  builder.create<DispatchOp>(loc, pc, builder.getDenseI64ArrayAttr(offsets), badJumpBlock(), dests);
}

void Lifter::liftRegion(uint32_t index) {
  currentRegion = index;
  const CodeRegion &region = partition->regions()[index];
  createContract(symbolNameFor(options.name) + "_r" + std::to_string(index), index);
  const auto &blocks = analysis.blocks();
  Block *entry = newBlock();
  blockFor.assign(blocks.size(), nullptr);
  for (uint32_t i : region.blocks) {
    Block *block = newBlock();
    for (int32_t k = 0; k < blocks[i].window; ++k)
      block->addArgument(word, locAt(blocks[i].begin));
    blockFor[i] = block;
  }
  // Entered with the whole stack in memory, at one of the region's entries.
  emitEntryDispatch(entry, locAt(blocks[region.entries.front()].begin), region.entries,
                    [&](uint32_t e) { return landingPad(e); });
  for (uint32_t i : region.blocks)
    liftBlock(i);
}

Block *Lifter::exitTo(uint32_t s, Location loc) {
  OpBuilder::InsertionGuard guard(builder);
  Block *exit = newBlock();
  builder.setInsertionPointToEnd(exit);
  if (!stack.empty())
    builder.create<StackPushOp>(loc, stack);
  auto op = builder.create<ExitOp>(loc, int64_t(analysis.blocks()[s].begin), IntegerAttr());
  uint32_t target = uint32_t(partition->regionOf(s));
  if (isRegionCompiled(options.mixedSeed, target))
    op.setRegion(uint64_t(target));
  return exit;
}

void Lifter::ensure(size_t n, Location loc) {
  if (stack.size() >= n)
    return;
  size_t deficit = n - stack.size();
  auto popOp = builder.create<StackPopOp>(loc, SmallVector<Type>(deficit, word));
  stack.insert(stack.begin(), popOp.getResults().begin(), popOp.getResults().end());
}

/// The contract's one dispatch over every JUMPDEST, shared by all dynamic jumps (a dispatch
/// per jump would repeat the whole JUMPDEST table each time).
Block *Lifter::dispatchBlock(Location loc) {
  if (!dispatch) {
    OpBuilder::InsertionGuard guard(builder);
    dispatch = newBlock();
    Value target = dispatch->addArgument(word, loc);
    builder.setInsertionPointToEnd(dispatch);
    SmallVector<int64_t> offsets;
    SmallVector<Block *> dests;
    for (uint32_t s : analysis.dispatchTargets()) {
      if (!inRegion(s))
        continue;
      offsets.push_back(analysis.blocks()[s].begin);
      dests.push_back(landingPad(s));
    }
    builder.create<DispatchOp>(loc, target, builder.getDenseI64ArrayAttr(offsets),
                               partition ? redispatchBlock(target, loc) : badJumpBlock(), dests);
  }
  return dispatch;
}

/// Region mode: where a region's dispatch sends a target none of its JUMPDESTs has, which the
/// contract's dispatch resolves. Offset 0 is listed there to start the frame; as a jump target
/// it is only valid if it is a JUMPDEST.
Block *Lifter::redispatchBlock(Value target, Location loc) {
  OpBuilder::InsertionGuard guard(builder);
  Block *elsewhere = newBlock();
  builder.setInsertionPointToEnd(elsewhere);
  const auto &blocks = analysis.blocks();
  if (!blocks[0].dispatchTarget) {
    Block *redispatch = newBlock();
    Value isZero = builder.create<IsZeroOp>(loc, target);
    builder.create<JumpIOp>(loc, isZero, ValueRange(), ValueRange(), badJumpBlock(), redispatch);
    builder.setInsertionPointToEnd(redispatch);
  }
  builder.create<RedispatchOp>(loc, target);
  return elsewhere;
}

Block *Lifter::badJumpBlock() {
  if (!badJump) {
    OpBuilder::InsertionGuard guard(builder);
    badJump = newBlock();
    builder.setInsertionPointToEnd(badJump);
    builder.create<TrapOp>(FileLineColLoc::get(ctx, options.name, 0, 0),
                           TrapReason::BadJumpDestination);
  }
  return badJump;
}

Block *Lifter::landingPad(uint32_t s) {
  const BasicBlock &target = analysis.blocks()[s];
  if (target.window == 0)
    return blockFor[s];
  Block *&pad = landingPads[s];
  if (!pad) {
    OpBuilder::InsertionGuard guard(builder);
    pad = newBlock();
    builder.setInsertionPointToEnd(pad);
    Location loc = locAt(target.begin);
    // Entered with the whole stack in memory: check it holds the window before popping.
    builder.create<StackCheckOp>(loc, target.window, 0, 0, resumeAt(target.begin), ValueRange(), 0);
    auto popOp = builder.create<StackPopOp>(loc, SmallVector<Type>(target.window, word));
    builder.create<JumpOp>(loc, popOp.getResults(), blockFor[s]);
  }
  return pad;
}

std::pair<Block *, SmallVector<Value>> Lifter::edgeTo(uint32_t s, bool inPlace, Location loc) {
  if (!inRegion(s))
    return {exitTo(s, loc), {}};
  size_t window = size_t(analysis.blocks()[s].window);
  assert(stack.size() >= window && "a successor's window exceeds what reaches it");
  size_t spill = stack.size() - window;
  SmallVector<Value> args(stack.end() - window, stack.end());
  if (spill == 0)
    return {blockFor[s], args};
  SmallVector<Value> spilled(stack.begin(), stack.begin() + spill);
  if (inPlace) {
    builder.create<StackPushOp>(loc, spilled);
    return {blockFor[s], args};
  }
  OpBuilder::InsertionGuard guard(builder);
  Block *edge = newBlock();
  builder.setInsertionPointToEnd(edge);
  builder.create<StackPushOp>(loc, spilled);
  builder.create<JumpOp>(loc, args, blockFor[s]);
  return {edge, {}};
}

/// Pushes the SSA stack and jumps to the contract's (or region's) one dispatch.
void Lifter::jumpToDispatch(Value target, Location loc) {
  if (!stack.empty())
    builder.create<StackPushOp>(loc, stack);
  builder.create<JumpOp>(loc, ValueRange{target}, dispatchBlock(loc));
}

/// The taken side of JUMP or JUMPI, with `target` popped: a branch to one static target, a
/// compare chain over a known set, or a dispatch.
void Lifter::emitJump(const BasicBlock &b, Value target, Location loc) {
  if (b.jump == JumpKind::Dynamic) {
    // Everything goes through memory across a dynamic jump, to the contract's one dispatch.
    jumpToDispatch(target, loc);
    return;
  }
  if (b.targets.empty() && !b.guarded) {
    builder.create<TrapOp>(loc, TrapReason::BadJumpDestination);
    return;
  }
  if (b.targets.size() == 1 && b.invalidTargets.empty() && !b.guarded) {
    auto [dest, args] = edgeTo(b.targets[0], /*inPlace=*/true, loc);
    builder.create<JumpOp>(loc, args, dest);
    return;
  }
  // A known set (the return addresses of an internal function): compare and branch. A value
  // outside the set traps where the analysis proves it impossible; where a dispatch may have
  // entered the code with other values (a guarded jump), it goes to the dispatch.
  for (uint32_t s : b.targets) {
    Value isTarget =
        builder.create<EqOp>(loc, target, constant(uint64_t(analysis.blocks()[s].begin), loc));
    auto [dest, args] = edgeTo(s, /*inPlace=*/false, loc);
    Block *next = newBlock();
    builder.create<JumpIOp>(loc, isTarget, args, ValueRange(), dest, next);
    builder.setInsertionPointToEnd(next);
  }
  if (b.guarded)
    jumpToDispatch(target, loc);
  else
    builder.create<TrapOp>(loc, TrapReason::BadJumpDestination);
}

void Lifter::liftBlock(uint32_t index) {
  const BasicBlock &b = analysis.blocks()[index];
  Block *block = blockFor[index];
  builder.setInsertionPointToEnd(block);
  stack.assign(block->getArguments().begin(), block->getArguments().end());
  Location blockLoc = locAt(b.begin);

  // A block that fails either check is handed to the interpreter from its first instruction,
  // with its window, so the frame ends with the status instruction-by-instruction execution
  // meets first (docs/compiled-code.md). There is no check where it cannot fail: underflow
  // when the window (a lower bound on the height) covers what the block reads, overflow when
  // the analysis bounds the entry height low enough.
  const int32_t growth = b.maxHeight + b.growth > kStackLimit ? b.growth : 0;
  if (b.required > b.window || growth > 0)
    builder.create<StackCheckOp>(blockLoc, b.required, growth, b.window, resumeAt(b.begin),
                                 block->getArguments(), 0);
  // The block's static gas is charged ahead in spans that end at the instructions that may
  // refuse after their gas (endsGasSpan): a dynamic charge that fails with gas charged ahead
  // then fails where instruction-by-instruction execution would also run out.
  const auto &insts = analysis.instructions();
  const uint32_t endInst = b.firstInst + b.numInsts;
  // Where the span starting at `from` ends: just past its last instruction.
  auto spanEnd = [&](uint32_t from) {
    for (uint32_t i = from; i < endInst; ++i)
      if (endsGasSpan(insts[i].opcode))
        return i + 1;
    return endInst;
  };
  auto spanGas = [&](uint32_t from, uint32_t end) {
    int64_t gas = 0;
    for (uint32_t i = from; i < end; ++i)
      gas += kOpcodeTraits[insts[i].opcode].staticGas;
    return gas;
  };
  uint32_t nextSpan = spanEnd(b.firstInst);
  // Static gas of this and the later instructions of the span.
  int64_t gasAfter = spanGas(b.firstInst, nextSpan);
  if (gasAfter > 0)
    builder.create<GasChargeOp>(blockLoc, gasAfter, resumeAt(b.begin), block->getArguments());

  for (uint32_t i = b.firstInst; i < endInst; ++i) {
    const Instruction &inst = insts[i];
    const uint8_t op = inst.opcode;
    const OpcodeTraits &t = kOpcodeTraits[op];
    Location loc = locAt(inst.pc);
    if (i == nextSpan) {
      // The previous instruction ended a span: charge the next. Failing, it can only be out
      // of gas, as the interpreter would run out within the span, so it halts where it stands.
      assert(gasAfter == 0 && "a span is charged once the last one is spent");
      nextSpan = spanEnd(i);
      gasAfter = spanGas(i, nextSpan);
      if (gasAfter > 0)
        builder.create<GasChargeOp>(loc, gasAfter);
    }
    gasAfter -= t.staticGas;

    if (op >= OP_PUSH1 && op <= OP_PUSH32) {
      stack.push_back(constant(pushValue(inst), loc));
      continue;
    }
    if (op == OP_PUSH0) {
      stack.push_back(constant(0, loc));
      continue;
    }
    if (op >= OP_DUP1 && op <= OP_DUP16) {
      size_t n = op - OP_DUP1 + 1;
      ensure(n, loc);
      stack.push_back(stack[stack.size() - n]);
      continue;
    }
    if (op >= OP_SWAP1 && op <= OP_SWAP16) {
      size_t n = op - OP_SWAP1 + 1;
      ensure(n + 1, loc);
      std::swap(stack[stack.size() - 1], stack[stack.size() - 1 - n]);
      continue;
    }
    switch (op) {
    case OP_POP:
      pop(loc);
      continue;
    case OP_JUMPDEST:
      continue;
    case OP_PC:
      stack.push_back(builder.create<PcOp>(loc, int64_t(inst.pc)));
      continue;
    case OP_GAS:
      stack.push_back(builder.create<GasOp>(loc, gasAfter));
      continue;
    case OP_JUMP: {
      Value target = pop(loc);
      emitJump(b, target, loc);
      return;
    }
    case OP_JUMPI: {
      Value target = pop(loc);
      Value cond = pop(loc);
      Block *taken;
      SmallVector<Value> takenArgs;
      const bool exact = b.jump == JumpKind::Static && !b.guarded;
      if (exact && b.targets.size() == 1 && b.invalidTargets.empty()) {
        std::tie(taken, takenArgs) = edgeTo(b.targets[0], /*inPlace=*/false, loc);
      } else if (exact && b.targets.empty()) {
        taken = badJumpBlock();
      } else {
        OpBuilder::InsertionGuard guard(builder);
        taken = newBlock();
        builder.setInsertionPointToEnd(taken);
        SmallVector<Value> saved = stack;
        emitJump(b, target, loc);
        stack = saved;
      }
      Block *fallthrough;
      SmallVector<Value> fallArgs;
      if (b.end < analysis.code().size()) {
        std::tie(fallthrough, fallArgs) = edgeTo(index + 1, /*inPlace=*/false, loc);
      } else {
        OpBuilder::InsertionGuard guard(builder);
        fallthrough = newBlock();
        builder.setInsertionPointToEnd(fallthrough);
        builder.create<StopOp>(loc);
      }
      builder.create<JumpIOp>(loc, cond, takenArgs, fallArgs, taken, fallthrough);
      return;
    }
    default:
      break;
    }
    if (!t.defined) {
      builder.create<TrapOp>(loc, TrapReason::UndefinedInstruction);
      return;
    }

    // A generic instruction: operands in stack order, top first.
    ensure(t.stackIn, loc);
    SmallVector<Value> operands;
    for (unsigned k = 0; k < t.stackIn; ++k)
      operands.push_back(stack[stack.size() - 1 - k]);
    stack.resize(stack.size() - t.stackIn);
    Operation *created =
        op >= OP_LOG0 && op <= OP_LOG4
            ? builder.create<LogOp>(loc, operands[0], operands[1], ArrayRef(operands).drop_front(2))
            : kInstructionBuilders[op](builder, loc, operands, t.stackOut, gasAfter);
    for (Value result : created->getResults())
      stack.push_back(result);
    if (created->hasTrait<OpTrait::IsTerminator>())
      return;
  }

  // The block runs into the next one, or off the end of the code: located at its last
  // instruction (not its last byte, which may be push data).
  Location endLoc = locAt(b.numInsts ? insts[b.firstInst + b.numInsts - 1].pc : b.begin);
  if (b.exit == BlockExit::FallThrough && b.end < analysis.code().size()) {
    auto [dest, args] = edgeTo(index + 1, /*inPlace=*/true, endLoc);
    builder.create<JumpOp>(endLoc, args, dest);
  } else {
    builder.create<StopOp>(endLoc);
  }
}

} // namespace

bool isRegionCompiled(uint64_t mixedSeed, uint32_t index) {
  if (mixedSeed == 0)
    return true;
  // splitmix64 of the seed and the index: a fixed, well-mixed choice per (seed, region).
  uint64_t z = mixedSeed + 0x9e3779b97f4a7c15ull * (uint64_t(index) + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return ((z ^ (z >> 31)) & 1) != 0;
}

std::string symbolNameFor(std::string_view fileName) {
  size_t slash = fileName.find_last_of('/');
  if (slash != std::string_view::npos)
    fileName.remove_prefix(slash + 1);
  size_t dot = fileName.find('.');
  std::string name(fileName.substr(0, dot));
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      c = '_';
  return name.empty() ? "contract" : name;
}

ContractOp liftContract(ModuleOp module, const ContractAnalysis &analysis,
                        const LiftOptions &options) {
  return Lifter(module, analysis, options).run();
}

OwningOpRef<ModuleOp> liftToModule(MLIRContext &ctx, const ContractAnalysis &analysis,
                                   const LiftOptions &options) {
  ctx.loadDialect<MetisDialect>();
  OwningOpRef<ModuleOp> module = ModuleOp::create(FileLineColLoc::get(&ctx, options.name, 0, 0));
  RegionPartition partition(analysis, options.regions);
  if (partition.regions().empty() ||
      (partition.regions().size() == 1 && isRegionCompiled(options.mixedSeed, 0)))
    Lifter(*module, analysis, options).run();
  else
    Lifter(*module, analysis, options).runRegions(partition);
  return module;
}

} // namespace metis::frontend
