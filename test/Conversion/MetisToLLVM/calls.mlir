// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// The CALL family and creates: metis_rt_call(ctx, opcode, args, prepaid, result) with the
// operands in stack order from scratch word 0 and the result word in scratch word 7, which
// is read back after the status check (a status other than METIS_CONTINUE, 1000, is returned
// from a block of its own placed before the continuation). `prepaid` lets the runtime compute
// the gas it may forward (EIP-150) from the exact gas left; it is 0 when the op has none.

// CALL (0xf1 = 241), prepaid 5
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[G:[0-9]+]]: i256, %[[A:[0-9]+]]: i256, %[[V:[0-9]+]]: i256, %[[IO:[0-9]+]]: i256, %[[IS:[0-9]+]]: i256, %[[OO:[0-9]+]]: i256, %[[OS:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[G]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[V]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IO]], %[[ARG3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG4:.*]] = llvm.getelementptr %[[SCRATCH]][4] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IS]], %[[ARG4]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG5:.*]] = llvm.getelementptr %[[SCRATCH]][5] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OO]], %[[ARG5]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG6:.*]] = llvm.getelementptr %[[SCRATCH]][6] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OS]], %[[ARG6]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(241 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(5 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @call attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2, %p3, %p4, %p5, %p6 = metis.stack.pop : i256, i256, i256, i256, i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2, %p3, %p4, %p5, %p6 : i256, i256, i256, i256, i256, i256, i256)
^bb1(%gas: i256, %address: i256, %value: i256, %inOffset: i256, %inSize: i256, %outOffset: i256, %outSize: i256):
  %0 = metis.call %gas, %address, %value, %inOffset, %inSize, %outOffset, %outSize {prepaid = 5}
  metis.stack.push %0
  metis.stop
}

// -----

// CALLCODE (0xf2 = 242), prepaid 0
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[G:[0-9]+]]: i256, %[[A:[0-9]+]]: i256, %[[V:[0-9]+]]: i256, %[[IO:[0-9]+]]: i256, %[[IS:[0-9]+]]: i256, %[[OO:[0-9]+]]: i256, %[[OS:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[G]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[V]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IO]], %[[ARG3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG4:.*]] = llvm.getelementptr %[[SCRATCH]][4] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IS]], %[[ARG4]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG5:.*]] = llvm.getelementptr %[[SCRATCH]][5] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OO]], %[[ARG5]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG6:.*]] = llvm.getelementptr %[[SCRATCH]][6] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OS]], %[[ARG6]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(242 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @callcode attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2, %p3, %p4, %p5, %p6 = metis.stack.pop : i256, i256, i256, i256, i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2, %p3, %p4, %p5, %p6 : i256, i256, i256, i256, i256, i256, i256)
^bb1(%gas: i256, %address: i256, %value: i256, %inOffset: i256, %inSize: i256, %outOffset: i256, %outSize: i256):
  %0 = metis.callcode %gas, %address, %value, %inOffset, %inSize, %outOffset, %outSize
  metis.stack.push %0
  metis.stop
}

// -----

// DELEGATECALL (0xf4 = 244), prepaid 0
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[G:[0-9]+]]: i256, %[[A:[0-9]+]]: i256, %[[IO:[0-9]+]]: i256, %[[IS:[0-9]+]]: i256, %[[OO:[0-9]+]]: i256, %[[OS:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[G]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IO]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IS]], %[[ARG3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG4:.*]] = llvm.getelementptr %[[SCRATCH]][4] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OO]], %[[ARG4]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG5:.*]] = llvm.getelementptr %[[SCRATCH]][5] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OS]], %[[ARG5]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(244 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @delegatecall attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2, %p3, %p4, %p5 = metis.stack.pop : i256, i256, i256, i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2, %p3, %p4, %p5 : i256, i256, i256, i256, i256, i256)
^bb1(%gas: i256, %address: i256, %inOffset: i256, %inSize: i256, %outOffset: i256, %outSize: i256):
  %0 = metis.delegatecall %gas, %address, %inOffset, %inSize, %outOffset, %outSize
  metis.stack.push %0
  metis.stop
}

// -----

// STATICCALL (0xfa = 250), prepaid 12
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[G:[0-9]+]]: i256, %[[A:[0-9]+]]: i256, %[[IO:[0-9]+]]: i256, %[[IS:[0-9]+]]: i256, %[[OO:[0-9]+]]: i256, %[[OS:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[G]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IO]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[IS]], %[[ARG3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG4:.*]] = llvm.getelementptr %[[SCRATCH]][4] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OO]], %[[ARG4]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG5:.*]] = llvm.getelementptr %[[SCRATCH]][5] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OS]], %[[ARG5]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(250 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(12 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @staticcall attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2, %p3, %p4, %p5 = metis.stack.pop : i256, i256, i256, i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2, %p3, %p4, %p5 : i256, i256, i256, i256, i256, i256)
^bb1(%gas: i256, %address: i256, %inOffset: i256, %inSize: i256, %outOffset: i256, %outSize: i256):
  %0 = metis.staticcall %gas, %address, %inOffset, %inSize, %outOffset, %outSize {prepaid = 12}
  metis.stack.push %0
  metis.stop
}

// -----

// CREATE (0xf0 = 240), prepaid 0
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[V:[0-9]+]]: i256, %[[OFFSET:[0-9]+]]: i256, %[[SIZE:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[V]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OFFSET]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(240 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @create attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2 = metis.stack.pop : i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2 : i256, i256, i256)
^bb1(%value: i256, %offset: i256, %size: i256):
  %0 = metis.create %value, %offset, %size
  metis.stack.push %0
  metis.stop
}

// -----

// CREATE2 (0xf5 = 245), prepaid 3
// CHECK:       llvm.func @metis_rt_call(!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[V:[0-9]+]]: i256, %[[OFFSET:[0-9]+]]: i256, %[[SIZE:[0-9]+]]: i256, %[[SALT:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ARG0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[V]], %[[ARG0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[OFFSET]], %[[ARG1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[ARG2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[ARG3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SALT]], %[[ARG3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(245 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[PREPAID:.*]] = llvm.mlir.constant(3 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_call(%arg0, %[[OP]], %[[ARGS]], %[[PREPAID]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][7] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[RESULT:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[RESULT]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @create2 attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %p0, %p1, %p2, %p3 = metis.stack.pop : i256, i256, i256, i256
  metis.jump ^bb1(%p0, %p1, %p2, %p3 : i256, i256, i256, i256)
^bb1(%value: i256, %offset: i256, %size: i256, %salt: i256):
  %0 = metis.create2 %value, %offset, %size, %salt {prepaid = 3}
  metis.stack.push %0
  metis.stop
}
