// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Memory accesses are inline: offsets above 0xffffffff cannot be paid for (out of gas, 3);
// otherwise end = offset + size is compared with ctx->memory_size (offset 32) and only a
// larger end takes the cold path calling metis_rt_memory_grow, whose status is checked: on
// METIS_CONTINUE (1000) it joins the access, otherwise a block of its own returns it. The
// access then goes through ctx->memory (offset 24), big-endian (bswap), align 1. Out of gas
// returns the constant 3 from one block at the end of the function.

// CHECK:       llvm.func @metis_rt_memory_grow(!llvm.ptr, i64) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[OFF:[0-9]+]]: i256):
// CHECK-NEXT:    %[[LIMIT:.*]] = llvm.mlir.constant(4294967295 : i256) : i256
// CHECK-NEXT:    %[[TOO_FAR:.*]] = llvm.icmp "ugt" %[[OFF]], %[[LIMIT]] : i256
// CHECK-NEXT:    llvm.cond_br %[[TOO_FAR]], ^[[OOG_EXIT:bb[0-9]+]], ^[[CHECK:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[CHECK]]:
// CHECK-NEXT:    %[[OFF64:.*]] = llvm.trunc %[[OFF]] : i256 to i64
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.mlir.constant(32 : i64) : i64
// CHECK-NEXT:    %[[END:.*]] = llvm.add %[[OFF64]], %[[SIZE]] : i64
// CHECK-NEXT:    %[[MSIZE_PTR:.*]] = llvm.getelementptr %arg0[32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MSIZE:.*]] = llvm.load %[[MSIZE_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[GROW:.*]] = llvm.icmp "ugt" %[[END]], %[[MSIZE]] : i64
// CHECK-NEXT:    llvm.cond_br %[[GROW]], ^[[COLD:bb[0-9]+]], ^[[ACCESS:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[COLD]]:
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_memory_grow(%arg0, %[[END]]) : (!llvm.ptr, i64) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[ACCESS]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[ACCESS]]:
// CHECK-NEXT:    %[[MEM_PTR:.*]] = llvm.getelementptr %arg0[24] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MEM:.*]] = llvm.load %[[MEM_PTR]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[MEM]][%[[OFF64]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[RAW:.*]] = llvm.load %[[P]] {alignment = 1 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[WORD:.*]] = llvm.intr.bswap(%[[RAW]]) : (i256) -> i256
// CHECK:         llvm.store %[[WORD]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  ^[[OOG_EXIT]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  }
metis.contract @mload attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  metis.jump ^bb1(%a : i256)
^bb1(%offset: i256):
  %0 = metis.mload %offset
  metis.stack.push %0
  metis.stop
}

// -----

// MSTORE swaps the word to big-endian and stores it; MSTORE8 covers one byte and stores the
// low byte. Each access has its own check and grow path; both out-of-gas checks share the
// one block returning 3.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NOT:     llvm.alloca
// CHECK:       ^bb2(%[[OFF:[0-9]+]]: i256, %[[V:[0-9]+]]: i256):
// CHECK-NEXT:    %[[LIMIT:.*]] = llvm.mlir.constant(4294967295 : i256) : i256
// CHECK-NEXT:    %[[TOO_FAR:.*]] = llvm.icmp "ugt" %[[OFF]], %[[LIMIT]] : i256
// CHECK-NEXT:    llvm.cond_br %[[TOO_FAR]], ^[[OOG_EXIT:bb[0-9]+]], ^[[CHECK:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[CHECK]]:
// CHECK-NEXT:    %[[OFF64:.*]] = llvm.trunc %[[OFF]] : i256 to i64
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.mlir.constant(32 : i64) : i64
// CHECK-NEXT:    %[[END:.*]] = llvm.add %[[OFF64]], %[[SIZE]] : i64
// CHECK-NEXT:    %[[MSIZE_PTR:.*]] = llvm.getelementptr %arg0[32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MSIZE:.*]] = llvm.load %[[MSIZE_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[GROW:.*]] = llvm.icmp "ugt" %[[END]], %[[MSIZE]] : i64
// CHECK-NEXT:    llvm.cond_br %[[GROW]], ^[[COLD:bb[0-9]+]], ^[[ACCESS:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[COLD]]:
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_memory_grow(%arg0, %[[END]]) : (!llvm.ptr, i64) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[ACCESS]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[ACCESS]]:
// CHECK-NEXT:    %[[MEM_PTR:.*]] = llvm.getelementptr %arg0[24] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MEM:.*]] = llvm.load %[[MEM_PTR]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[MEM]][%[[OFF64]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[BE:.*]] = llvm.intr.bswap(%[[V]]) : (i256) -> i256
// CHECK-NEXT:    llvm.store %[[BE]], %[[P]] {alignment = 1 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[LIMIT:.*]] = llvm.mlir.constant(4294967295 : i256) : i256
// CHECK-NEXT:    %[[TOO_FAR:.*]] = llvm.icmp "ugt" %[[OFF]], %[[LIMIT]] : i256
// CHECK-NEXT:    llvm.cond_br %[[TOO_FAR]], ^[[OOG_EXIT]], ^[[CHECK:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[CHECK]]:
// CHECK-NEXT:    %[[OFF64:.*]] = llvm.trunc %[[OFF]] : i256 to i64
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[END:.*]] = llvm.add %[[OFF64]], %[[SIZE]] : i64
// CHECK-NEXT:    %[[MSIZE_PTR:.*]] = llvm.getelementptr %arg0[32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MSIZE:.*]] = llvm.load %[[MSIZE_PTR]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK-NEXT:    %[[GROW:.*]] = llvm.icmp "ugt" %[[END]], %[[MSIZE]] : i64
// CHECK-NEXT:    llvm.cond_br %[[GROW]], ^[[COLD:bb[0-9]+]], ^[[ACCESS:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[COLD]]:
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_memory_grow(%arg0, %[[END]]) : (!llvm.ptr, i64) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[ACCESS]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[ACCESS]]:
// CHECK-NEXT:    %[[MEM_PTR:.*]] = llvm.getelementptr %arg0[24] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[MEM:.*]] = llvm.load %[[MEM_PTR]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[MEM]][%[[OFF64]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[LOW:.*]] = llvm.trunc %[[V]] : i256 to i8
// CHECK-NEXT:    llvm.store %[[LOW]], %[[P]] {alignment = 1 : i64} : i8, !llvm.ptr
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  ^[[OOG_EXIT]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  }
metis.contract @mstore attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%offset: i256, %value: i256):
  metis.mstore %offset, %value
  metis.mstore8 %offset, %value
  metis.stop
}

// -----

// MSIZE asks the runtime (metis_rt_env with opcode 0x59 = 89); MCOPY (0x5e = 94) and
// KECCAK256 charge memory and gas in the runtime, so their statuses are checked.
// CHECK-DAG:   llvm.func @metis_rt_env(!llvm.ptr, i32, !llvm.ptr){{$}}
// CHECK-DAG:   llvm.func @metis_rt_copy(!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-DAG:   llvm.func @metis_rt_keccak256(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[DST:[0-9]+]]: i256, %[[SRC:[0-9]+]]: i256, %[[SIZE:[0-9]+]]: i256):
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(89 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[MSIZE:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[DST]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SRC]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[A2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(94 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_copy(%arg0, %[[OP]], %[[ARGS]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[OFFSET:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[DST]], %[[OFFSET]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[LEN:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[SIZE]], %[[LEN]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_keccak256(%arg0, %[[R]], %[[OFFSET]], %[[LEN]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[HASH:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[MSIZE]]
// CHECK:         llvm.store %[[HASH]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @runtime_memory attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b, %c = metis.stack.pop : i256, i256, i256
  metis.jump ^bb1(%a, %b, %c : i256, i256, i256)
^bb1(%dst: i256, %src: i256, %size: i256):
  %0 = metis.msize
  metis.mcopy %dst, %src, %size
  %1 = metis.keccak256 %dst, %size
  metis.stack.push %0, %1
  metis.stop
}
