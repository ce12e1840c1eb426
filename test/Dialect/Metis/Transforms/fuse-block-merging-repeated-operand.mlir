// RUN: metis-opt %s --metis-fuse-jumpi-zero | FileCheck %s
// RUN: metis-opt %s --metis-fuse-selector | FileCheck %s
// RUN: metis-opt %s --pass-pipeline='builtin.module(metis-to-llvm)' \
// RUN:   | mlir-translate --mlir-to-llvmir -o %t.ll
// RUN: llvm-link %t.ll %S/../../../Conversion/MetisToLLVM/Inputs/run-contract.ll -S -o %t.run.ll
// RUN: lli %t.run.ll | FileCheck %s --check-prefix=STATUS

// Regression: the fusion passes' greedy driver merged identical blocks (MLIR 19's default,
// "aggressive" region simplification; see fuse-block-merging.mlir). ^bb1 and ^bb2 differ only in a
// constant that each pushes twice. MLIR 19 merges them into one block with the constant as a new
// argument, then prunes the repeated new argument with indices that ignore the block's existing
// arguments (the upstream rework, llvm/llvm-project#102038, postdates 19), so the merged block
// pushes the wrong words. This is what broke snailtracer (../shared/bench/revmc: Panic(0x11) under
// --engine=jit and aot, success in the interpreter): two return paths of an internal function, each
// `stack.push %1, %0, RET, K, 64, 3510, K, ...` with its own return address RET and K (4 and
// 0xf4240), reached from dispatch landing pads.
//
// The stop is reached only if ^bb3 pops b, a and the same constant twice.

// CHECK-LABEL: metis.contract @repeated_operand
// CHECK:       ^bb1(%[[A:[0-9]+]]: i256, %[[B:[0-9]+]]: i256{{.*}}):
// CHECK-NEXT:    metis.stack.push %[[B]], %[[A]], %[[C:[0-9]+]], %[[C]]{{$}}
// STATUS: status 0
metis.contract @repeated_operand attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 64 : i64} {
  %one = metis.constant 1
  %two = metis.constant 2
  %g = metis.gas
  metis.jumpi %g, ^bb1(%one, %two : i256, i256), ^bb2(%one, %two : i256, i256)
^bb1(%a: i256, %b: i256):
  %ten = metis.constant 10
  metis.stack.push %b, %a, %ten, %ten
  metis.jump ^bb3
^bb2(%x: i256, %y: i256):
  %twenty = metis.constant 20
  metis.stack.push %y, %x, %twenty, %twenty
  metis.jump ^bb3
^bb3:
  %w:4 = metis.stack.pop : i256, i256, i256, i256
  %e0 = metis.eq %w#0, %two
  %e1 = metis.eq %w#1, %one
  %e2 = metis.eq %w#2, %w#3
  %t = metis.and %e0, %e1
  %ok = metis.and %t, %e2
  metis.jumpi %ok, ^bb4, ^bb5
^bb4:
  metis.stop
^bb5:
  metis.invalid
}
