metis.contract @c attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 8 : i64} {
  %t = metis.constant 3
  metis.dispatch %t [9: ^bb1], default ^bb1
^bb1:
  metis.stop
}
