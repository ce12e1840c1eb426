// RUN: metis-opt %s --pass-pipeline='builtin.module(metis-to-llvm)' | FileCheck %s --implicit-check-not=metis.

// The named pipeline (Pipelines.cpp) canonicalises, fuses, merges gas charges and CSEs the
// lifted IR, converts it, and canonicalises the LLVM dialect: constants fold and gather in
// the entry block, the ISZERO before a JUMPI is folded into the branch, the two charges of
// the first block become one of 6, SHR 224 of CALLDATALOAD 0 becomes the selector (a
// metis_rt_read with no status check), and the unreachable block is gone.

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-DAG:     %[[SIX:.*]] = llvm.mlir.constant(6 : i64) : i64
// CHECK-DAG:     %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-DAG:     %[[FIVE:.*]] = llvm.mlir.constant(5 : i64) : i64
// CHECK-DAG:     %[[CALLDATALOAD:.*]] = llvm.mlir.constant(53 : i32) : i32
// CHECK-DAG:     %[[C224:.*]] = llvm.mlir.constant(224 : i256) : i256
// CHECK-DAG:     %[[THREE:.*]] = llvm.mlir.constant(3 : i256) : i256
// CHECK-DAG:     %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-DAG:     %[[SCRATCH:.*]] = llvm.alloca
// CHECK:         llvm.br ^bb1
// CHECK:         llvm.sub %{{.*}}, %[[SIX]] : i64
// CHECK-NOT:     llvm.sub %{{.*}} : i64
// CHECK:         %{{.*}} = llvm.call @metis_rt_read(%arg0, %[[CALLDATALOAD]], %[[SCRATCH]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[WORD:.*]] = llvm.load %[[SCRATCH]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[SELECTOR:.*]] = llvm.lshr %[[WORD]], %[[C224]] : i256
// CHECK-NEXT:    %[[DIFF:.*]] = llvm.sub %[[SELECTOR]], %[[THREE]] : i256
// CHECK-NEXT:    %[[NONZERO:.*]] = llvm.icmp "ne" %[[DIFF]], %[[ZERO]] : i256
// CHECK-NEXT:    llvm.cond_br %[[NONZERO]], ^[[RETURN:bb[0-9]+]], ^[[STOP:bb[0-9]+]]
// CHECK-NEXT:  ^[[STOP]]:
// CHECK:         llvm.sub %{{.*}}, %[[ONE]] : i64
// CHECK:         llvm.return
// CHECK-NEXT:  ^[[RETURN]]:
// CHECK:         llvm.sub %{{.*}}, %[[FIVE]] : i64
// CHECK:         llvm.call @metis_rt_memory_grow
// CHECK:         llvm.intr.bswap(%[[THREE]]) : (i256) -> i256
// CHECK:         %[[STATUS:.*]] = llvm.call @metis_rt_return
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NOT:     llvm.mlir.constant(4 : i32)
// CHECK:         llvm.mlir.global external constant @metis_contract_info
metis.contract @pipeline attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 32 : i64} {
  metis.stack.check required 0 growth 2 window 0
  metis.gas.charge 3
  %c0 = metis.constant 0
  %w = metis.calldataload %c0
  metis.gas.charge 3
  %c224 = metis.constant 224
  %sel = metis.shr %c224, %w
  %c1 = metis.constant 1
  %c2 = metis.constant 2
  %sum = metis.add %c1, %c2
  %diff = metis.sub %sel, %sum
  %z = metis.iszero %diff
  metis.jumpi %z, ^bb1, ^bb2
^bb1:
  metis.gas.charge 1
  metis.stop
^bb2:
  metis.gas.charge 5
  metis.mstore %c0, %sum
  metis.return %c0, %c1
^bb3:
  metis.invalid
}
