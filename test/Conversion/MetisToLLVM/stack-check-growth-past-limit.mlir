// RUN: metis-opt %s --convert-metis-to-llvm | mlir-translate --mlir-to-llvmir -o %t.ll
// RUN: llvm-link %t.ll %S/Inputs/run-contract.ll -S -o %t.run.ll
// RUN: lli %t.run.ll | FileCheck %s

// Regression: a block that grows the stack by more than 1024 words overflows whatever the
// height (the verifier allows such blocks: the check "fails at run time"). The lowering
// compared height >u 1024 - growth, and 1024 - 1025 is -1, the largest unsigned i64, so the
// check could never fire: (1025x PUSH0) STOP succeeded in the JIT and AOT tiers while the
// interpreter reports a stack overflow (test/metisc/stack-overflow-engines.test). Run on an
// empty stack, the lowered code must return METIS_STACK_OVERFLOW.

// CHECK: status 6
metis.contract @past_limit attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1026 : i64} {
  metis.stack.check required 0 growth 1025 window 0
  metis.stop
}
