// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// A block whose gas charge or stack check fails, with `resume at`, does not halt: a cold
// block of its own gives the charged or prepaid gas back, pushes the block's SSA window onto
// the in-memory stack, records the offset and returns METIS_RESUME (1001), so the interpreter
// runs the block from its first instruction and reports the status it meets first.

// CHECK-LABEL: llvm.func @metis_contract_main
// The charge: stored, then tested; the cold block adds the amount (9) back.
// CHECK:         %[[LEFT:.*]] = llvm.sub %{{.*}}, %{{.*}} : i64
// CHECK:         llvm.store %[[LEFT]]
// CHECK:         %[[OUT:.*]] = llvm.icmp "slt" %[[LEFT]]
// CHECK-NEXT:    %[[PC0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[CHARGED:.*]] = llvm.mlir.constant(9 : i64) : i64
// CHECK-NEXT:    llvm.cond_br %[[OUT]], ^[[GAS_COLD:bb[0-9]+]], ^[[CHECK:bb[0-9]+]]
// The check: underflow or overflow, one branch to its own cold block.
// CHECK:       ^[[CHECK]]:
// CHECK:         %[[TOP:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i256
// CHECK:         %[[UNDER:.*]] = llvm.icmp "ult"
// CHECK:         %[[OVER:.*]] = llvm.icmp "sgt"
// CHECK-NEXT:    %[[FAILS:.*]] = llvm.or %[[UNDER]], %[[OVER]] : i1
// CHECK-NEXT:    %[[PC5:.*]] = llvm.mlir.constant(5 : i64) : i64
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(4 : i64) : i64
// CHECK-NEXT:    llvm.cond_br %[[FAILS]], ^[[STACK_COLD:bb[0-9]+]], ^{{bb[0-9]+}}
// CHECK:       ^[[STACK_COLD]]:
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0]
// CHECK-NEXT:    %[[GAS:.*]] = llvm.load %[[GAS_PTR]]
// CHECK-NEXT:    %[[BACK:.*]] = llvm.add %[[GAS]], %[[PREPAID]] : i64
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0]
// CHECK-NEXT:    llvm.store %[[BACK]], %[[GAS_PTR]]
// CHECK:         llvm.store %[[TOP]], %{{.*}} {{.*}} : i256, !llvm.ptr
// CHECK:         %[[RAISED:.*]] = llvm.add %{{.*}}, %{{.*}} : i64
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8]
// CHECK-NEXT:    llvm.store %[[RAISED]], %[[HEIGHT_PTR]]
// CHECK-NEXT:    %[[PC_PTR:.*]] = llvm.getelementptr %arg0[64]
// CHECK-NEXT:    llvm.store %[[PC5]], %[[PC_PTR]]
// CHECK-NEXT:    %[[RESUME:.*]] = llvm.mlir.constant(1001 : i32) : i32
// CHECK-NEXT:    llvm.return %[[RESUME]] : i32
// The charge's cold block: the gas back, nothing to push (an empty window).
// CHECK:       ^[[GAS_COLD]]:
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0]
// CHECK-NEXT:    %[[GAS:.*]] = llvm.load %[[GAS_PTR]]
// CHECK-NEXT:    %[[BACK:.*]] = llvm.add %[[GAS]], %[[CHARGED]] : i64
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0]
// CHECK-NEXT:    llvm.store %[[BACK]], %[[GAS_PTR]]
// CHECK-NEXT:    %[[PC_PTR:.*]] = llvm.getelementptr %arg0[64]
// CHECK-NEXT:    llvm.store %[[PC0]], %[[PC_PTR]]
// CHECK-NEXT:    %[[RESUME:.*]] = llvm.mlir.constant(1001 : i32) : i32
// CHECK-NEXT:    llvm.return %[[RESUME]] : i32
metis.contract @resume attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.gas.charge 9 resume at 0
  %top = metis.stack.pop : i256
  metis.stack.check required 3 growth 2 window 1 resume at 5 with %top {prepaid = 4}
  metis.stop
}

// -----

// Without `resume at` a failing check halts with its own status, as before.
// CHECK-LABEL: llvm.func @metis_contract_main
// CHECK:         llvm.cond_br %{{.*}}, ^[[OOG:bb[0-9]+]], ^{{bb[0-9]+}}
// CHECK:       ^[[OOG]]:
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
metis.contract @halt attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.gas.charge 9
  metis.stop
}
