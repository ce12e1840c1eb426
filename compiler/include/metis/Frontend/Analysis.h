//===- Analysis.h - Basic blocks, CFG, jump targets, stack shape --*- C++ -*-===//
//
// What the lifter needs to know about bytecode before it emits IR: the basic blocks, which
// jumps are static (a constant, or a known set of constants such as the return addresses of
// a Solidity internal function), the stack each block reads and how far it grows, which code
// is reachable, and how many stack words each block can receive as SSA values. No MLIR here.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_FRONTEND_ANALYSIS_H
#define METIS_FRONTEND_ANALYSIS_H

#include "metis/runtime/Decoder.h"
#include "metis/runtime/Word.h"

#include <cstdint>
#include <string>
#include <vector>

namespace metis::frontend {

/// How a basic block ends.
enum class BlockExit : uint8_t {
  FallThrough, ///< Runs into the next block (a JUMPDEST), or off the end of the code.
  Jump,
  JumpI,
  Stop,
  Return,
  Revert,
  Invalid, ///< 0xfe
  SelfDestruct,
  Undefined, ///< An undefined opcode.
};

/// What a JUMP or JUMPI can jump to, as far as the analysis can tell.
enum class JumpKind : uint8_t {
  None,    ///< The block does not end in a jump.
  Static,  ///< A known, non-empty set of targets (each a JUMPDEST, or invalid).
  Dynamic, ///< Anything: a dispatch over every JUMPDEST.
};

struct BasicBlock {
  uint32_t begin = 0;     ///< Offset of the first instruction.
  uint32_t end = 0;       ///< Offset just past the last instruction (or its push data).
  uint32_t firstInst = 0; ///< Index into ContractAnalysis::instructions().
  uint32_t numInsts = 0;
  bool isJumpdest = false; ///< Starts with a JUMPDEST, so jumps may target it.
  BlockExit exit = BlockExit::FallThrough;

  /// Stack words the block reads below its entry height (its minimum entry height).
  int32_t required = 0;
  /// Peak height above the entry height during the block.
  int32_t growth = 0;
  /// Exit height minus entry height.
  int32_t netEffect = 0;
  /// Sum of the Cancun static gas of its instructions.
  int64_t staticGas = 0;

  JumpKind jump = JumpKind::None;
  /// Static targets that are JUMPDESTs, as block indices (sorted, unique).
  std::vector<uint32_t> targets;
  /// Static targets that are not JUMPDESTs (the jump halts with a bad destination).
  std::vector<uint64_t> invalidTargets;
  /// The targets hold on every path that does not pass through a dispatch, which may enter a
  /// JUMPDEST with any stack: a value outside them goes to the dispatch at run time.
  bool guarded = false;

  /// Block indices control can reach next (jump targets, fall-through), unique.
  std::vector<uint32_t> successors;
  bool reachable = false;
  /// A dynamic jump may land here (so it is entered with its stack in memory).
  bool dispatchTarget = false;
  /// Stack words that enter the block as SSA values (block arguments); deeper words are in
  /// the in-memory stack.
  int32_t window = 0;
  /// An upper bound on the stack height at entry (1024 where the analysis cannot bound it,
  /// as after a dynamic jump): a block with maxHeight + growth <= 1024 cannot overflow.
  int32_t maxHeight = 1024;
};

struct AnalysisStats {
  uint32_t blocks = 0;
  uint32_t reachableBlocks = 0;
  uint32_t jumps = 0;        ///< Reachable JUMP and JUMPI instructions.
  uint32_t staticJumps = 0;  ///< ... whose targets are known.
  uint32_t dynamicJumps = 0; ///< ... that need a dispatch.
  uint64_t unreachableBytes = 0;
  /// Static jumps over more than one target (internal function returns).
  uint32_t multiTargetJumps = 0;
  /// Static jumps whose target comes from the block's entry stack, with a dispatch in the
  /// contract: checked at run time (values outside the targets go to the dispatch).
  uint32_t guardedJumps = 0;
};

class ContractAnalysis {
public:
  /// Analyses `code`. Never fails: every byte string is a program.
  explicit ContractAnalysis(BytesView code);

  BytesView code() const { return code_; }
  const std::vector<Instruction> &instructions() const { return insts_; }
  const std::vector<BasicBlock> &blocks() const { return blocks_; }
  const AnalysisStats &stats() const { return stats_; }
  /// The block starting at `pc`, or -1.
  int blockAt(uint64_t pc) const;
  /// JUMPDEST blocks a dispatch can reach, by offset.
  const std::vector<uint32_t> &dispatchTargets() const { return dispatchTargets_; }

private:
  void splitBlocks();
  void simulateBlocks();
  void resolveJumps();
  void computeWindows();
  void computeMaxHeights();
  void computeStats();

  BytesView code_;
  std::vector<Instruction> insts_;
  std::vector<BasicBlock> blocks_;
  std::vector<int32_t> blockAtPc_; ///< -1 where no block starts.
  std::vector<uint32_t> dispatchTargets_;
  AnalysisStats stats_;
};

/// The value a PUSHn leaves: its immediate, zero-padded on the right if the code ends early.
Word pushValue(const Instruction &inst);

/// `stats` as one line: "blocks 12 (reachable 11), jumps 9: static 8, dynamic 1, ...".
std::string formatStats(const AnalysisStats &stats);

} // namespace metis::frontend

#endif // METIS_FRONTEND_ANALYSIS_H
