// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Gas and stack bookkeeping is inline on the context (abi.h): gas left at offset 0, the
// in-memory stack's height at 8 and its base at 16. A failing check branches to a block at
// the end of the function that returns the constant status; there is one such block per
// distinct status, shared by every check that fails with it.

// metis.gas.charge: gas -= amount, stored back; below zero leaves with out of gas (3).
// metis.gas: the gas left plus `prepaid`, zero-extended to a word.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[GAS:.*]] = llvm.load %[[GAS_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[AMOUNT:.*]] = llvm.mlir.constant(21 : i64) : i64
// CHECK-NEXT:    %[[LEFT:.*]] = llvm.sub %[[GAS]], %[[AMOUNT]] : i64
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    llvm.store %[[LEFT]], %[[GAS_PTR]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[OUT:.*]] = llvm.icmp "slt" %[[LEFT]], %[[ZERO]] : i64
// CHECK-NEXT:    llvm.cond_br %[[OUT]], ^[[OOG_EXIT:bb[0-9]+]], ^[[NEXT:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[GAS:.*]] = llvm.load %[[GAS_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(6 : i64) : i64
// CHECK-NEXT:    %[[SEEN:.*]] = llvm.add %[[GAS]], %[[PREPAID]] : i64
// CHECK-NEXT:    %[[G:.*]] = llvm.zext %[[SEEN]] : i64 to i256
// CHECK-NEXT:    %[[GAS_PTR:.*]] = llvm.getelementptr %arg0[0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[GAS:.*]] = llvm.load %[[GAS_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[SEEN:.*]] = llvm.add %[[GAS]], %[[PREPAID]] : i64
// CHECK-NEXT:    %[[H:.*]] = llvm.zext %[[SEEN]] : i64 to i256
// CHECK:         llvm.store %[[G]]
// CHECK:         llvm.store %[[H]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  ^[[OOG_EXIT]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  }
metis.contract @gas attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.gas.charge 21
  %g = metis.gas {prepaid = 6}
  %h = metis.gas
  metis.stack.push %g, %h
  metis.stop
}

// -----

// metis.stack.check: height = ctx->stack_height + window; fewer than `required` words is a
// stack underflow (7), checked only when the window does not cover `required`; more than
// 1024 - growth words is a stack overflow (6), checked only when the block grows.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NEXT:  ^bb1:
// required 3 growth 2 window 1: both checks.
// CHECK-NEXT:    %[[WINDOW:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[IN_MEMORY:.*]] = llvm.load %[[HEIGHT_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[HEIGHT:.*]] = llvm.add %[[IN_MEMORY]], %[[WINDOW]] : i64
// CHECK-NEXT:    %[[REQUIRED:.*]] = llvm.mlir.constant(3 : i64) : i64
// CHECK-NEXT:    %[[UNDER:.*]] = llvm.icmp "ult" %[[HEIGHT]], %[[REQUIRED]] : i64
// CHECK-NEXT:    llvm.cond_br %[[UNDER]], ^[[UNDERFLOW_EXIT:bb[0-9]+]], ^[[NEXT:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[ROOM:.*]] = llvm.mlir.constant(1022 : i64) : i64
// CHECK-NEXT:    %[[OVER:.*]] = llvm.icmp "sgt" %[[HEIGHT]], %[[ROOM]] : i64
// CHECK-NEXT:    llvm.cond_br %[[OVER]], ^[[OVERFLOW_EXIT:bb[0-9]+]], ^[[NEXT:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[NEXT]]:
// required 2 growth 0 window 2: the window covers what the block needs, and it does not grow.
// CHECK-NEXT:    %[[WINDOW:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[IN_MEMORY:.*]] = llvm.load %[[HEIGHT_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[HEIGHT:.*]] = llvm.add %[[IN_MEMORY]], %[[WINDOW]] : i64
// required 1 growth 1024 window 0: underflow, and overflow unless the stack is empty.
// CHECK-NEXT:    %[[WINDOW:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[IN_MEMORY:.*]] = llvm.load %[[HEIGHT_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[HEIGHT:.*]] = llvm.add %[[IN_MEMORY]], %[[WINDOW]] : i64
// CHECK-NEXT:    %[[REQUIRED:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[UNDER:.*]] = llvm.icmp "ult" %[[HEIGHT]], %[[REQUIRED]] : i64
// CHECK-NEXT:    llvm.cond_br %[[UNDER]], ^[[UNDERFLOW_EXIT]], ^[[NEXT:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[ROOM:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[OVER:.*]] = llvm.icmp "sgt" %[[HEIGHT]], %[[ROOM]] : i64
// CHECK-NEXT:    llvm.cond_br %[[OVER]], ^[[OVERFLOW_EXIT]], ^[[NEXT:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// The shared exit blocks, in the order they are created (the last check first).
// CHECK-NEXT:  ^[[OVERFLOW_EXIT]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(6 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[UNDERFLOW_EXIT]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(7 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  }
metis.contract @stack_check attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.stack.check required 3 growth 2 window 1
  metis.stack.check required 2 growth 0 window 2
  metis.stack.check required 1 growth 1024 window 0
  metis.stop
}

// -----

// metis.stack.push stores its operands at stack[height + i], first operand deepest, then
// raises the height; metis.stack.pop lowers it first and loads stack[new height + i], the
// last result being the old top.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[HEIGHT:.*]] = llvm.load %[[HEIGHT_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[N:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:    %[[NEW:.*]] = llvm.sub %[[HEIGHT]], %[[N]] : i64
// CHECK-NEXT:    %[[BASE_PTR:.*]] = llvm.getelementptr %arg0[16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[BASE:.*]] = llvm.load %[[BASE_PTR]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[I:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[IDX:.*]] = llvm.add %[[NEW]], %[[I]] : i64
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[BASE]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[DEEP:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[I:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[IDX:.*]] = llvm.add %[[NEW]], %[[I]] : i64
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[BASE]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[TOP:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    llvm.store %[[NEW]], %[[HEIGHT_PTR]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NEXT:    %[[SUM:.*]] = llvm.add %[[DEEP]], %[[TOP]] : i256
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[HEIGHT:.*]] = llvm.load %[[HEIGHT_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[BASE_PTR:.*]] = llvm.getelementptr %arg0[16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[BASE:.*]] = llvm.load %[[BASE_PTR]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[I:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[IDX:.*]] = llvm.add %[[HEIGHT]], %[[I]] : i64
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[BASE]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[TOP]], %[[P]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[I:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[IDX:.*]] = llvm.add %[[HEIGHT]], %[[I]] : i64
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[BASE]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SUM]], %[[P]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[I:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:    %[[IDX:.*]] = llvm.add %[[HEIGHT]], %[[I]] : i64
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[BASE]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[DEEP]], %[[P]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[PUSHED:.*]] = llvm.mlir.constant(3 : i64) : i64
// CHECK-NEXT:    %[[RAISED:.*]] = llvm.add %[[HEIGHT]], %[[PUSHED]] : i64
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    llvm.store %[[RAISED]], %[[HEIGHT_PTR]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @spills attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %deep, %top = metis.stack.pop : i256, i256
  %sum = metis.add %deep, %top
  metis.stack.push %top, %sum, %deep
  metis.stop
}
