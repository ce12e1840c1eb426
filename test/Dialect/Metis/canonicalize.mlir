// RUN: metis-opt %s -canonicalize -split-input-file | FileCheck %s

// The idioms the lifter meets most, in their canonical form.

// CHECK-LABEL: metis.contract @add_chain
// CHECK: %[[C7:.*]] = metis.constant 7{{$}}
// CHECK: %[[X:.*]] = metis.calldataload
// CHECK: %[[S:.*]] = metis.add %[[X]], %[[C7]]
// CHECK: metis.stack.push %[[S]]
metis.contract @add_chain attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %c3 = metis.constant 3
  %c4 = metis.constant 4
  %x = metis.calldataload %c0
  %a = metis.add %x, %c3
  %b = metis.add %c4, %a
  metis.stack.push %b
  metis.stop
}

// -----

// CHECK-LABEL: metis.contract @triple_iszero
// CHECK: %[[X:.*]] = metis.calldataload
// CHECK-NEXT: %[[Z:.*]] = metis.iszero %[[X]]
// CHECK-NEXT: metis.stack.push %[[Z]]
metis.contract @triple_iszero attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %a = metis.iszero %x
  %b = metis.iszero %a
  %c = metis.iszero %b
  metis.stack.push %c
  metis.stop
}

// -----

// and/or/xor chains with constants combine; and with all ones and or with zero vanish.
// CHECK-LABEL: metis.contract @logic_chains
// CHECK-DAG: %[[MASK:.*]] = metis.constant 15{{$}}
// CHECK-DAG: %[[X:.*]] = metis.calldataload
// CHECK: %[[A:.*]] = metis.and %[[X]], %[[MASK]]
// CHECK: metis.stack.push %[[A]], %[[X]], %[[X]]
metis.contract @logic_chains attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %c255 = metis.constant 255
  %c15 = metis.constant 15
  %max = metis.constant -1
  %x = metis.calldataload %c0
  %a = metis.and %x, %c255
  %b = metis.and %a, %c15
  %c = metis.and %x, %max
  %d = metis.or %c0, %x
  metis.stack.push %b, %c, %d
  metis.stop
}

// -----

// Constant shifts of the same kind add up, saturating at 256.
// CHECK-LABEL: metis.contract @shift_chains
// CHECK-DAG: %[[C24:.*]] = metis.constant 24{{$}}
// CHECK-DAG: %[[ZERO:.*]] = metis.constant 0{{$}}
// CHECK-DAG: %[[X:.*]] = metis.calldataload
// CHECK: %[[S:.*]] = metis.shl %[[C24]], %[[X]]
// CHECK: %[[R:.*]] = metis.shr %[[C24]], %[[X]]
// CHECK: metis.stack.push %[[S]], %[[R]], %[[ZERO]]
metis.contract @shift_chains attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %c8 = metis.constant 8
  %c16 = metis.constant 16
  %c200 = metis.constant 200
  %x = metis.calldataload %c0
  %a = metis.shl %c8, %x
  %b = metis.shl %c16, %a
  %c = metis.shr %c16, %x
  %d = metis.shr %c8, %c
  %e = metis.shl %c200, %x
  %f = metis.shl %c200, %e
  metis.stack.push %b, %d, %f
  metis.stop
}

// -----

// A constant EXP becomes its exponent's byte cost and the power.
// CHECK-LABEL: metis.contract @exp_constant
// CHECK-DAG: %[[P:.*]] = metis.constant 1024
// CHECK-DAG: metis.gas.charge 50
// CHECK: metis.stack.push %[[P]]
metis.contract @exp_constant attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c2 = metis.constant 2
  %c10 = metis.constant 10
  %p = metis.exp %c2, %c10
  metis.stack.push %p
  metis.stop
}

// -----

// iszero(iszero(x)) as a branch condition branches on x itself.
// CHECK-LABEL: metis.contract @jumpi_double_negation
// CHECK: %[[X:.*]] = metis.calldataload
// CHECK-NEXT: metis.jumpi %[[X]], ^bb1, ^bb2
metis.contract @jumpi_double_negation attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %a = metis.iszero %x
  %b = metis.iszero %a
  metis.jumpi %b, ^bb1, ^bb2
^bb1:
  metis.stop
^bb2:
  metis.invalid
}

// -----

// jumpi(iszero(x)) and jumpi(eq(x, 0)) branch on x with the successors swapped.
// CHECK-LABEL: metis.contract @jumpi_negation
// CHECK: %[[X:.*]] = metis.calldataload
// CHECK-NEXT: metis.jumpi %[[X]], ^bb2, ^bb1
// CHECK: ^bb1:
// CHECK-NEXT: metis.jumpi %[[X]], ^bb3, ^bb2
metis.contract @jumpi_negation attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %a = metis.iszero %x
  metis.jumpi %a, ^bb1, ^bb2
^bb1:
  %e = metis.eq %c0, %x
  metis.jumpi %e, ^bb2, ^bb3
^bb2:
  metis.stop
^bb3:
  metis.invalid
}

// -----

// A constant condition picks its successor.
// CHECK-LABEL: metis.contract @jumpi_constant
// CHECK-NOT: metis.jumpi
// CHECK: metis.invalid
// CHECK-NOT: metis.stop
metis.contract @jumpi_constant attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c1 = metis.constant 1
  metis.jumpi %c1, ^bb1, ^bb2
^bb1:
  metis.invalid
^bb2:
  metis.stop
}
