// RUN: metis-opt %s -metis-merge-gas-charges -split-input-file | FileCheck %s

// Charges later in a block move into the first one; every gas-observing op they move across
// gets the moved amount added to its `prepaid`, so it still sees the exact gas left.

// An op that may fail after its gas is paid (SSTORE in a static frame) ends the run of
// merged charges: nothing after it is charged ahead of it.
// CHECK-LABEL: metis.contract @merge
// CHECK: metis.gas.charge 17
// CHECK: metis.gas {prepaid = 5 : i64}
// CHECK-NOT: metis.gas.charge
// CHECK: metis.sstore %{{.*}}, %{{.*}} {prepaid = 3 : i64}
// CHECK-NEXT: metis.gas.charge 10
// CHECK-NEXT: metis.gas{{$}}
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

// -----

// A chain of two blocks merged into one: the charge keeps the first block's `resume at`, so
// the interpreter reruns the whole chain if it fails; the second block's stack check gives
// back the 5 + 7 now charged ahead of it before it resumes at its own offset.
// CHECK-LABEL: metis.contract @resumable_chain
// CHECK: metis.gas.charge 15 resume at 0 with %[[A:.*]]{{$}}
// CHECK-NEXT: metis.stack.check required 3 growth 0 window 1 resume at 7 with %[[A]] {prepaid = 12 : i64}
// CHECK-NOT: metis.gas.charge
// CHECK: metis.stop
metis.contract @resumable_chain attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  metis.gas.charge 3 resume at 0 with %a
  metis.stack.check required 3 growth 0 window 1 resume at 7 with %a
  metis.gas.charge 5 resume at 7 with %a
  metis.gas.charge 7
  metis.stop
}

// -----

// A charge that halts out of gas where it stands (no `resume at`) takes no later block's gas
// ahead of that block's stack check, which instruction-by-instruction execution might fail
// first. The second charge pays only for what follows the check: failing, it is out of gas
// for the interpreter too, so it loses its `resume at` (and the cold block it would need).
// CHECK-LABEL: metis.contract @halting_first
// CHECK: metis.gas.charge 3{{$}}
// CHECK-NEXT: metis.stack.check required 3 growth 0 window 1 resume at 7 with %{{.*}}{{$}}
// CHECK-NEXT: metis.gas.charge 5{{$}}
metis.contract @halting_first attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  metis.gas.charge 3
  metis.stack.check required 3 growth 0 window 1 resume at 7 with %a
  metis.gas.charge 5 resume at 7 with %a
  metis.stop
}
