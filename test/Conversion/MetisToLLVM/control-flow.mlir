// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Static jumps are branches carrying the live stack words; JUMPI branches on a word other
// than zero, the fused JUMPI-of-ISZERO on a word equal to zero; a dynamic jump is a switch
// on the i256 target over the JUMPDEST offsets, defaulting to the bad-jump block.

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:         %[[A:.*]] = llvm.load %{{.*}} {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         %[[B:.*]] = llvm.load %{{.*}} {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[HEIGHT_PTR:.*]] = llvm.getelementptr %arg0[8] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    llvm.store %{{.*}}, %[[HEIGHT_PTR]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[TAKEN:.*]] = llvm.icmp "ne" %[[A]], %[[ZERO]] : i256
// CHECK-NEXT:    llvm.cond_br %[[TAKEN]], ^[[BB1:bb[0-9]+]](%[[B]] : i256), ^[[BB2:bb[0-9]+]]
// CHECK-NEXT:  ^[[BB1]](%[[X:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[IS_ZERO:.*]] = llvm.icmp "eq" %[[X]], %[[ZERO]] : i256
// CHECK-NEXT:    llvm.cond_br %[[IS_ZERO]], ^[[BB2]], ^[[BB6:bb[0-9]+]](%[[X]], %[[A]] : i256, i256)
// CHECK-NEXT:  ^[[BB2]]:
// CHECK-NEXT:    llvm.switch %[[B]] : i256, ^[[BAD:bb[0-9]+]] [
// CHECK-NEXT:      10: ^[[BB3:bb[0-9]+]],
// CHECK-NEXT:      42: ^[[BB4:bb[0-9]+]]
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^[[BB3]]:
// CHECK-NEXT:    %[[OFFSET:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[OFFSET]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[SIZE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[IS_REVERT:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_return(%arg0, %[[OFFSET]], %[[SIZE]], %[[IS_REVERT]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[BB4]]:
// CHECK:         llvm.return
// CHECK-NEXT:  ^[[BAD]]:
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.mlir.constant(8 : i32) : i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[BB6]](%{{[0-9]+}}: i256, %[[Z:[0-9]+]]: i256):
// CHECK-NEXT:    llvm.br ^[[BB7:bb[0-9]+]](%[[Z]] : i256)
// CHECK-NEXT:  ^[[BB7]](%{{[0-9]+}}: i256):
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @branches attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 64 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jumpi %a, ^bb1(%b : i256), ^bb2
^bb1(%x: i256):
  metis.jumpi.zero %x, ^bb2, ^bb5(%x, %a : i256, i256)
^bb2:
  metis.dispatch %b [10: ^bb3, 42: ^bb4], default ^bb7
^bb3:
  metis.return %a, %b
^bb4:
  metis.revert %b, %a
^bb7:
  metis.trap bad_jump_destination
^bb5(%y: i256, %z: i256):
  metis.jump ^bb6(%z : i256)
^bb6(%w: i256):
  metis.stop
}

// -----

// Frame ends with a fixed status return it directly: STOP 0, INVALID 4, a trap its reason.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         llvm.switch %{{.*}} : i256, ^[[BB7:bb[0-9]+]] [
// CHECK-NEXT:      1: ^[[BB1:bb[0-9]+]],
// CHECK-NEXT:      2: ^[[BB2:bb[0-9]+]],
// CHECK-NEXT:      3: ^[[BB3:bb[0-9]+]],
// CHECK-NEXT:      4: ^[[BB4:bb[0-9]+]],
// CHECK-NEXT:      5: ^[[BB5:bb[0-9]+]],
// CHECK-NEXT:      6: ^[[BB6:bb[0-9]+]]
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^[[BB1]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB2]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(4 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB3]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB4]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(5 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB5]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(6 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB6]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(7 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  ^[[BB7]]:
// CHECK-NEXT:    %[[S:.*]] = llvm.mlir.constant(8 : i32) : i32
// CHECK-NEXT:    llvm.return %[[S]] : i32
// CHECK-NEXT:  }
metis.contract @halts attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %a = metis.stack.pop : i256
  metis.dispatch %a [1: ^bb1, 2: ^bb2, 3: ^bb3, 4: ^bb4, 5: ^bb5, 6: ^bb6], default ^bb7
^bb1:
  metis.stop
^bb2:
  metis.invalid
^bb3:
  metis.trap out_of_gas
^bb4:
  metis.trap undefined_instruction
^bb5:
  metis.trap stack_overflow
^bb6:
  metis.trap stack_underflow
^bb7:
  metis.trap bad_jump_destination
}

// -----

// RETURN and REVERT record the output through metis_rt_return(ctx, offset, size, is_revert)
// and end the frame with the status it returns; SELFDESTRUCT likewise with
// metis_rt_selfdestruct(ctx, beneficiary).
// CHECK-DAG:   llvm.func @metis_rt_return(!llvm.ptr, !llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-DAG:   llvm.func @metis_rt_selfdestruct(!llvm.ptr, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[A:[0-9]+]]: i256, %[[B:[0-9]+]]: i256):
// CHECK-NEXT:    llvm.switch %[[A]] : i256, ^[[BB3:bb[0-9]+]] [
// CHECK-NEXT:      1: ^[[BB1:bb[0-9]+]],
// CHECK-NEXT:      2: ^[[BB2:bb[0-9]+]]
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^[[BB1]]:
// CHECK-NEXT:    %[[OFFSET:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[OFFSET]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[SIZE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[IS_REVERT:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_return(%arg0, %[[OFFSET]], %[[SIZE]], %[[IS_REVERT]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[BB2]]:
// CHECK-NEXT:    %[[OFFSET:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[OFFSET]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[SIZE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[A]], %[[SIZE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[IS_REVERT:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_return(%arg0, %[[OFFSET]], %[[SIZE]], %[[IS_REVERT]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[BB3]]:
// CHECK-NEXT:    %[[BENEFICIARY:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[B]], %[[BENEFICIARY]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_selfdestruct(%arg0, %[[BENEFICIARY]]) : (!llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  }
metis.contract @outputs attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %p, %q = metis.stack.pop : i256, i256
  metis.jump ^bb1(%p, %q : i256, i256)
^bb1(%a: i256, %b: i256):
  metis.dispatch %a [1: ^bb2, 2: ^bb3], default ^bb4
^bb2:
  metis.return %a, %b
^bb3:
  metis.revert %b, %a
^bb4:
  metis.selfdestruct %b
}
