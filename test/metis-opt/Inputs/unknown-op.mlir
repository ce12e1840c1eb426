metis.contract @c attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  metis.dup1
  metis.stop
}
