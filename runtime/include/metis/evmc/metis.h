//===- metis.h - The metis EVMC VM entry point --------------------*- C -*-===//
//
// For hosts that link libmetis.so directly; hosts that load it by path find the
// same symbol through EVMC's naming rule (libmetis.so -> evmc_create_metis).
// See docs/evmc.md.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_EVMC_METIS_H
#define METIS_EVMC_METIS_H

#include "metis/evmc/evmc.h"

#ifdef __cplusplus
extern "C" {
#endif

// A new VM instance (ABI 12, revision EVMC_CANCUN only); free it with
// vm->destroy(vm).
__attribute__((visibility("default"))) struct evmc_vm *evmc_create_metis(void);

#ifdef __cplusplus
}
#endif

#endif // METIS_EVMC_METIS_H
