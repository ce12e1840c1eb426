// RUN: metis-opt %s -metis-fuse-jumpi-zero -mlir-print-debuginfo | FileCheck %s

// CHECK-LABEL: metis.contract @fuse
// CHECK: %[[X:.*]] = metis.calldataload
// CHECK-NEXT: metis.jumpi.zero %[[X]], ^bb1, ^bb2 loc(#[[FUSED:.*]])
metis.contract @fuse attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %z = metis.iszero %x loc("fuse.hex":7:0)
  metis.jumpi %z, ^bb1, ^bb2 loc("fuse.hex":10:0)
^bb1:
  metis.stop
^bb2:
  metis.invalid
}

// CHECK-LABEL: metis.contract @keep_other_uses
// CHECK: %[[Z:.*]] = metis.iszero
// CHECK: metis.jumpi.zero
// CHECK: metis.stack.push %[[Z]]
metis.contract @keep_other_uses attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %c0 = metis.constant 0
  %x = metis.calldataload %c0
  %z = metis.iszero %x
  metis.jumpi %z, ^bb1, ^bb2
^bb1:
  metis.stack.push %z
  metis.stop
^bb2:
  metis.invalid
}

// The fused op keeps both instructions' locations.
// CHECK: #[[ISZERO:.*]] = loc("fuse.hex":7:0)
// CHECK: #[[JUMPI:.*]] = loc("fuse.hex":10:0)
// CHECK: #[[FUSED]] = loc(fused[#[[ISZERO]], #[[JUMPI]]])
