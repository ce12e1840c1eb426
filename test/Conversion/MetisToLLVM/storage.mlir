// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Storage goes through the runtime. SLOAD and TLOAD are one-operand reads,
// metis_rt_read(ctx, opcode, io) with the key in scratch word 0 and the value read back from
// it; SSTORE passes `prepaid` (the static gas charged ahead for the rest of its block) so its
// 2300-gas sentry sees the exact gas left; TSTORE has no prepaid. Every status is checked: one
// other than METIS_CONTINUE (1000) is returned from a block of its own before the continuation.

// CHECK-DAG:   llvm.func @metis_rt_read(!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-DAG:   llvm.func @metis_rt_sstore(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64) -> i32
// CHECK-DAG:   llvm.func @metis_rt_tstore(!llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[K:[0-9]+]]: i256, %[[V:[0-9]+]]: i256):
// SLOAD (0x54 = 84)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[K]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(84 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[LOADED:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// SSTORE with prepaid 6
// CHECK-NEXT:    %[[KEY:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[K]], %[[KEY]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[VALUE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[V]], %[[VALUE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(6 : i64) : i64
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_sstore(%arg0, %[[KEY]], %[[VALUE]], %[[PREPAID]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// SSTORE without prepaid: 0
// CHECK-NEXT:    %[[KEY:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[K]], %[[KEY]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[VALUE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[LOADED]], %[[VALUE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_sstore(%arg0, %[[KEY]], %[[VALUE]], %[[PREPAID]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// TLOAD (0x5c = 92)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[K]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(92 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[TLOADED:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// TSTORE
// CHECK-NEXT:    %[[KEY:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[K]], %[[KEY]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[VALUE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[TLOADED]], %[[VALUE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_tstore(%arg0, %[[KEY]], %[[VALUE]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @storage attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%key: i256, %value: i256):
  %0 = metis.sload %key
  metis.sstore %key, %value {prepaid = 6}
  metis.sstore %key, %0
  %1 = metis.tload %key
  metis.tstore %key, %1
  metis.stop
}
