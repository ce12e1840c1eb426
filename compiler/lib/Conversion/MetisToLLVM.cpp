//===- MetisToLLVM.cpp - The metis dialect to the LLVM dialect --------------===//
//
// The pass turns each metis.contract into `metis_contract_main(ptr ctx, i64 pc) -> i32`
// (abi.h), or `metis_region_<k>` for region k, and then applies the op patterns
// (MetisToLLVMPatterns.cpp). The context pointer is the function's first argument. The patterns
// mark early exits, which expandExitMarkers then turns into branches to blocks that return the
// status.
//
//===----------------------------------------------------------------------===//
#include "MetisToLLVMCommon.h"
#include "metis/Conversion/Passes.h"
#include "metis/runtime/abi.h"

#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

#include <cstring>

namespace metis {
#define GEN_PASS_DEF_CONVERTMETISTOLLVM
#include "metis/Conversion/Passes.h.inc"
} // namespace metis

using namespace mlir;
using namespace metis;
using namespace metis::lowering;

namespace {

/// The info record: magic, ABI version, code size, code hash, compiler version, triple.
void emitContractInfo(OpBuilder &b, ModuleOp module, ContractOp contract, StringRef compilerVersion,
                      StringRef triple) {
  MLIRContext *ctx = b.getContext();
  Location loc = contract.getLoc();
  auto i8 = IntegerType::get(ctx, 8);
  SmallVector<uint8_t> bytes(sizeof(metis_contract_info), 0);
  metis_contract_info info{};
  info.magic = METIS_ABI_MAGIC;
  info.abi_version = METIS_ABI_VERSION;
  info.code_size = uint32_t(contract.getCodeSize());
  StringRef hash = contract.getCodeHash().drop_front(2);
  for (unsigned i = 0; i < 32; ++i)
    info.code_hash[i] = uint8_t(llvm::hexFromNibbles(hash[2 * i], hash[2 * i + 1]));
  std::strncpy(info.compiler_version, compilerVersion.str().c_str(),
               sizeof(info.compiler_version) - 1);
  std::strncpy(info.target_triple, triple.str().c_str(), sizeof(info.target_triple) - 1);
  std::memcpy(bytes.data(), &info, sizeof(info));
  auto type = LLVM::LLVMArrayType::get(i8, bytes.size());
  b.setInsertionPointToEnd(module.getBody());
  b.create<LLVM::GlobalOp>(
      loc, type, /*isConstant=*/true, LLVM::Linkage::External, METIS_CONTRACT_INFO,
      b.getStringAttr(StringRef(reinterpret_cast<char *>(bytes.data()), bytes.size())));
}

/// metis.contract -> llvm.func `metis_contract_main(ptr ctx, i64 pc) -> i32`, or
/// `metis_region_<k>` for a region: a new entry block takes the arguments and branches to the
/// contract's entry block (which could not be a branch target itself).
LLVM::LLVMFuncOp convertContract(OpBuilder &b, ContractOp contract) {
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  auto fnType = LLVM::LLVMFunctionType::get(IntegerType::get(ctx, 32), {ptr, i64});
  b.setInsertionPoint(contract);
  std::string name = METIS_CONTRACT_ENTRY;
  if (std::optional<uint64_t> region = contract.getRegion())
    name = METIS_REGION_ENTRY_PREFIX + std::to_string(*region);
  auto fn = b.create<LLVM::LLVMFuncOp>(contract.getLoc(), name, fnType);
  // Each region is compiled on its own: inlining them into each other would undo the point
  // of regions (compile time linear in code size) and the tail calls keep them cheap.
  fn.setNoInline(true);
  Region &body = fn.getBody();
  Location loc = contract.getLoc();
  Block *entry = b.createBlock(&body, body.end(), {ptr, i64}, {loc, loc});
  Block *first = &contract.getBody().front();
  body.getBlocks().splice(body.end(), contract.getBody().getBlocks());
  b.setInsertionPointToEnd(entry);
  b.create<LLVM::BrOp>(loc, ValueRange(), first);
  return fn;
}

struct ConvertMetisToLLVMPass : metis::impl::ConvertMetisToLLVMBase<ConvertMetisToLLVMPass> {
  using ConvertMetisToLLVMBase::ConvertMetisToLLVMBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(&getContext());
    SmallVector<ContractOp> contracts(module.getOps<ContractOp>());
    // One contract per module (its entry and info record have fixed names), and any of its
    // regions, each once.
    unsigned mains = 0;
    llvm::SmallDenseSet<uint64_t> regions;
    for (ContractOp contract : contracts) {
      std::optional<uint64_t> region = contract.getRegion();
      if (!region) {
        ++mains;
      } else if (!regions.insert(*region).second) {
        contract.emitError("a module holds region ") << *region << " twice";
        return signalPassFailure();
      }
    }
    if (mains > 1) {
      module.emitError("a module compiles to one contract, found ") << mains;
      return signalPassFailure();
    }
    for (ContractOp contract : contracts) {
      // Unreachable blocks would stay unconverted (the conversion walks from the entry).
      IRRewriter rewriter(&getContext());
      (void)eraseUnreachableBlocks(rewriter, contract->getRegions());
      if (!contract.getRegion())
        emitContractInfo(b, module, contract, compilerVersion, targetTriple);
      convertContract(b, contract);
      contract.erase();
    }

    LLVMTypeConverter converter(&getContext());
    RewritePatternSet patterns(&getContext());
    populateMetisToLLVMConversionPatterns(converter, patterns);
    ConversionTarget target(getContext());
    target.addLegalDialect<LLVM::LLVMDialect>();
    target.addLegalOp<ModuleOp>();
    target.addIllegalDialect<MetisDialect>();
    if (failed(applyFullConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    expandExitMarkers(module);
  }
};

} // namespace
