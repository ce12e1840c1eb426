// RUN: metis-opt %s --convert-metis-to-llvm | FileCheck %s --implicit-check-not=metis.

// Regression: a block no branch reaches kept its metis ops after the conversion, and the pass
// still succeeded, so the module could not be translated to LLVM IR ("Dialect `metis' not
// found for custom op 'metis.gas.charge'"). The lifter emits no such blocks and the named
// pipeline canonicalises them away first, but the pass on its own must leave no metis op
// behind: it has to convert or drop unreachable blocks (or fail).

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         llvm.return
metis.contract @unreachable attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 2 : i64} {
  metis.stop
^bb1:
  metis.gas.charge 3
  metis.invalid
}
