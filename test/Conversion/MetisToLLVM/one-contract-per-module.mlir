// RUN: not metis-opt %s --convert-metis-to-llvm 2>&1 | FileCheck %s

// A module compiles to one contract: its entry point and info record have fixed names
// (metis_contract_main, metis_contract_info), so a second contract is an error, not a
// silently clashing symbol.

// CHECK: one-contract-per-module.mlir:[[@LINE+2]]:1: error: a module compiles to one contract, found 2
// CHECK-NOT: llvm.func
module {
  metis.contract @first attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
    metis.stop
  }
  metis.contract @second attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000001", code_size = 1 : i64} {
    metis.stop
  }
}
