// RUN: metis-opt %s -metis-fuse-selector | FileCheck %s

// CHECK-LABEL: metis.contract @dispatcher
// CHECK: %[[SEL:.*]] = metis.selector
// CHECK-NOT: metis.shr
// CHECK: metis.eq %[[SEL]]
metis.contract @dispatcher attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %c224 = metis.constant 224
  %sig = metis.constant 0xa9059cbb
  %word = metis.calldataload %c0
  %sel = metis.shr %c224, %word
  %is = metis.eq %sel, %sig
  metis.jumpi %is, ^bb1, ^bb2
^bb1:
  metis.stop
^bb2:
  metis.invalid
}

// A load at another offset is not the selector.
// CHECK-LABEL: metis.contract @not_a_selector
// CHECK-NOT: metis.selector
metis.contract @not_a_selector attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c4 = metis.constant 4
  %c224 = metis.constant 224
  %word = metis.calldataload %c4
  %sel = metis.shr %c224, %word
  metis.stack.push %sel
  metis.stop
}
