metis.contract @c attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 1 : i64} {
  %c = "metis.constant"() {value = 1 : i256} : () -> i64
  metis.stop
}
