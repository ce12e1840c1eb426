// RUN: metis-opt %s -canonicalize | FileCheck %s

// Constant folding with EVM semantics: everything is modulo 2^256, division by zero is zero,
// shifts of 256 or more shift everything out. metis.stack.push keeps the results alive.

// CHECK-LABEL: metis.contract @arithmetic
metis.contract @arithmetic attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // CHECK-DAG: %[[ZERO:.*]] = metis.constant 0{{$}}
  // CHECK-DAG: %[[ONE:.*]] = metis.constant 1{{$}}
  // CHECK-DAG: %[[TWO:.*]] = metis.constant 2{{$}}
  // CHECK-DAG: %[[THREE:.*]] = metis.constant 3{{$}}
  // CHECK-DAG: %[[NINE:.*]] = metis.constant 9{{$}}
  // CHECK-DAG: %[[MAX:.*]] = metis.constant 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  // CHECK-DAG: %[[MINUS3:.*]] = metis.constant 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd
  // CHECK-DAG: %[[INTMIN:.*]] = metis.constant 0x8000000000000000000000000000000000000000000000000000000000000000
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %c1 = metis.constant 1
  %c2 = metis.constant 2
  %c3 = metis.constant 3
  %c7 = metis.constant 7
  %c12 = metis.constant 12
  %max = metis.constant -1
  %m7 = metis.constant -7
  %intmin = metis.constant 0x8000000000000000000000000000000000000000000000000000000000000000
  %add = metis.add %c1, %c2
  %wrap = metis.add %max, %c1
  %addx0 = metis.add %x, %c0
  %mul = metis.mul %max, %max
  %mulx1 = metis.mul %x, %c1
  %mulx0 = metis.mul %x, %c0
  %sub = metis.sub %c0, %c1
  %subxx = metis.sub %x, %x
  %div = metis.div %c7, %c2
  %div0 = metis.div %x, %c0
  %divx1 = metis.div %x, %c1
  %sdiv = metis.sdiv %m7, %c2
  %sdivov = metis.sdiv %intmin, %max
  %mod0 = metis.mod %c7, %c0
  %modx1 = metis.mod %x, %c1
  %smod = metis.smod %m7, %c3
  %addmod = metis.addmod %max, %c2, %c3
  %addmod0 = metis.addmod %x, %x, %c0
  %mulmod = metis.mulmod %max, %max, %c12
  // CHECK: metis.stack.push %[[THREE]], %[[ZERO]], %[[X:.*]], %[[ONE]], %[[X]], %[[ZERO]], %[[MAX]], %[[ZERO]], %[[THREE]], %[[ZERO]], %[[X]], %[[MINUS3]], %[[INTMIN]], %[[ZERO]], %[[ZERO]], %[[MAX]], %[[TWO]], %[[ZERO]], %[[NINE]]
  metis.stack.push %add, %wrap, %addx0, %mul, %mulx1, %mulx0, %sub, %subxx, %div, %div0, %divx1, %sdiv, %sdivov, %mod0, %modx1, %smod, %addmod, %addmod0, %mulmod
  metis.stop
}

// CHECK-LABEL: metis.contract @signextend_and_compare
metis.contract @signextend_and_compare attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // CHECK-DAG: %[[ZERO:.*]] = metis.constant 0{{$}}
  // CHECK-DAG: %[[ONE:.*]] = metis.constant 1{{$}}
  // CHECK-DAG: %[[X7F:.*]] = metis.constant 127{{$}}
  // CHECK-DAG: %[[X80:.*]] = metis.constant 128{{$}}
  // CHECK-DAG: %[[MAX:.*]] = metis.constant 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %c1 = metis.constant 1
  %c2 = metis.constant 2
  %c31 = metis.constant 31
  %c32 = metis.constant 32
  %xff = metis.constant 255
  %x7f = metis.constant 127
  %x80 = metis.constant 128
  %max = metis.constant -1
  %se0 = metis.signextend %c0, %xff
  %se1 = metis.signextend %c0, %x7f
  %se31 = metis.signextend %c31, %x80
  %se32 = metis.signextend %c32, %x80
  %lt = metis.lt %c1, %c2
  %gt = metis.gt %max, %c0
  %slt = metis.slt %max, %c0
  %sgt = metis.sgt %max, %c0
  %eqxx = metis.eq %x, %x
  %ltxx = metis.lt %x, %x
  %iszero = metis.iszero %c0
  // CHECK: metis.stack.push %[[MAX]], %[[X7F]], %[[X80]], %[[X80]], %[[ONE]], %[[ONE]], %[[ONE]], %[[ZERO]], %[[ONE]], %[[ZERO]], %[[ONE]]
  metis.stack.push %se0, %se1, %se31, %se32, %lt, %gt, %slt, %sgt, %eqxx, %ltxx, %iszero
  metis.stop
}

// CHECK-LABEL: metis.contract @bitwise
metis.contract @bitwise attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // CHECK-DAG: %[[ZERO:.*]] = metis.constant 0{{$}}
  // CHECK-DAG: %[[ONE:.*]] = metis.constant 1{{$}}
  // CHECK-DAG: %[[TWO:.*]] = metis.constant 2{{$}}
  // CHECK-DAG: %[[X12:.*]] = metis.constant 18{{$}}
  // CHECK-DAG: %[[X34:.*]] = metis.constant 52{{$}}
  // CHECK-DAG: %[[MAX:.*]] = metis.constant 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  // CHECK-DAG: %[[X:.*]] = metis.calldataload
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %c1 = metis.constant 1
  %c4 = metis.constant 4
  %c16 = metis.constant 16
  %c30 = metis.constant 30
  %c31 = metis.constant 31
  %c32 = metis.constant 32
  %c256 = metis.constant 256
  %c300 = metis.constant 300
  %x1234 = metis.constant 0x1234
  %max = metis.constant -1
  %m2 = metis.constant -2
  %and = metis.and %x, %max
  %or = metis.or %x, %c0
  %xor = metis.xor %x, %x
  %not = metis.not %c0
  %notx = metis.not %x
  %notnot = metis.not %notx
  %b31 = metis.byte %c31, %x1234
  %b30 = metis.byte %c30, %x1234
  %b32 = metis.byte %c32, %x1234
  %shl = metis.shl %c1, %c1
  %shl256 = metis.shl %c256, %x
  %shl0 = metis.shl %c0, %x
  %shr = metis.shr %c4, %c16
  %sar = metis.sar %c1, %m2
  %sarneg = metis.sar %c300, %max
  %sarpos = metis.sar %c300, %c1
  %pc = metis.pc 2
  // CHECK: metis.stack.push %[[X]], %[[X]], %[[ZERO]], %[[MAX]], %[[X]], %[[X34]], %[[X12]], %[[ZERO]], %[[TWO]], %[[ZERO]], %[[X]], %[[ONE]], %[[MAX]], %[[MAX]], %[[ZERO]], %[[TWO]]
  metis.stack.push %and, %or, %xor, %not, %notnot, %b31, %b30, %b32, %shl, %shl256, %shl0, %shr, %sar, %sarneg, %sarpos, %pc
  metis.stop
}
