//===- Compile.cpp - Bytecode to an optimised LLVM module -------------------===//
#include "metis/Target/Compile.h"
#include "metis/Frontend/Lift.h"
#include "metis/InitAllDialects.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/CodeGen/MachinePassRegistry.h"
#include "llvm/CodeGen/Passes.h"
#include "llvm/CodeGen/RegAllocRegistry.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Pass.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/StandardInstrumentations.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Transforms/Scalar/DeadStoreElimination.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"

#include <algorithm>
#include <mutex>

namespace metis {

static constexpr CompileLevel kLevels[] = {CompileLevel::Baseline, CompileLevel::Fast,
                                           CompileLevel::Default};

llvm::StringRef compileLevelName(CompileLevel level) {
  switch (level) {
  case CompileLevel::Baseline:
    return "baseline";
  case CompileLevel::Fast:
    return "fast";
  case CompileLevel::Default:
    return "default";
  }
  llvm_unreachable("unknown compile level");
}

std::optional<CompileLevel> parseCompileLevel(llvm::StringRef name) {
  for (CompileLevel level : kLevels)
    if (name == compileLevelName(level))
      return level;
  return std::nullopt;
}

const std::vector<std::string> &compileLevelNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (CompileLevel level : kLevels)
      v.push_back(compileLevelName(level).str());
    return v;
  }();
  return names;
}

/// The code generation level `options` ask for before the contract's size is known: the fast
/// level generates at -O1 at most (-O0's local register allocator spills every word: 2.5x
/// slower code).
static unsigned requestedCodegenLevel(const CompileOptions &options) {
  return options.level == CompileLevel::Fast ? std::min(options.llvmOptLevel, 1u)
                                             : options.llvmOptLevel;
}

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    // X86's domain reassignment (run on AVX-512 hosts) is quadratic in a function's
    // size: 96 of the 100 s code generation took for one 40 KB contract. It moves
    // scalar work to mask registers, which i256 arithmetic never wants.
    if (auto *opt = llvm::cl::getRegisteredOptions().lookup("disable-x86-domain-reassignment"))
      opt->addOccurrence(0, opt->ArgStr, "true");
  });
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(unsigned optLevel) {
  initializeNativeTarget();
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb)
    return jtmb.takeError();
  static constexpr llvm::CodeGenOptLevel levels[] = {
      llvm::CodeGenOptLevel::None, llvm::CodeGenOptLevel::Less, llvm::CodeGenOptLevel::Default,
      llvm::CodeGenOptLevel::Aggressive};
  jtmb->setCodeGenOptLevel(levels[std::min(optLevel, 3u)]);
  jtmb->setRelocationModel(llvm::Reloc::PIC_);
  return jtmb->createTargetMachine();
}

static llvm::OptimizationLevel optimizationLevel(unsigned level) {
  switch (level) {
  case 0:
    return llvm::OptimizationLevel::O0;
  case 1:
    return llvm::OptimizationLevel::O1;
  case 2:
    return llvm::OptimizationLevel::O2;
  default:
    return llvm::OptimizationLevel::O3;
  }
}

/// The allocator LLVM uses when none is forced: the value the `-regalloc` option holds
/// (normally "choose by optimisation level"). LLVM installs it as the registry's default
/// once, on the first code generation, unless a default is already set.
static llvm::RegisterRegAlloc::FunctionPassCtor defaultRegisterAllocator() {
  using RegAllocOption = llvm::cl::opt<llvm::RegisterRegAlloc::FunctionPassCtor, false,
                                       llvm::RegisterPassParser<llvm::RegisterRegAlloc>>;
  static const auto ctor = [] {
    auto *option = llvm::cl::getRegisteredOptions().lookup("regalloc");
    return option ? static_cast<RegAllocOption *>(option)->getValue() : nullptr;
  }();
  return ctor;
}

void runCodegen(const OptimizedModule &module, llvm::function_ref<void()> emit) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  auto fallback = defaultRegisterAllocator();
  bool basic = module.largeFunction && module.codegenOptLevel > 0 && fallback;
  if (basic)
    llvm::RegisterRegAlloc::setDefault(
        static_cast<llvm::FunctionPass *(*)()>(&llvm::createBasicRegisterAllocator));
  emit();
  if (basic)
    llvm::RegisterRegAlloc::setDefault(fallback);
}

/// The IR passes of the fast level and of the large-function profile: passes linear in a
/// function's size (docs/compile-levels.md has the measurements). The MLIR pipeline has already
/// folded and canonicalised; what is left is the builtins' argument buffers, redundant loads of
/// context fields and dead stores. InstCombine's dominating-condition queries, LoopRotate and GVN
/// are what blow up on the large functions, and buy little here: code generation is what costs.
static llvm::FunctionPassManager buildLinearPipeline() {
  llvm::FunctionPassManager fpm;
  fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  fpm.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/false));
  fpm.addPass(llvm::SimplifyCFGPass());
  fpm.addPass(llvm::DSEPass());
  return fpm;
}

llvm::Expected<OptimizedModule> compileToLLVM(BytesView code, llvm::LLVMContext &llvmCtx,
                                              llvm::TargetMachine &tm,
                                              const CompileOptions &options) {
  if (options.level == CompileLevel::Baseline)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the baseline level does not go through LLVM (it emits "
                                   "machine code directly: docs/baseline.md)");
  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
  mlir::MLIRContext ctx(registry, mlir::MLIRContext::Threading::DISABLED);
  ctx.loadAllAvailableDialects();

  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    llvm::raw_string_ostream(diagnostics) << d << "\n";
    return mlir::success();
  });

  frontend::ContractAnalysis analysis(code);
  frontend::LiftOptions lift;
  lift.name = options.name;
  lift.regions = options.regions;
  lift.mixedSeed = options.mixedSeed;
  auto module = frontend::liftToModule(ctx, analysis, lift);

  LoweringOptions lowering = options.lowering;
  if (lowering.targetTriple.empty())
    lowering.targetTriple = tm.getTargetTriple().str();
  mlir::PassManager pm(&ctx);
  if (options.timing) {
    pm.enableTiming();
    llvm::TimePassesIsEnabled = true;
  }
  buildMetisToLLVMPipeline(pm, lowering);
  if (mlir::failed(pm.run(*module)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "lowering " + options.name + " failed: " + diagnostics);

  auto llvmModule = mlir::translateModuleToLLVMIR(*module, llvmCtx, options.name);
  if (!llvmModule)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "translating " + options.name +
                                       " to LLVM IR failed: " + diagnostics);
  llvmModule->setDataLayout(tm.createDataLayout());
  llvmModule->setTargetTriple(tm.getTargetTriple().str());

  OptimizedModule result;
  result.codegenOptLevel = requestedCodegenLevel(options);
  for (llvm::Function &fn : *llvmModule) {
    if (fn.isDeclaration())
      continue;
    size_t count = fn.getInstructionCount();
    result.instructionCount += count;
    result.largestFunctionCount = std::max(result.largestFunctionCount, count);
    ++result.functionCount;
  }
  if (options.llvmOptLevel == 0) {
    result.module = std::move(llvmModule);
    return result;
  }
  // LLVM's superlinear passes are superlinear in one function's size: the largest picks.
  size_t size = result.largestFunctionCount;
  bool large = (options.fullOptimizationLimit && size > options.fullOptimizationLimit) ||
               (options.fullOptimizationTotalLimit &&
                result.instructionCount > options.fullOptimizationTotalLimit);
  const bool fast = options.level == CompileLevel::Fast;
  result.largeFunction = large;
  if (large)
    result.codegenOptLevel =
        options.fastCodegenLimit && result.instructionCount > options.fastCodegenLimit ? 0 : 1;
  if (options.timing)
    llvm::errs() << options.name << ": " << result.instructionCount << " LLVM instructions in "
                 << result.functionCount << " functions, the largest " << size << ": "
                 << (!options.llvmPasses.empty() ? "given"
                     : large                     ? "large-function"
                     : fast                      ? "fast"
                                                 : "full")
                 << " IR pipeline, code generation -O" << result.codegenOptLevel << "\n";

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  // With --timing, LLVM's own pass timings (the new pass manager reports through these).
  llvm::PassInstrumentationCallbacks instrumentation;
  llvm::StandardInstrumentations standard(llvmCtx, /*DebugLogging=*/false);
  standard.registerCallbacks(instrumentation, &mam);
  llvm::PassBuilder pb(&tm, llvm::PipelineTuningOptions(), std::nullopt,
                       options.timing ? &instrumentation : nullptr);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm;
  if (!options.llvmPasses.empty()) {
    if (auto err = pb.parsePassPipeline(mpm, options.llvmPasses))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "the LLVM pipeline '" + options.llvmPasses +
                                         "' does not parse: " + llvm::toString(std::move(err)));
  } else if (fast || large) {
    mpm.addPass(llvm::createModuleToFunctionPassAdaptor(buildLinearPipeline()));
  } else {
    mpm = pb.buildPerModuleDefaultPipeline(optimizationLevel(options.llvmOptLevel));
  }
  mpm.run(*llvmModule, mam);
  result.module = std::move(llvmModule);
  return result;
}

llvm::Expected<HostModule> compileForHost(BytesView code, llvm::LLVMContext &ctx,
                                          const CompileOptions &options) {
  const unsigned requested = requestedCodegenLevel(options);
  auto tm = createHostTargetMachine(requested);
  if (!tm)
    return tm.takeError();
  auto module = compileToLLVM(code, ctx, **tm, options);
  if (!module)
    return module.takeError();
  // Code generation at the level compileToLLVM chose for this contract's size; a second target
  // machine only if the size changed it.
  if (module->codegenOptLevel != requested) {
    tm = createHostTargetMachine(module->codegenOptLevel);
    if (!tm)
      return tm.takeError();
  }
  return HostModule{std::move(*module), std::move(*tm)};
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> compileToObject(BytesView code,
                                                                    const CompileOptions &options) {
  llvm::LLVMContext ctx;
  auto host = compileForHost(code, ctx, options);
  if (!host)
    return host.takeError();
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> object(nullptr);
  runCodegen(host->optimized, [&] {
    object = llvm::orc::SimpleCompiler(*host->targetMachine)(*host->optimized.module);
  });
  return object;
}

} // namespace metis
