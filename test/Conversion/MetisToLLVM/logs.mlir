// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// LOG0..LOG4: metis_rt_log(ctx, args, topic count) with offset, size and the topics in stack
// order from scratch word 0; the count is the number of topics, and a status other than
// METIS_CONTINUE (1000) is returned from a block of its own placed before the continuation.

// CHECK:       llvm.func @metis_rt_log(!llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NOT:   llvm.func @metis_rt_log
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[OFF:[0-9]+]]: i256, %[[SIZE:[0-9]+]]: i256, %[[T0:[0-9]+]]: i256, %[[T1:[0-9]+]]: i256, %[[T2:[0-9]+]]: i256, %[[T3:[0-9]+]]: i256):
// LOG0
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OFF]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[N:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_log(%arg0, %[[ARGS]], %[[N]]) : (!llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// LOG2
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OFF]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T0]], %[[A2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T1]], %[[A3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[N:.*]] = llvm.mlir.constant(2 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_log(%arg0, %[[ARGS]], %[[N]]) : (!llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// LOG4: the topics fill scratch words 2..5.
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OFF]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T0]], %[[A2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T1]], %[[A3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A4:.*]] = llvm.getelementptr %[[SCRATCH]][4] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T2]], %[[A4]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A5:.*]] = llvm.getelementptr %[[SCRATCH]][5] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[T3]], %[[A5]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[N:.*]] = llvm.mlir.constant(4 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_log(%arg0, %[[ARGS]], %[[N]]) : (!llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @logs attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b, %c, %d, %e, %f = metis.stack.pop : i256, i256, i256, i256, i256, i256
  metis.jump ^bb1(%a, %b, %c, %d, %e, %f : i256, i256, i256, i256, i256, i256)
^bb1(%offset: i256, %size: i256, %t0: i256, %t1: i256, %t2: i256, %t3: i256):
  metis.log %offset, %size
  metis.log %offset, %size topics(%t0, %t1)
  metis.log %offset, %size topics(%t0, %t1, %t2, %t3)
  metis.stop
}
