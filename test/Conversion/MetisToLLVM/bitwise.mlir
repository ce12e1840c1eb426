// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s

// Comparison and bitwise ops (0x10..0x1d), all inline. Compares give the word 0 or 1 (icmp and
// zext); the shifts take the amount first and select the EVM's answer for amounts of 256 or
// more, where LLVM's shifts are poison; BYTE selects 0 for indices of 32 or more. Operands
// are block arguments so that nothing folds.

// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256):
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "ult" %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[LT:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "ugt" %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[GT:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "slt" %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[SLT:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "sgt" %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[SGT:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "eq" %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[EQ:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "eq" %[[X]], %[[ZERO]] : i256
// CHECK-NEXT:    %[[ISZERO:.*]] = llvm.zext %[[C]] : i1 to i256
// CHECK-NOT:     llvm.call
// CHECK:         llvm.store %[[LT]]
// CHECK:         llvm.store %[[GT]]
// CHECK:         llvm.store %[[SLT]]
// CHECK:         llvm.store %[[SGT]]
// CHECK:         llvm.store %[[EQ]]
// CHECK:         llvm.store %[[ISZERO]]
metis.contract @compare attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%x: i256, %y: i256):
  %0 = metis.lt %x, %y
  %1 = metis.gt %x, %y
  %2 = metis.slt %x, %y
  %3 = metis.sgt %x, %y
  %4 = metis.eq %x, %y
  %5 = metis.iszero %x
  metis.stack.push %0, %1, %2, %3, %4, %5
  metis.stop
}

// -----

// NOT is xor with all ones.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[X:[0-9]+]]: i256, %[[Y:[0-9]+]]: i256):
// CHECK-NEXT:    %[[AND:.*]] = llvm.and %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[OR:.*]] = llvm.or %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[XOR:.*]] = llvm.xor %[[X]], %[[Y]] : i256
// CHECK-NEXT:    %[[ONES:.*]] = llvm.mlir.constant(-1 : i256) : i256
// CHECK-NEXT:    %[[NOT:.*]] = llvm.xor %[[X]], %[[ONES]] : i256
// CHECK-NOT:     llvm.call
// CHECK:         llvm.store %[[AND]]
// CHECK:         llvm.store %[[OR]]
// CHECK:         llvm.store %[[XOR]]
// CHECK:         llvm.store %[[NOT]]
metis.contract @logic attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%x: i256, %y: i256):
  %0 = metis.and %x, %y
  %1 = metis.or %x, %y
  %2 = metis.xor %x, %y
  %3 = metis.not %x
  metis.stack.push %0, %1, %2, %3
  metis.stop
}

// -----

// BYTE i, x: (x >> (8 * (31 - i))) & 0xff, or 0 when i >= 32.
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[I:[0-9]+]]: i256, %[[X:[0-9]+]]: i256):
// CHECK-NEXT:    %[[C32:.*]] = llvm.mlir.constant(32 : i256) : i256
// CHECK-NEXT:    %[[OUT:.*]] = llvm.icmp "uge" %[[I]], %[[C32]] : i256
// CHECK-NEXT:    %[[C8:.*]] = llvm.mlir.constant(8 : i256) : i256
// CHECK-NEXT:    %[[C31:.*]] = llvm.mlir.constant(31 : i256) : i256
// CHECK-NEXT:    %[[FROM_LOW:.*]] = llvm.sub %[[C31]], %[[I]] : i256
// CHECK-NEXT:    %[[SHIFT:.*]] = llvm.mul %[[FROM_LOW]], %[[C8]] : i256
// CHECK-NEXT:    %[[MASK:.*]] = llvm.mlir.constant(255 : i256) : i256
// CHECK-NEXT:    %[[SHIFTED:.*]] = llvm.lshr %[[X]], %[[SHIFT]] : i256
// CHECK-NEXT:    %[[BYTE:.*]] = llvm.and %[[SHIFTED]], %[[MASK]] : i256
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[R:.*]] = llvm.select %[[OUT]], %[[ZERO]], %[[BYTE]] : i1, i256
// CHECK:         llvm.store %[[R]]
metis.contract @byte attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%i: i256, %x: i256):
  %0 = metis.byte %i, %x
  metis.stack.push %0
  metis.stop
}

// -----

// SHL, SHR and SAR shift, value: the LLVM shift is value by shift; an amount of 256 or more
// selects 0 (SHL, SHR) or the sign fill, value >>s 255 (SAR).
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK:       ^bb2(%[[S:[0-9]+]]: i256, %[[V:[0-9]+]]: i256):
// CHECK-NEXT:    %[[C256:.*]] = llvm.mlir.constant(256 : i256) : i256
// CHECK-NEXT:    %[[BIG:.*]] = llvm.icmp "uge" %[[S]], %[[C256]] : i256
// CHECK-NEXT:    %[[SHIFTED:.*]] = llvm.shl %[[V]], %[[S]] : i256
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[SHL:.*]] = llvm.select %[[BIG]], %[[ZERO]], %[[SHIFTED]] : i1, i256
// CHECK-NEXT:    %[[C256:.*]] = llvm.mlir.constant(256 : i256) : i256
// CHECK-NEXT:    %[[BIG:.*]] = llvm.icmp "uge" %[[S]], %[[C256]] : i256
// CHECK-NEXT:    %[[SHIFTED:.*]] = llvm.lshr %[[V]], %[[S]] : i256
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.constant(0 : i256) : i256
// CHECK-NEXT:    %[[SHR:.*]] = llvm.select %[[BIG]], %[[ZERO]], %[[SHIFTED]] : i1, i256
// CHECK-NEXT:    %[[C256:.*]] = llvm.mlir.constant(256 : i256) : i256
// CHECK-NEXT:    %[[BIG:.*]] = llvm.icmp "uge" %[[S]], %[[C256]] : i256
// CHECK-NEXT:    %[[SHIFTED:.*]] = llvm.ashr %[[V]], %[[S]] : i256
// CHECK-NEXT:    %[[C255:.*]] = llvm.mlir.constant(255 : i256) : i256
// CHECK-NEXT:    %[[SIGN:.*]] = llvm.ashr %[[V]], %[[C255]] : i256
// CHECK-NEXT:    %[[SAR:.*]] = llvm.select %[[BIG]], %[[SIGN]], %[[SHIFTED]] : i1, i256
// CHECK-NOT:     llvm.call
// CHECK:         llvm.store %[[SHL]]
// CHECK:         llvm.store %[[SHR]]
// CHECK:         llvm.store %[[SAR]]
metis.contract @shifts attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  metis.jump ^bb1(%a, %b : i256, i256)
^bb1(%shift: i256, %value: i256):
  %0 = metis.shl %shift, %value
  %1 = metis.shr %shift, %value
  %2 = metis.sar %shift, %value
  metis.stack.push %0, %1, %2
  metis.stop
}
