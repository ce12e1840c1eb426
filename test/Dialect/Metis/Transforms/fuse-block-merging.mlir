// RUN: metis-opt %s --metis-fuse-jumpi-zero | FileCheck %s
// RUN: metis-opt %s --metis-fuse-selector | FileCheck %s
// RUN: metis-opt %s --pass-pipeline='builtin.module(metis-to-llvm)' \
// RUN:   | mlir-translate --mlir-to-llvmir -o %t.ll
// RUN: llvm-link %t.ll %S/../../../Conversion/MetisToLLVM/Inputs/run-contract.ll -S -o %t.run.ll
// RUN: lli %t.run.ll | FileCheck %s --check-prefix=STATUS

// Regression: the fusion passes ran the greedy rewrite driver with its default config, whose
// region simplification in MLIR 19 is "aggressive" and merges identical blocks (the
// canonicalize pass defaults to "normal", which does not). MLIR 19's block merging ignores
// uses of a block's arguments outside the block (llvm/llvm-project#94520, fixed after 19):
// here ^bb3 looks like ^bb1, so the back edge was sent to ^bb1 with 2, and ^bb4, which reads
// ^bb1's argument, saw 2 instead of 1. Lifted code has such uses: the spill blocks before a
// dynamic jump target read their predecessor's words. The fix is to ask the greedy driver
// for "normal" region simplification (or none) in these passes, as canonicalize does: every
// metis pass and the pipeline's canonicalizer take their config from withoutBlockMerging
// (Transforms/RewriteConfig.h). See also fuse-block-merging-repeated-operand.mlir, the case
// that broke snailtracer.
//
// The loop goes round once; the stop is reached only if ^bb4 sees ^bb1's argument as 1.

// CHECK-LABEL: metis.contract @merge
// CHECK:         metis.jump ^[[FIRST:bb[0-9]+]](%{{[0-9]+}} : i256)
// CHECK-NOT:     ^[[FIRST]](%{{[0-9]+}} : i256)
// CHECK:         metis.stop
// STATUS: status 0
metis.contract @merge attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 64 : i64} {
  %one = metis.constant 1
  %two = metis.constant 2
  metis.jump ^bb1(%one : i256)
^bb1(%a: i256):
  metis.stack.push %a
  metis.jump ^bb2
^bb2:
  %v = metis.stack.pop : i256
  %again = metis.eq %v, %one
  metis.jumpi %again, ^bb3(%two : i256), ^bb4
^bb3(%b: i256):
  metis.stack.push %b
  metis.jump ^bb2
^bb4:
  %ok = metis.eq %a, %one
  metis.jumpi %ok, ^bb5, ^bb6
^bb5:
  metis.stop
^bb6:
  metis.invalid
}
