// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// The environment (0x30..0x4a) goes through the runtime, the opcode byte telling it which
// fact or read is meant. Facts of the frame and block are metis_rt_env(ctx, opcode, out),
// which cannot fail; one-operand reads are metis_rt_read(ctx, opcode, io), whose status is
// checked since account reads charge cold accesses; copies into memory are
// metis_rt_copy(ctx, opcode, args) with the operands in stack order from scratch word 0.

// CHECK:       llvm.func @metis_rt_env(!llvm.ptr, i32, !llvm.ptr){{$}}
// CHECK-NOT:   llvm.func @metis_rt_env
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:    %[[EIGHT:.*]] = llvm.mlir.constant(8 : i64) : i64
// CHECK-NEXT:    %[[SCRATCH:.*]] = llvm.alloca %[[EIGHT]] x i256 {alignment = 16 : i64} : (i64) -> !llvm.ptr
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NEXT:  ^bb1:
// ADDRESS (0x30 = 48)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(48 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E0:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// ORIGIN (0x32 = 50)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(50 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E1:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CALLER (0x33 = 51)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(51 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E2:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CALLVALUE (0x34 = 52)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(52 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E3:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CALLDATASIZE (0x36 = 54)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(54 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E4:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CODESIZE (0x38 = 56)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(56 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E5:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// GASPRICE (0x3a = 58)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(58 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E6:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// RETURNDATASIZE (0x3d = 61)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(61 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E7:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// COINBASE (0x41 = 65)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(65 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E8:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// TIMESTAMP (0x42 = 66)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(66 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E9:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// NUMBER (0x43 = 67)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(67 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E10:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// PREVRANDAO (0x44 = 68)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(68 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E11:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// GASLIMIT (0x45 = 69)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(69 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E12:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHAINID (0x46 = 70)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(70 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E13:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// SELFBALANCE (0x47 = 71)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(71 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E14:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// BASEFEE (0x48 = 72)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(72 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E15:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// BLOBBASEFEE (0x4a = 74)
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(74 : i32) : i32
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.call @metis_rt_env(%arg0, %[[OP]], %[[R]]) : (!llvm.ptr, i32, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[E16:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NOT:     llvm.cond_br
// CHECK:         llvm.store %[[E0]]
// CHECK:         llvm.store %[[E1]]
// CHECK:         llvm.store %[[E2]]
// CHECK:         llvm.store %[[E3]]
// CHECK:         llvm.store %[[E4]]
// CHECK:         llvm.store %[[E5]]
// CHECK:         llvm.store %[[E6]]
// CHECK:         llvm.store %[[E7]]
// CHECK:         llvm.store %[[E8]]
// CHECK:         llvm.store %[[E9]]
// CHECK:         llvm.store %[[E10]]
// CHECK:         llvm.store %[[E11]]
// CHECK:         llvm.store %[[E12]]
// CHECK:         llvm.store %[[E13]]
// CHECK:         llvm.store %[[E14]]
// CHECK:         llvm.store %[[E15]]
// CHECK:         llvm.store %[[E16]]
// CHECK:         llvm.return
// CHECK-NEXT:  }
metis.contract @facts attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %0 = metis.address
  %1 = metis.origin
  %2 = metis.caller
  %3 = metis.callvalue
  %4 = metis.calldatasize
  %5 = metis.codesize
  %6 = metis.gasprice
  %7 = metis.returndatasize
  %8 = metis.coinbase
  %9 = metis.timestamp
  %10 = metis.number
  %11 = metis.prevrandao
  %12 = metis.gaslimit
  %13 = metis.chainid
  %14 = metis.selfbalance
  %15 = metis.basefee
  %16 = metis.blobbasefee
  metis.stack.push %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, %16
  metis.stop
}

// -----

// CHECK:       llvm.func @metis_rt_read(!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NOT:   llvm.func @metis_rt_read
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256):
// CALLDATALOAD (0x35 = 53)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(53 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R0:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// BALANCE (0x31 = 49)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(49 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R1:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// EXTCODESIZE (0x3b = 59)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(59 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R2:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// EXTCODEHASH (0x3f = 63)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(63 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R3:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// BLOCKHASH (0x40 = 64)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(64 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R4:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// BLOBHASH (0x49 = 73)
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(73 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[R5:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[R0]]
// CHECK:         llvm.store %[[R1]]
// CHECK:         llvm.store %[[R2]]
// CHECK:         llvm.store %[[R3]]
// CHECK:         llvm.store %[[R4]]
// CHECK:         llvm.store %[[R5]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @reads attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  metis.jump ^bb1(%a : i256)
^bb1(%x: i256):
  %0 = metis.calldataload %x
  %1 = metis.balance %x
  %2 = metis.extcodesize %x
  %3 = metis.extcodehash %x
  %4 = metis.blockhash %x
  %5 = metis.blobhash %x
  metis.stack.push %0, %1, %2, %3, %4, %5
  metis.stop
}

// -----

// CALLDATACOPY (0x37 = 55), CODECOPY (0x39 = 57), RETURNDATACOPY (0x3e = 62): three operands;
// EXTCODECOPY (0x3c = 60): four, the address first.
// CHECK:       llvm.func @metis_rt_copy(!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[A:[0-9]+]]: i256, %[[B:[0-9]+]]: i256, %[[C:[0-9]+]]: i256, %[[D:[0-9]+]]: i256):
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[C]], %[[A2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(55 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_copy(%arg0, %[[OP]], %[[ARGS]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK:         %[[OP:.*]] = llvm.mlir.constant(57 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_copy(%arg0, %[[OP]], %[[ARGS]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK:         llvm.cond_br %{{.*}}, ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK:         %[[OP:.*]] = llvm.mlir.constant(62 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_copy(%arg0, %[[OP]], %[[ARGS]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK:         llvm.cond_br %{{.*}}, ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[A0:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[D]], %[[A0]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A1:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[A1]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A2:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[A2]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[A3:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[C]], %[[A3]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(60 : i32) : i32
// CHECK-NEXT:    %[[ARGS:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_copy(%arg0, %[[OP]], %[[ARGS]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @copies attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b, %c, %d = metis.stack.pop : i256, i256, i256, i256
  metis.jump ^bb1(%a, %b, %c, %d : i256, i256, i256, i256)
^bb1(%mem: i256, %src: i256, %size: i256, %address: i256):
  metis.calldatacopy %mem, %src, %size
  metis.codecopy %mem, %src, %size
  metis.returndatacopy %mem, %src, %size
  metis.extcodecopy %address, %mem, %src, %size
  metis.stop
}

// -----

// metis.selector (fused SHR 224 of CALLDATALOAD 0) reads word 0 of the call data through
// metis_rt_read and shifts it inline; a CALLDATALOAD cannot fail, so no status check follows.
// PC and constants are i256 constants.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb1:
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[IO:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[ZERO]], %[[IO]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[OP:.*]] = llvm.mlir.constant(53 : i32) : i32
// CHECK-NEXT:    %{{.*}} = llvm.call @metis_rt_read(%arg0, %[[OP]], %[[IO]]) : (!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[C224:.*]] = llvm.mlir.constant(224 : i256) : i256
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[WORD:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[SELECTOR:.*]] = llvm.lshr %[[WORD]], %[[C224]] : i256
// CHECK-NEXT:    %[[PC:.*]] = llvm.mlir.constant(7 : i256) : i256
// CHECK-NEXT:    %[[BIG:.*]] = llvm.mlir.constant(1461501637330902918203684832716283019655932542976 : i256) : i256
// CHECK-NEXT:    %[[ONES:.*]] = llvm.mlir.constant(-1 : i256) : i256
// CHECK-NOT:     llvm.cond_br
// CHECK:         llvm.store %[[SELECTOR]]
// CHECK:         llvm.store %[[PC]]
// CHECK:         llvm.store %[[BIG]]
// CHECK:         llvm.store %[[ONES]]
metis.contract @selector attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %0 = metis.selector
  %1 = metis.pc 7
  %2 = metis.constant 0x10000000000000000000000000000000000000000
  %3 = metis.constant 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  metis.stack.push %0, %1, %2, %3
  metis.stop
}
