/*===- engines.h - The compiled tiers, loaded by libmetis.so on demand ---*- C -*-===*
 *
 * libmetis.so (the EVMC VM) is the interpreter alone: small, no LLVM. When a host sets
 * the option engine=jit or engine=aot it loads libmetis-engines.so from its own folder
 * (RTLD_GLOBAL: AOT contract libraries resolve the metis_rt_* builtins there) and asks it
 * for an executor. The compiler cannot live inside libmetis.so: that library hides every
 * symbol but its entry point, and MLIR needs its type identifiers shared with libMLIR.so.
 *
 *===----------------------------------------------------------------------===*/
#ifndef METIS_EVMC_ENGINES_H
#define METIS_EVMC_ENGINES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Both sides must agree on this before they exchange a metis::Executor. It changes with
 * the C++ interfaces they share (Host, Message, Result, Executor) and with abi.h. */
#define METIS_ENGINES_INTERFACE_VERSION 1

typedef struct metis_engine metis_engine;

int metis_engines_interface_version(void);

/* Creates the engine called `name` ("jit" or "aot"); null on failure, with a message in
 * `error` (always terminated when error_size > 0). */
metis_engine *metis_engine_create(const char *name, char *error, size_t error_size);

/* The engine's metis::Executor, valid until metis_engine_destroy. */
void *metis_engine_executor(metis_engine *engine);

void metis_engine_destroy(metis_engine *engine);

#ifdef __cplusplus
}
#endif

#endif /* METIS_EVMC_ENGINES_H */
