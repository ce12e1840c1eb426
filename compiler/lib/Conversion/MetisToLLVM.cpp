//===- MetisToLLVM.cpp - The metis dialect to the LLVM dialect --------------===//
//
// The pass turns each metis.contract into `metis_contract_main(ptr ctx) -> i32` (abi.h) and
// then applies the op patterns (MetisToLLVMPatterns.cpp). The context pointer is the
// function's first argument. The patterns mark early exits, which expandExitMarkers then
// turns into branches to blocks that return the status.
//
//===----------------------------------------------------------------------===//
#include "MetisToLLVMCommon.h"
#include "metis/Conversion/Passes.h"
#include "metis/runtime/abi.h"

#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/RegionUtils.h"
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

/// metis.contract -> llvm.func: a new entry block takes the context and branches to the
/// contract's entry block (which a region entry could not be, were it a jump target).
LLVM::LLVMFuncOp convertContract(OpBuilder &b, ContractOp contract) {
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto fnType = LLVM::LLVMFunctionType::get(IntegerType::get(ctx, 32), {ptr});
  b.setInsertionPoint(contract);
  auto fn = b.create<LLVM::LLVMFuncOp>(contract.getLoc(), METIS_CONTRACT_ENTRY, fnType);
  Region &body = fn.getBody();
  Block *entry = b.createBlock(&body, body.end(), {ptr}, {contract.getLoc()});
  Block *first = &contract.getBody().front();
  body.getBlocks().splice(body.end(), contract.getBody().getBlocks());
  b.setInsertionPointToEnd(entry);
  b.create<LLVM::BrOp>(contract.getLoc(), ValueRange(), first);
  return fn;
}

struct ConvertMetisToLLVMPass : metis::impl::ConvertMetisToLLVMBase<ConvertMetisToLLVMPass> {
  using ConvertMetisToLLVMBase::ConvertMetisToLLVMBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(&getContext());
    SmallVector<ContractOp> contracts(module.getOps<ContractOp>());
    if (contracts.size() > 1) {
      module.emitError("a module compiles to one contract, found ") << contracts.size();
      return signalPassFailure();
    }
    for (ContractOp contract : contracts) {
      // Unreachable blocks would stay unconverted (the conversion walks from the entry).
      IRRewriter rewriter(&getContext());
      (void)eraseUnreachableBlocks(rewriter, contract->getRegions());
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
