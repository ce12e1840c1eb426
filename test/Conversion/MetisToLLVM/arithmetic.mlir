// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Arithmetic (0x01..0x0b). ADD, SUB and MUL are inline i256 ops; division divides narrow
// operands inline and the modular ops call metis_rt_* with their operands spilled to the
// function's scratch words (result in word 0, operands from word 1); EXP also charges gas, so its status is checked; SIGNEXTEND is
// inline. Operands are block arguments so that nothing folds.

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256):
// CHECK-NEXT:    %[[ADD:.*]] = llvm.add %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[SUB:.*]] = llvm.sub %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[MUL:.*]] = llvm.mul %[[X]], %[[Y]] : i256
// CHECK-NOT:     llvm.call
// CHECK:         llvm.store %[[ADD]]
// CHECK:         llvm.store %[[SUB]]
// CHECK:         llvm.store %[[MUL]]
metis.contract @add_sub_mul attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%x: i256, %y: i256):
  %0 = metis.add %x, %y
  %1 = metis.sub %x, %y
  %2 = metis.mul %x, %y
  metis.stack.push %0, %1, %2
  metis.stop
}

// -----

// Each builtin is declared once, however often it is called.
// CHECK-DAG:   llvm.func @metis_rt_udiv(!llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-DAG:   llvm.func @metis_rt_sdiv(!llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-DAG:   llvm.func @metis_rt_urem(!llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-DAG:   llvm.func @metis_rt_smod(!llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-NOT:   llvm.func @metis_rt_udiv
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// The scratch words: 8 x i256 on the native stack, allocated once in the entry block.
// CHECK-NEXT:    %[[EIGHT:.*]] = llvm.mlir.constant(8 : i64) : i64
// CHECK-NEXT:    %[[SCRATCH:.*]] = llvm.alloca %[[EIGHT]] x i256 {alignment = 16 : i64} : (i64) -> !llvm.ptr
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NOT:     llvm.alloca
// DIV: one 64-bit division when both operands are under 2^64 and the divisor is not zero, an
// i128 one when only the dividend needs 128 bits, else the builtin, with the operands in
// scratch words 1 and 2 and the result in word 0.
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256):
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[A:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[B:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[NONZERO:.*]] = llvm.icmp "ne" %[[Y]], %[[ZERO]] : i256
// CHECK-NEXT:    %[[L64:.*]] = llvm.mlir.constant(18446744073709551616 : i256) : i256
// CHECK-NEXT:    %[[YSMALL:.*]] = llvm.icmp "ult" %[[Y]], %[[L64]] : i256
// CHECK-NEXT:    %[[YFITS:.*]] = llvm.and %[[YSMALL]], %[[NONZERO]] : i1
// CHECK-NEXT:    %[[L64B:.*]] = llvm.mlir.constant(18446744073709551616 : i256) : i256
// CHECK-NEXT:    %[[XSMALL:.*]] = llvm.icmp "ult" %[[X]], %[[L64B]] : i256
// CHECK-NEXT:    %[[NARROW:.*]] = llvm.and %[[YFITS]], %[[XSMALL]] : i1
// CHECK-NEXT:    llvm.cond_br %[[NARROW]], ^[[FAST:bb[0-9]+]], ^[[TRY128:bb[0-9]+]]
// CHECK-NEXT:  ^[[FAST]]:
// CHECK-NEXT:    %[[X64:.*]] = llvm.trunc %[[X]] : i256 to i64
// CHECK-NEXT:    %[[Y64:.*]] = llvm.trunc %[[Y]] : i256 to i64
// CHECK-NEXT:    %[[Q64:.*]] = llvm.udiv %[[X64]], %[[Y64]] : i64
// CHECK-NEXT:    %[[Q:.*]] = llvm.zext %[[Q64]] : i64 to i256
// CHECK-NEXT:    llvm.br ^[[JOIN:bb[0-9]+]](%[[Q]] : i256)
// CHECK-NEXT:  ^[[TRY128]]:
// CHECK-NEXT:    %[[L128:.*]] = llvm.mlir.constant(340282366920938463463374607431768211456 : i256) : i256
// CHECK-NEXT:    %[[XMID:.*]] = llvm.icmp "ult" %[[X]], %[[L128]] : i256
// CHECK-NEXT:    %[[MID:.*]] = llvm.and %[[YFITS]], %[[XMID]] : i1
// CHECK-NEXT:    llvm.cond_br %[[MID]], ^[[FAST128:bb[0-9]+]], ^[[SLOW:bb[0-9]+]]
// CHECK-NEXT:  ^[[FAST128]]:
// CHECK-NEXT:    %[[X128:.*]] = llvm.trunc %[[X]] : i256 to i128
// CHECK-NEXT:    %[[Y128:.*]] = llvm.trunc %[[Y]] : i256 to i128
// CHECK-NEXT:    %[[Q128:.*]] = llvm.udiv %[[X128]], %[[Y128]] : i128
// CHECK-NEXT:    %[[QW:.*]] = llvm.zext %[[Q128]] : i128 to i256
// CHECK-NEXT:    llvm.br ^[[JOIN]](%[[QW]] : i256)
// CHECK-NEXT:  ^[[SLOW]]:
// CHECK-NEXT:    llvm.store %[[X]], %[[A]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    llvm.store %[[Y]], %[[B]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    llvm.call @metis_rt_udiv(%[[R]], %[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[LOADED:.*]] = llvm.load %[[R]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    llvm.br ^[[JOIN]](%[[LOADED]] : i256)
// CHECK-NEXT:  ^[[JOIN]](%[[DIV:[0-9]+]]: i256):
// SDIV: the magnitudes (a ^ s) - s with s = a >>s 255 decide; the quotient takes the sign of
// the signs' xor.
// CHECK:         %[[XS:.*]] = llvm.ashr %[[X]], %{{.*}} : i256
// CHECK:         %[[YS:.*]] = llvm.ashr %[[Y]], %{{.*}} : i256
// CHECK:         llvm.udiv %{{.*}}, %{{.*}} : i64
// CHECK-NEXT:    %[[SQ:.*]] = llvm.zext %{{.*}} : i64 to i256
// CHECK-NEXT:    %[[SIGNS:.*]] = llvm.xor %[[XS]], %[[YS]] : i256
// CHECK-NEXT:    %[[FLIPPED:.*]] = llvm.xor %[[SQ]], %[[SIGNS]] : i256
// CHECK-NEXT:    %{{.*}} = llvm.sub %[[FLIPPED]], %[[SIGNS]] : i256
// CHECK:         llvm.call @metis_rt_sdiv(
// CHECK:       ^{{bb[0-9]+}}(%[[SDIV:[0-9]+]]: i256):
// MOD: the remainder.
// CHECK:         llvm.urem %{{.*}}, %{{.*}} : i64
// CHECK:         llvm.call @metis_rt_urem(
// CHECK:       ^{{bb[0-9]+}}(%[[MOD:[0-9]+]]: i256):
// SMOD: the remainder takes the dividend's sign.
// CHECK:         %[[MXS:.*]] = llvm.ashr %[[X]], %{{.*}} : i256
// CHECK:         llvm.urem %{{.*}}, %{{.*}} : i64
// CHECK-NEXT:    %[[SR:.*]] = llvm.zext %{{.*}} : i64 to i256
// CHECK-NEXT:    %[[RFLIP:.*]] = llvm.xor %[[SR]], %[[MXS]] : i256
// CHECK-NEXT:    %{{.*}} = llvm.sub %[[RFLIP]], %[[MXS]] : i256
// CHECK:         llvm.call @metis_rt_smod(
// CHECK:       ^{{bb[0-9]+}}(%[[SMOD:[0-9]+]]: i256):
// CHECK:         llvm.call @metis_rt_udiv(
// CHECK:         llvm.store %[[DIV]]
// CHECK:         llvm.store %[[SDIV]]
// CHECK:         llvm.store %[[MOD]]
// CHECK:         llvm.store %[[SMOD]]
metis.contract @division attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%x: i256, %y: i256):
  %0 = metis.div %x, %y
  %1 = metis.sdiv %x, %y
  %2 = metis.mod %x, %y
  %3 = metis.smod %x, %y
  %4 = metis.div %y, %x
  metis.stack.push %0, %1, %2, %3, %4
  metis.stop
}

// -----

// CHECK-DAG:   llvm.func @metis_rt_addmod(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-DAG:   llvm.func @metis_rt_mulmod(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr){{$}}
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256, %[[N:[0-9]+]]: i256):
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[A:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[A]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[B:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[Y]], %[[B]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[M:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[N]], %[[M]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    llvm.call @metis_rt_addmod(%[[R]], %[[A]], %[[B]], %[[M]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[ADDMOD:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[A:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[ADDMOD]], %[[A]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[B:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[Y]], %[[B]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[M:.*]] = llvm.getelementptr %[[SCRATCH]][3] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[N]], %[[M]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    llvm.call @metis_rt_mulmod(%[[R]], %[[A]], %[[B]], %[[M]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[MULMOD:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[MULMOD]]
metis.contract @modular attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b, %n = metis.stack.pop : i256, i256, i256
  metis.jump ^bb1(%a, %b, %n : i256, i256, i256)
^bb1(%x: i256, %y: i256, %m: i256):
  %0 = metis.addmod %x, %y, %m
  %1 = metis.mulmod %0, %y, %m
  metis.stack.push %1
  metis.stop
}

// -----

// EXP charges 50 gas per exponent byte: metis_rt_exp(ctx, result, base, exponent) returns a
// status; anything but METIS_CONTINUE (1000) is returned from a block of its own placed before
// the continuation.
// CHECK:       llvm.func @metis_rt_exp(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:         %[[SCRATCH:.*]] = llvm.alloca
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256):
// CHECK-NEXT:    %[[BASE:.*]] = llvm.getelementptr %[[SCRATCH]][1] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[X]], %[[BASE]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[EXPONENT:.*]] = llvm.getelementptr %[[SCRATCH]][2] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    llvm.store %[[Y]], %[[EXPONENT]] {alignment = 8 : i64} : i256, !llvm.ptr
// CHECK-NEXT:    %[[R:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[STATUS:.*]] = llvm.call @metis_rt_exp(%arg0, %[[R]], %[[BASE]], %[[EXPONENT]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT:    %[[CONTINUE:.*]] = llvm.mlir.constant(1000 : i32) : i32
// CHECK-NEXT:    %[[GO_ON:.*]] = llvm.icmp "eq" %[[STATUS]], %[[CONTINUE]] : i32
// CHECK-NEXT:    llvm.cond_br %[[GO_ON]], ^[[NEXT:bb[0-9]+]], ^[[RET:bb[0-9]+]]{{$}}
// CHECK-NEXT:  ^[[RET]]:
// CHECK-NEXT:    llvm.return %[[STATUS]] : i32
// CHECK-NEXT:  ^[[NEXT]]:
// CHECK-NEXT:    %[[P:.*]] = llvm.getelementptr %[[SCRATCH]][0] : (!llvm.ptr) -> !llvm.ptr, i256
// CHECK-NEXT:    %[[EXP:.*]] = llvm.load %[[P]] {alignment = 8 : i64} : !llvm.ptr -> i256
// CHECK:         llvm.store %[[EXP]]
// CHECK:         %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
metis.contract @exp attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%x: i256, %y: i256):
  %0 = metis.exp %x, %y
  metis.stack.push %0
  metis.stop
}

// -----

// SIGNEXTEND b, x: b >= 31 keeps x; otherwise (x << s) >>s s with s = 256 - 8 * (b + 1).
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[B:[0-9]+]]: i256, %[[X:[0-9]+]]: i256):
// CHECK-NEXT:    %[[C31:.*]] = llvm.mlir.constant(31 : i256) : i256
// CHECK-NEXT:    %[[KEEP:.*]] = llvm.icmp "uge" %[[B]], %[[C31]] : i256
// CHECK-NEXT:    %[[C8:.*]] = llvm.mlir.constant(8 : i256) : i256
// CHECK-NEXT:    %[[C1:.*]] = llvm.mlir.constant(1 : i256) : i256
// CHECK-NEXT:    %[[B1:.*]] = llvm.add %[[B]], %[[C1]] : i256
// CHECK-NEXT:    %[[BITS:.*]] = llvm.mul %[[B1]], %[[C8]] : i256
// CHECK-NEXT:    %[[C256:.*]] = llvm.mlir.constant(256 : i256) : i256
// CHECK-NEXT:    %[[SHIFT:.*]] = llvm.sub %[[C256]], %[[BITS]] : i256
// CHECK-NEXT:    %[[UP:.*]] = llvm.shl %[[X]], %[[SHIFT]] : i256
// CHECK-NEXT:    %[[DOWN:.*]] = llvm.ashr %[[UP]], %[[SHIFT]] : i256
// CHECK-NEXT:    %[[R:.*]] = llvm.select %[[KEEP]], %[[X]], %[[DOWN]] : i1, i256
// CHECK:         llvm.store %[[R]]
metis.contract @signextend attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%b0: i256, %x: i256):
  %0 = metis.signextend %b0, %x
  metis.stack.push %0
  metis.stop
}

// -----

// Ops whose operands are all constants fold while converting: no arithmetic is left.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NOT:     llvm.add {{.*}} : i256
// CHECK:         llvm.mlir.constant(7 : i256) : i256
// CHECK-NOT:     llvm.add {{.*}} : i256
// CHECK:         llvm.return
metis.contract @folded attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.constant 3
  %b = metis.constant 4
  %0 = metis.add %a, %b
  metis.stack.push %0
  metis.stop
}
