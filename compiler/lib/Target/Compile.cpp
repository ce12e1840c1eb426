//===- Compile.cpp - Bytecode to an optimised LLVM module -------------------===//
#include "metis/Target/Compile.h"
#include "metis/Frontend/Lift.h"
#include "metis/InitAllDialects.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>

namespace metis {

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(unsigned optLevel) {
  initializeNativeTarget();
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb)
    return jtmb.takeError();
  jtmb->setCodeGenOptLevel(optLevel >= 3   ? llvm::CodeGenOptLevel::Aggressive
                           : optLevel == 0 ? llvm::CodeGenOptLevel::None
                                           : llvm::CodeGenOptLevel::Default);
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

llvm::Expected<std::unique_ptr<llvm::Module>>
compileToLLVM(BytesView code, llvm::LLVMContext &llvmCtx, llvm::TargetMachine &tm,
              const CompileOptions &options) {
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
  auto module = frontend::liftToModule(ctx, analysis, lift);

  LoweringOptions lowering = options.lowering;
  if (lowering.targetTriple.empty())
    lowering.targetTriple = tm.getTargetTriple().str();
  mlir::PassManager pm(&ctx);
  buildMetisToLLVMPipeline(pm, lowering);
  if (mlir::failed(pm.run(*module)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "lowering " + options.name + " failed: " + diagnostics);

  auto llvmModule = mlir::translateModuleToLLVMIR(*module, llvmCtx, options.name);
  if (!llvmModule)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "translating " + options.name + " to LLVM IR failed: " +
                                       diagnostics);
  llvmModule->setDataLayout(tm.createDataLayout());
  llvmModule->setTargetTriple(tm.getTargetTriple().str());

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  if (options.llvmOptLevel > 0) {
    llvm::ModulePassManager mpm =
        pb.buildPerModuleDefaultPipeline(optimizationLevel(options.llvmOptLevel));
    mpm.run(*llvmModule, mam);
  }
  return llvmModule;
}

} // namespace metis
