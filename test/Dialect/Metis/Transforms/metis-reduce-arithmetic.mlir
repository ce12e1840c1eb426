// RUN: metis-opt %s -metis-reduce-arithmetic | FileCheck %s

// By a constant power of two: DIV is SHR, MOD is AND, MUL (either side) is SHL.
// CHECK-LABEL: metis.contract @unsigned
// CHECK-NOT: metis.div
// CHECK-NOT: metis.mod
// CHECK-NOT: metis.mul
// CHECK-DAG: %[[X:.*]] = metis.calldataload
// CHECK-DAG: %[[C32:.*]] = metis.constant 32
// CHECK-DAG: %[[C255:.*]] = metis.constant 255
// CHECK-DAG: %[[MASK:.*]] = metis.constant 65535{{$}}
// CHECK-DAG: metis.shr %[[C32]], %[[X]]
// CHECK-DAG: metis.and %[[X]], %[[MASK]]
// CHECK-DAG: metis.shl %[[C255]], %[[X]]
// CHECK-DAG: metis.shl %[[C32]], %[[X]]
metis.contract @unsigned attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %p32 = metis.constant 0x100000000
  %p16 = metis.constant 0x10000
  %p255 = metis.constant 0x8000000000000000000000000000000000000000000000000000000000000000
  %x = metis.calldataload %c0
  %q = metis.div %x, %p32
  %r = metis.mod %x, %p16
  %m = metis.mul %x, %p255
  %n = metis.mul %p32, %x
  metis.stack.push %q
  metis.stack.push %r
  metis.stack.push %m
  metis.stack.push %n
  metis.stop
}

// ADDMOD and MULMOD by 2^k are the wrapped sum and product, masked.
// CHECK-LABEL: metis.contract @modular
// CHECK-NOT: metis.addmod
// CHECK-NOT: metis.mulmod
// CHECK-DAG: %[[MASK:.*]] = metis.constant 255{{$}}
// CHECK-DAG: %[[SUM:.*]] = metis.add %[[A:.*]], %[[B:.*]]
// CHECK-DAG: metis.and %[[SUM]], %[[MASK]]
// CHECK-DAG: %[[PRODUCT:.*]] = metis.mul %[[A]], %[[B]]
// CHECK-DAG: metis.and %[[PRODUCT]], %[[MASK]]
metis.contract @modular attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %c32 = metis.constant 32
  %p8 = metis.constant 256
  %a = metis.calldataload %c0
  %b = metis.calldataload %c32
  %s = metis.addmod %a, %b, %p8
  %p = metis.mulmod %a, %b, %p8
  metis.stack.push %s
  metis.stack.push %p
  metis.stop
}

// SDIV by 2^k adds 2^k - 1 to a negative dividend, then shifts arithmetically; SMOD masks
// the magnitude and gives it the dividend's sign.
// CHECK-LABEL: metis.contract @signed
// CHECK-NOT: metis.sdiv
// CHECK-NOT: metis.smod
// CHECK-DAG: %[[X:.*]] = metis.calldataload
// CHECK-DAG: %[[C255:.*]] = metis.constant 255{{$}}
// CHECK-DAG: %[[C4:.*]] = metis.constant 4{{$}}
// CHECK-DAG: %[[MASK:.*]] = metis.constant 15{{$}}
// CHECK:     %[[SIGN:.*]] = metis.sar %[[C255]], %[[X]]
// CHECK:     %[[BIAS:.*]] = metis.and %[[SIGN]], %[[MASK]]
// CHECK:     %[[BIASED:.*]] = metis.add %[[X]], %[[BIAS]]
// CHECK:     %[[Q:.*]] = metis.sar %[[C4]], %[[BIASED]]
// CHECK:     %[[SIGN2:.*]] = metis.sar %[[C255]], %[[X]]
// CHECK:     %[[FLIP:.*]] = metis.xor %[[X]], %[[SIGN2]]
// CHECK:     %[[MAG:.*]] = metis.sub %[[FLIP]], %[[SIGN2]]
// CHECK:     %[[LOW:.*]] = metis.and %[[MAG]], %[[MASK]]
// CHECK:     %[[LOWFLIP:.*]] = metis.xor %[[LOW]], %[[SIGN2]]
// CHECK:     %[[R:.*]] = metis.sub %[[LOWFLIP]], %[[SIGN2]]
// CHECK:     metis.stack.push %[[Q]]
// CHECK:     metis.stack.push %[[R]]
metis.contract @signed attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %p4 = metis.constant 16
  %x = metis.calldataload %c0
  %q = metis.sdiv %x, %p4
  %r = metis.smod %x, %p4
  metis.stack.push %q
  metis.stack.push %r
  metis.stop
}

// Left alone: divisors that are not powers of two, not constant, and for the signed ops
// 2^255 (which reads as -2^255).
// CHECK-LABEL: metis.contract @unchanged
// CHECK: metis.div
// CHECK: metis.mod
// CHECK: metis.sdiv
// CHECK: metis.smod
// CHECK: metis.mulmod
metis.contract @unchanged attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %c32 = metis.constant 32
  %c20 = metis.constant 20
  %p255 = metis.constant 0x8000000000000000000000000000000000000000000000000000000000000000
  %x = metis.calldataload %c0
  %y = metis.calldataload %c32
  %q = metis.div %x, %c20
  %r = metis.mod %x, %y
  %s = metis.sdiv %x, %p255
  %t = metis.smod %x, %p255
  %u = metis.mulmod %x, %x, %c20
  metis.stack.push %q
  metis.stack.push %r
  metis.stack.push %s
  metis.stack.push %t
  metis.stack.push %u
  metis.stop
}
