//===- Passes.td - metis conversion passes -----------------*- tablegen -*-===//
#ifndef METIS_CONVERSION_PASSES_TD
#define METIS_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertMetisToLLVM : Pass<"convert-metis-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower the metis dialect to the LLVM dialect and calls into the runtime ABI";
  let description = [{
    Each `metis.contract` becomes `llvm.func @metis_contract_main(!llvm.ptr) -> i32` taking
    the `metis_context` of runtime/include/metis/runtime/abi.h and returning the frame's
    status, plus the `metis_contract_info` record. i256 arithmetic, compares, shifts and
    memory accesses are inline (shifts guarded for amounts of 256 or more; memory with a
    bounds check and a call only to grow); division, modular ops, EXP and everything that
    touches the world call `metis_rt_*` builtins. Block gas charges are inline with a cold
    out-of-gas exit.
  }];
  let options = [
    Option<"compilerVersion", "compiler-version", "std::string", "\"metis-0.1\"",
           "Written into the contract's info record">,
    Option<"targetTriple", "target-triple", "std::string", "\"\"",
           "Written into the contract's info record">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // METIS_CONVERSION_PASSES_TD
