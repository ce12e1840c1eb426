// RUN: metis-opt %s -metis-merge-gas-charges -split-input-file | FileCheck %s

// Charges later in a block move into the first one; every gas-observing op they move across
// gets the moved amount added to its `prepaid`, so it still sees the exact gas left.

// CHECK-LABEL: metis.contract @merge
// CHECK: metis.gas.charge 27
// CHECK-NOT: metis.gas.charge
// CHECK: metis.gas {prepaid = 15 : i64}
// CHECK: metis.sstore %{{.*}}, %{{.*}} {prepaid = 13 : i64}
// CHECK: metis.gas{{$}}
// CHECK: metis.stop
metis.contract @merge attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.gas.charge 12
  %g = metis.gas
  metis.gas.charge 5
  metis.sstore %g, %g {prepaid = 3}
  metis.gas.charge 10
  %h = metis.gas
  metis.stack.push %g, %h
  metis.stop
}

// -----

// Each block is merged on its own.
// CHECK-LABEL: metis.contract @per_block
// CHECK: metis.gas.charge 3
// CHECK: ^bb1:
// CHECK-NEXT: metis.gas.charge 9
// CHECK-NEXT: metis.stop
metis.contract @per_block attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.gas.charge 1
  metis.gas.charge 2
  metis.jump ^bb1
^bb1:
  metis.gas.charge 4
  metis.gas.charge 5
  metis.stop
}
