// RUN: metis-opt %s -metis-elide-memory-checks -split-input-file | FileCheck %s

// An access inside what a dominating access made valid is marked in bounds: below a constant
// end, or at the same SSA offset with no larger size. The first access of each extent is not.

// CHECK-LABEL: metis.contract @straight
// CHECK:      metis.mstore %{{[0-9]+}}, %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mload %{{[0-9]+}} {metis.in_bounds}
// CHECK-NEXT: metis.mload %{{[0-9]+}} {metis.in_bounds}
// CHECK-NEXT: metis.mstore8 %{{[0-9]+}}, %{{[0-9]+}} {metis.in_bounds}
// CHECK-NEXT: metis.mload %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mstore8 %{{[0-9]+}}, %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mload %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mstore %{{[0-9]+}}, %{{[0-9]+}} {metis.in_bounds}
// CHECK-NEXT: metis.mstore8 %{{[0-9]+}}, %{{[0-9]+}} {metis.in_bounds}
// CHECK-NEXT: metis.mload %[[BIG:.*]]{{$}}
// CHECK-NEXT: metis.mload %[[BIG]] {metis.in_bounds}
metis.contract @straight attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %c64 = metis.constant 64
  %c65 = metis.constant 65
  %c95 = metis.constant 95
  %c2p32 = metis.constant 0x100000000
  %x = metis.calldatasize
  %p = metis.calldataload %c0
  metis.mstore %c64, %x
  %a = metis.mload %c64
  %b = metis.mload %c0
  metis.mstore8 %c95, %x
  %c = metis.mload %c65
  metis.mstore8 %p, %x
  %d = metis.mload %p
  metis.mstore %p, %x
  metis.mstore8 %p, %x
  // An offset of 2^32 or more halts the frame (out of gas), so it extends no constant end; the
  // same offset again is unreachable, and marking it is harmless.
  %e = metis.mload %c2p32
  %f = metis.mload %c2p32
  metis.stack.push %a, %b, %c, %d, %e, %f
  metis.stop
}

// -----

// Only dominating accesses count: a sibling branch's access does not, the join's dominator's
// does. Leaving a branch forgets what it made valid.
// CHECK-LABEL: metis.contract @branches
// CHECK:      ^bb1:
// CHECK-NEXT: metis.mload %{{[0-9]+}}{{$}}
// CHECK:      ^bb2:
// CHECK-NEXT: metis.mload %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mload %{{[0-9]+}} {metis.in_bounds}
// CHECK:      ^bb3:
// CHECK-NEXT: metis.mload %{{[0-9]+}}{{$}}
// CHECK-NEXT: metis.mload %{{[0-9]+}} {metis.in_bounds}
metis.contract @branches attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c0 = metis.constant 0
  %c32 = metis.constant 32
  %c64 = metis.constant 64
  %c128 = metis.constant 128
  %x = metis.calldatasize
  metis.mstore %c64, %x
  metis.jumpi %x, ^bb1, ^bb2
^bb1:
  %a = metis.mload %c128
  metis.jump ^bb3
^bb2:
  %b = metis.mload %c128
  %c = metis.mload %c32
  metis.jump ^bb3
^bb3:
  %d = metis.mload %c128
  %e = metis.mload %c64
  metis.stop
}
