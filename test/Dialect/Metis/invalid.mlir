// RUN: metis-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{code_hash must be 0x followed by 64 hex digits}}
metis.contract @bad_hash attributes {code_hash = "0x12", code_size = 1 : i64} {
  metis.stop
}

// -----

// expected-error @+1 {{'metis.contract' op attribute 'code_size' failed to satisfy constraint}}
metis.contract @negative_size attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = -1 : i64} {
  metis.stop
}

// -----

// expected-error @+1 {{entry block (offset 0) must have no arguments}}
metis.contract @entry_args attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
^bb0(%x: i256):
  metis.stop
}

// -----

metis.contract @foreign_terminator attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{is not a metis terminator}}
  cf.br ^bb1
^bb1:
  metis.stop
}

// -----

metis.contract @missing_terminator attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c = metis.constant 1
  // expected-error @-1 {{block with no terminator}}
}

// -----

metis.contract @too_many_topics attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c = metis.constant 1
  // expected-error @+1 {{has 5 topics; LOG0..LOG4 take 0 to 4}}
  metis.log %c, %c topics(%c, %c, %c, %c, %c)
  metis.stop
}

// -----

metis.contract @negative_charge attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{attribute 'amount' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  metis.gas.charge -5
  metis.stop
}

// -----

metis.contract @negative_prepaid attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{attribute 'prepaid' failed to satisfy constraint}}
  %g = metis.gas {prepaid = -1}
  metis.stop
}

// -----

metis.contract @jump_target_out_of_code attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %t = metis.constant 3
  // expected-error @+1 {{jump target 16 is not an offset in the code (size 16)}}
  metis.dispatch %t [3: ^bb1, 16: ^bb1], default ^bb2
^bb1:
  metis.stop
^bb2:
  metis.trap bad_jump_destination
}

// -----

metis.contract @jump_target_twice attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %t = metis.constant 3
  // expected-error @+1 {{jump target 3 is listed twice}}
  metis.dispatch %t [3: ^bb1, 3: ^bb1], default ^bb2
^bb1:
  metis.stop
^bb2:
  metis.trap bad_jump_destination
}

// -----

metis.contract @negative_jump_target attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %t = metis.constant 3
  // expected-error @+1 {{jump target -1 is not an offset in the code}}
  metis.dispatch %t [-1: ^bb1], default ^bb2
^bb1:
  metis.stop
^bb2:
  metis.trap bad_jump_destination
}

// -----

metis.contract @dispatch_with_block_args attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 16 : i64} {
  %t = metis.constant 3
  // expected-error @+1 {{successors take no arguments: values cross a dynamic jump through the in-memory stack}}
  metis.dispatch %t [3: ^bb1], default ^bb2
^bb1(%x: i256):
  metis.stop
^bb2:
  metis.trap bad_jump_destination
}

// -----

metis.contract @wrong_operand_type attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-note @+1 {{prior use here}}
  %c = arith.constant 1 : i64
  // expected-error @+1 {{use of value '%c' expects different type than prior uses: 'i256' vs 'i64'}}
  %s = metis.add %c, %c
  metis.stop
}

// -----

metis.contract @wrong_operand_count attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c = metis.constant 1
  // expected-error @+1 {{expected 2 operands, but found 3}}
  %s = "metis.add"(%c, %c, %c) : (i256, i256, i256) -> i256
  metis.stop
}

// -----

metis.contract @constant_too_wide attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{constant does not fit in 256 bits}}
  %c = metis.constant 0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  metis.stop
}

// -----

metis.contract @constant_wrong_type attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{value must be an i256 integer}}
  %c = "metis.constant"() {value = 1 : i64} : () -> i256
  metis.stop
}

// -----

metis.contract @jumpi_arg_mismatch attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c = metis.constant 1
  // expected-error @+1 {{branch has 1 operands for successor #0, but target block has 0}}
  metis.jumpi %c, ^bb1(%c : i256), ^bb1
^bb1:
  metis.stop
}

// -----

metis.contract @unknown_op attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{custom op 'metis.push1' is unknown}}
  metis.push1 3
  metis.stop
}

// -----

metis.contract @bad_trap_reason attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'reason' [out_of_gas, undefined_instruction, stack_overflow, stack_underflow, bad_jump_destination]}}
  metis.trap segfault
}

// -----

metis.contract @stack_window_limit attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{has a window of 1025 words, more than the stack limit of 1024}}
  metis.stack.check required 0 growth 0 window 1025
  metis.stop
}

// -----

metis.contract @resume_window attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  // expected-error @+1 {{resumes with 1 stack words, but its window is 2}}
  metis.stack.check required 3 growth 0 window 2 resume at 4 with %a
  metis.stop
}

// -----

metis.contract @stack_without_resume attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  // expected-error @+1 {{names stack words but no offset to resume at}}
  metis.stack.check required 3 growth 0 window 1 with %a
  metis.stop
}

// -----

metis.contract @charge_without_resume attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %a = metis.stack.pop : i256
  // expected-error @+1 {{names stack words but no offset to resume at}}
  metis.gas.charge 3 with %a
  metis.stop
}

// -----

metis.contract @empty_push attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{pushes nothing; spills carry at least one word}}
  "metis.stack.push"() : () -> ()
  metis.stop
}

// -----

metis.contract @empty_pop attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  // expected-error @+1 {{pops nothing; reloads produce at least one word}}
  "metis.stack.pop"() : () -> ()
  metis.stop
}
