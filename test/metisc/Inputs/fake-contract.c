/* A shared library that looks like a compiled contract to the AOT loader but was not made by
 * metisc: its info record has the magic number and a wrong ABI version (999), or with
 * -DBAD_MAGIC a wrong magic number, or with -DNO_INFO no record at all. The layout comes from
 * abi.h itself; the record is named by an asm label because abi.h's typedef already takes
 * the name metis_contract_info in C. */
#include "metis/runtime/abi.h"

#ifndef NO_INFO
#ifdef BAD_MAGIC
#define MAGIC 0x0123456789abcdefull
#else
#define MAGIC METIS_ABI_MAGIC /* 0x4942415349544d45, "METISABI" */
#endif
_Static_assert(METIS_ABI_VERSION != 999, "the test needs a version the runtime does not speak");
const metis_contract_info info __asm__(METIS_CONTRACT_INFO) = {
    .magic = MAGIC,
    .abi_version = 999,
    .code_size = 0,
    .code_hash = {0},
    .compiler_version = "fake-contract.c",
    .target_triple = "",
};
#endif

int32_t metis_contract_main(metis_context *ctx) {
  (void)ctx;
  return METIS_SUCCESS;
}
