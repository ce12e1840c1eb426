// RUN: metis-opt %s --convert-metis-to-llvm | FileCheck %s

// Regions (docs/regions.md): a region becomes `metis_region_<index>(ptr ctx, i64 pc) -> i32`,
// the contract's entry keeps its name and the info record; neither is inlined into another.
// metis.entry_offset is the `pc` argument; metis.exit with a region is a musttail call of that
// region's function, without one it stores the offset in ctx->resume_pc (offset 64) and returns
// METIS_RESUME (1001); metis.redispatch is a bad jump destination (8) for a target over 64
// bits, else a musttail call of the contract's entry.

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32
// CHECK-SAME:    attributes {no_inline}
// CHECK:         %[[PC:.*]] = llvm.zext %arg1 : i64 to i256
// CHECK:         llvm.switch %[[PC]] : i256
// CHECK:         %[[OFF:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = llvm.call musttail @metis_region_0(%arg0, %[[OFF]]) : (!llvm.ptr, i64) -> i32
// CHECK-NEXT:    llvm.return %[[R]] : i32
// CHECK:         %[[SEVEN:.*]] = llvm.mlir.constant(7 : i64) : i64
// CHECK-NEXT:    %[[FIELD:.*]] = llvm.getelementptr %arg0[64] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    llvm.store %[[SEVEN]], %[[FIELD]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NEXT:    %[[RESUME:.*]] = llvm.mlir.constant(1001 : i32) : i32
// CHECK-NEXT:    llvm.return %[[RESUME]] : i32
metis.contract @c attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 9 : i64} {
  %pc = metis.entry_offset
  metis.dispatch %pc [0: ^bb1, 7: ^bb2], default ^bb3
^bb1:
  metis.exit 0 region 0
^bb2:
  metis.exit 7
^bb3:
  metis.trap bad_jump_destination
}

// CHECK-LABEL: llvm.func @metis_region_0(%arg0: !llvm.ptr, %arg1: i64) -> i32
// CHECK:         %[[MAX:.*]] = llvm.mlir.constant(18446744073709551615 : i256) : i256
// CHECK-NEXT:    %[[WIDE:.*]] = llvm.icmp "ugt" %[[T:.*]], %[[MAX]] : i256
// CHECK-NEXT:    llvm.cond_br %[[WIDE]], ^{{.*}}, ^[[GO:.*]]
// CHECK:       ^[[GO]]:
// CHECK-NEXT:    %[[NARROW:.*]] = llvm.trunc %[[T]] : i256 to i64
// CHECK-NEXT:    %[[R:.*]] = llvm.call musttail @metis_contract_main(%arg0, %[[NARROW]]) : (!llvm.ptr, i64) -> i32
// CHECK-NEXT:    llvm.return %[[R]] : i32
metis.contract @c_r0 attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 9 : i64, region = 0 : i64} {
  %pc = metis.entry_offset
  metis.dispatch %pc [0: ^bb1], default ^bb2
^bb1:
  %t = metis.stack.pop : i256
  metis.redispatch %t
^bb2:
  metis.trap bad_jump_destination
}
