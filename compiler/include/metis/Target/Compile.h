//===- Compile.h - Bytecode to an optimised LLVM module ------------*- C++ -*-===//
//
// The steps every native tier shares: analyse and lift the bytecode, run the lowering
// pipeline, translate to LLVM IR and optimise it for a target machine.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_COMPILE_H
#define METIS_TARGET_COMPILE_H

#include "metis/Frontend/Regions.h"
#include "metis/Pipelines/Pipelines.h"
#include "metis/runtime/Bytes.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <optional>
#include <vector>

namespace metis {

/// Instructions per region unless told otherwise (see docs/regions.md for the measurements).
inline constexpr uint32_t kDefaultRegionInstructions = 2000;

/// How hard the compiler works on a contract (docs/compile-levels.md). `Baseline` is no LLVM at
/// all: the single-pass x86-64 emitter (docs/baseline.md), for first compiles in about a
/// millisecond; JIT only so far. `Fast` is the cheapest LLVM pipeline measured to keep words in
/// registers (linear IR passes, code generation at -O1). `Default` is LLVM's -O2 pipeline until
/// a cheaper one is measured to match it.
enum class CompileLevel : uint8_t { Baseline, Fast, Default };

/// "baseline", "fast" or "default": the one place the levels are spelled for the tools.
llvm::StringRef compileLevelName(CompileLevel level);
/// The level called `name`, or nullopt.
std::optional<CompileLevel> parseCompileLevel(llvm::StringRef name);
/// Every level's name, for the tools' option checks and error messages.
const std::vector<std::string> &compileLevelNames();

struct CompileOptions {
  LoweringOptions lowering;
  CompileLevel level = CompileLevel::Default;
  /// LLVM's code generation level, 0 to 3, at the default level. 0 also turns the IR passes
  /// off (unoptimised code, for debugging the lowering).
  unsigned llvmOptLevel = 2;
  /// Non-empty: the LLVM IR pipeline to run instead of the level's, in `opt -passes=` syntax
  /// ("default<O2>" is LLVM's standard -O2). For measuring pipelines and bisecting miscompiles.
  std::string llvmPasses;
  /// Contracts whose LLVM function has more instructions than this get the
  /// large-function profile (see docs/compiled-code.md) instead of the full
  /// pipeline: LLVM's -O2 is superlinear on one function of tens of thousands of
  /// i256 instructions (minutes for some). 0 means no limit.
  unsigned fullOptimizationLimit = 25000;
  /// ... and so do contracts with more than this many in all their regions: InstCombine is
  /// quadratic on a function's chain of gas checks (32 of 36 s of IR passes on 65,535 JUMPDESTs in
  /// regions of 300 instructions), so the full pipeline is kept for what it pays for.
  unsigned fullOptimizationTotalLimit = 150000;
  /// Above this many instructions in all, code generation drops to the fast path too.
  unsigned fastCodegenLimit = 60000;
  /// How contracts are cut into regions, each its own native function (docs/regions.md).
  frontend::RegionOptions regions{.maxInstructions = kDefaultRegionInstructions};
  /// Non-zero: compile only a random half of the regions, chosen by this seed, and interpret
  /// the rest (the mixed engine; for testing the hand-over).
  uint64_t mixedSeed = 0;
  /// Prints MLIR and LLVM pass timings to stderr (like clang's -ftime-report).
  bool timing = false;
  /// Names the module and locations.
  std::string name = "contract";
};

/// An optimised module and the code generation level chosen for its size.
struct OptimizedModule {
  std::unique_ptr<llvm::Module> module;
  unsigned codegenOptLevel = 2;
  /// A large function: generate code with the basic register allocator (see runCodegen).
  bool largeFunction = false;
  size_t instructionCount = 0;     ///< before optimisation
  size_t largestFunctionCount = 0; ///< instructions of the largest function, before optimisation
  size_t functionCount = 0;        ///< the contract's entry and its regions
};

/// Lifts, lowers and optimises `code` into `ctx` for `tm`'s target. Errors name the step that
/// failed. Generate code with a target machine at the returned level.
llvm::Expected<OptimizedModule> compileToLLVM(BytesView code, llvm::LLVMContext &ctx,
                                              llvm::TargetMachine &tm,
                                              const CompileOptions &options);

/// An optimised module and the host target machine at the code generation level chosen for it.
struct HostModule {
  OptimizedModule optimized;
  std::unique_ptr<llvm::TargetMachine> targetMachine;
};

/// compileToLLVM for the host, with the target machine to generate its code.
llvm::Expected<HostModule> compileForHost(BytesView code, llvm::LLVMContext &ctx,
                                          const CompileOptions &options);

/// Compiles `code` for the host into an in-memory object file: lift, lower, optimise and generate
/// code at the level `options` and the contract's size call for. What the JIT pays per contract
/// before linking; metis-bench's compile/* rows time exactly this.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> compileToObject(BytesView code,
                                                                    const CompileOptions &options);

/// Runs `emit`, the code generation of `module` (building its pass manager included), with the
/// register allocator its size calls for: the greedy allocator's region splitting took 9 of 14 s on
/// a 22 KB contract, the basic allocator a quarter of that for 4% more code. LLVM reads the
/// allocator from a process-wide option, so code generation through here is serialised.
void runCodegen(const OptimizedModule &module, llvm::function_ref<void()> emit);

/// Initialises the native target once (idempotent, thread-safe).
void initializeNativeTarget();

/// A target machine for the host, or an error.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(unsigned optLevel);

} // namespace metis

#endif // METIS_TARGET_COMPILE_H
