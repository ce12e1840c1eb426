/*===- abi.h - The C ABI between compiled contracts and the runtime -------===*
 *
 * Compiled code (JIT or AOT) and the runtime meet only here: one context struct whose first
 * fields compiled code reads and writes inline at fixed offsets, one entry point per contract,
 * and the builtins compiled code calls for everything that touches the world or is too big
 * to inline. The lowering (compiler/Conversion) and the runtime (runtime/lib/abi) both
 * include this header; nothing else of either side is visible to the other.
 *
 * Words are 256-bit integers as 4 little-endian 64-bit limbs (LLVM's i256 in memory),
 * passed by pointer. Builtins that can halt return a metis_status; METIS_CONTINUE means the
 * code goes on. Any change to a layout or a signature bumps METIS_ABI_VERSION.
 *
 *===----------------------------------------------------------------------===*/
#ifndef METIS_RUNTIME_ABI_H
#define METIS_RUNTIME_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define METIS_ABI_VERSION 3u
/* "METISABI" as a little-endian u64: first field of every compiled contract's info record. */
#define METIS_ABI_MAGIC 0x4942415349544d45ull

typedef struct metis_word {
  uint64_t limbs[4];
} metis_word;

/* Frame outcomes; the values equal metis::Status (and EVMC's status codes). */
typedef enum metis_status {
  METIS_SUCCESS = 0,
  METIS_REVERT = 2,
  METIS_OUT_OF_GAS = 3,
  METIS_INVALID_INSTRUCTION = 4,
  METIS_UNDEFINED_INSTRUCTION = 5,
  METIS_STACK_OVERFLOW = 6,
  METIS_STACK_UNDERFLOW = 7,
  METIS_BAD_JUMP_DESTINATION = 8,
  METIS_INVALID_MEMORY_ACCESS = 9,
  METIS_STATIC_MODE_VIOLATION = 11,
  METIS_INTERNAL_ERROR = -1,
  /* Not a frame outcome: a builtin's "go on". */
  METIS_CONTINUE = 1000,
  /* Not a frame outcome: compiled code leaves the frame to the interpreter, which resumes at
   * `resume_pc` with the stack (all of it in memory), memory, gas and return data as they are.
   * What a jump into a region that was not compiled returns. */
  METIS_RESUME = 1001
} metis_status;

/* One frame as compiled code sees it. The fields up to `frame` have fixed offsets that the
 * lowering hard-codes (checked by static asserts on the runtime side). */
typedef struct metis_context {
  int64_t gas;             /*  0: gas left */
  uint64_t stack_height;   /*  8: words in the in-memory stack */
  metis_word *stack;       /* 16: the in-memory stack, 1024 words */
  uint8_t *memory;         /* 24: frame memory (valid up to memory_size) */
  uint64_t memory_size;    /* 32: bytes, a multiple of 32 */
  const uint8_t *calldata; /* 40 */
  uint64_t calldata_size;  /* 48 */
  void *frame;             /* 56: the runtime's frame (host, message, refunds, return data) */
  uint64_t resume_pc;      /* 64: where the interpreter resumes after METIS_RESUME */
  /* 72: metis_rt_builtin_table, indexed by metis_builtin. Code from the baseline emitter calls
   * through it, which keeps its bytes position-independent (no relocations to resolve). */
  const void *const *builtins;
} metis_context;

/* The entry point of a compiled contract, and of each of its regions: runs the frame from code
 * offset `pc` (0 for a new frame; a region's entry otherwise, with the whole stack in memory)
 * and returns its status. On METIS_SUCCESS and METIS_REVERT the output was recorded by
 * metis_rt_return; on METIS_RESUME the interpreter finishes the frame. */
typedef int32_t (*metis_contract_fn)(metis_context *ctx, uint64_t pc);

/* What a compiled contract carries so a loader can refuse code compiled for other bytes, by
 * another compiler, for another ABI or target. Exported as `metis_contract_info`. */
typedef struct metis_contract_info {
  uint64_t magic;            /* METIS_ABI_MAGIC */
  uint32_t abi_version;      /* METIS_ABI_VERSION */
  uint32_t code_size;        /* bytes of the bytecode compiled */
  uint8_t code_hash[32];     /* keccak256 of the bytecode */
  char compiler_version[32]; /* NUL-terminated */
  char target_triple[64];    /* NUL-terminated */
} metis_contract_info;

#define METIS_CONTRACT_ENTRY "metis_contract_main"
/* Region k of a contract compiled as regions is `metis_region_<k>`, a metis_contract_fn too. */
#define METIS_REGION_ENTRY_PREFIX "metis_region_"
#define METIS_CONTRACT_INFO "metis_contract_info"

/*===--- Builtins -----------------------------------------------------------===*/

/* Memory: grows to cover `end` bytes, charging the expansion; updates memory/memory_size. */
int32_t metis_rt_memory_grow(metis_context *ctx, uint64_t end);

/* Arithmetic LLVM would expand into slow bit-serial loops (toolchain.md). */
void metis_rt_udiv(metis_word *r, const metis_word *a, const metis_word *b);
void metis_rt_sdiv(metis_word *r, const metis_word *a, const metis_word *b);
void metis_rt_urem(metis_word *r, const metis_word *a, const metis_word *b);
void metis_rt_smod(metis_word *r, const metis_word *a, const metis_word *b);
void metis_rt_addmod(metis_word *r, const metis_word *a, const metis_word *b, const metis_word *n);
void metis_rt_mulmod(metis_word *r, const metis_word *a, const metis_word *b, const metis_word *n);
/* EXP: charges 50 gas per exponent byte. */
int32_t metis_rt_exp(metis_context *ctx, metis_word *r, const metis_word *base,
                     const metis_word *exponent);

/* KECCAK256 of memory[offset, offset + size): charges memory and 6 gas per word. */
int32_t metis_rt_keccak256(metis_context *ctx, metis_word *r, const metis_word *offset,
                           const metis_word *size);

/* Facts of the frame and block (opcode: ADDRESS, ORIGIN, CALLER, CALLVALUE, CALLDATASIZE,
 * CODESIZE, GASPRICE, RETURNDATASIZE, COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT,
 * CHAINID, SELFBALANCE, BASEFEE, BLOBBASEFEE, MSIZE). */
void metis_rt_env(metis_context *ctx, uint32_t opcode, metis_word *r);
/* One-operand reads (opcode: CALLDATALOAD, BALANCE, EXTCODESIZE, EXTCODEHASH, BLOCKHASH,
 * BLOBHASH, SLOAD, TLOAD): `io` holds the operand and receives the result. Charges cold
 * accesses. */
int32_t metis_rt_read(metis_context *ctx, uint32_t opcode, metis_word *io);
/* Copies into memory (opcode: CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY, MCOPY),
 * operands in stack order (top first). */
int32_t metis_rt_copy(metis_context *ctx, uint32_t opcode, const metis_word *args);
/* SSTORE with the static gas charged ahead for the rest of its block (for the sentry). */
int32_t metis_rt_sstore(metis_context *ctx, const metis_word *key, const metis_word *value,
                        int64_t prepaid);
int32_t metis_rt_tstore(metis_context *ctx, const metis_word *key, const metis_word *value);
/* LOG0..LOG4: args = offset, size, topics. */
int32_t metis_rt_log(metis_context *ctx, const metis_word *args, uint32_t num_topics);
/* The CALL family and creates (opcode selects), operands in stack order; the result word is
 * written to `r`. */
int32_t metis_rt_call(metis_context *ctx, uint32_t opcode, const metis_word *args, int64_t prepaid,
                      metis_word *r);
/* RETURN and REVERT: records the output range (charging memory); returns the status to end
 * the frame with. */
int32_t metis_rt_return(metis_context *ctx, const metis_word *offset, const metis_word *size,
                        uint32_t is_revert);
int32_t metis_rt_selfdestruct(metis_context *ctx, const metis_word *beneficiary);

/* Arithmetic the baseline emitter leaves out of line (the LLVM tier inlines it). Operands as
 * the interpreter pops them: `shift` or `index` was on top. */
void metis_rt_mul(metis_word *r, const metis_word *a, const metis_word *b);
void metis_rt_shl(metis_word *r, const metis_word *shift, const metis_word *value);
void metis_rt_shr(metis_word *r, const metis_word *shift, const metis_word *value);
void metis_rt_sar(metis_word *r, const metis_word *shift, const metis_word *value);
void metis_rt_byte(metis_word *r, const metis_word *index, const metis_word *x);
void metis_rt_signextend(metis_word *r, const metis_word *byte_index, const metis_word *x);

/* Every builtin by index, for code that calls through ctx->builtins: X(NAME, function). */
#define METIS_BUILTINS(X)                                                                          \
  X(MEMORY_GROW, metis_rt_memory_grow)                                                             \
  X(UDIV, metis_rt_udiv)                                                                           \
  X(SDIV, metis_rt_sdiv)                                                                           \
  X(UREM, metis_rt_urem)                                                                           \
  X(SMOD, metis_rt_smod)                                                                           \
  X(ADDMOD, metis_rt_addmod)                                                                       \
  X(MULMOD, metis_rt_mulmod)                                                                       \
  X(EXP, metis_rt_exp)                                                                             \
  X(KECCAK256, metis_rt_keccak256)                                                                 \
  X(ENV, metis_rt_env)                                                                             \
  X(READ, metis_rt_read)                                                                           \
  X(COPY, metis_rt_copy)                                                                           \
  X(SSTORE, metis_rt_sstore)                                                                       \
  X(TSTORE, metis_rt_tstore)                                                                       \
  X(LOG, metis_rt_log)                                                                             \
  X(CALL, metis_rt_call)                                                                           \
  X(RETURN, metis_rt_return)                                                                       \
  X(SELFDESTRUCT, metis_rt_selfdestruct)                                                           \
  X(MUL, metis_rt_mul)                                                                             \
  X(SHL, metis_rt_shl)                                                                             \
  X(SHR, metis_rt_shr)                                                                             \
  X(SAR, metis_rt_sar)                                                                             \
  X(BYTE, metis_rt_byte)                                                                           \
  X(SIGNEXTEND, metis_rt_signextend)

typedef enum metis_builtin {
#define METIS_BUILTIN_INDEX(Name, Function) METIS_BUILTIN_##Name,
  METIS_BUILTINS(METIS_BUILTIN_INDEX)
#undef METIS_BUILTIN_INDEX
      METIS_BUILTIN_COUNT
} metis_builtin;

extern const void *const metis_rt_builtin_table[METIS_BUILTIN_COUNT];

#ifdef __cplusplus
}
#endif

#endif /* METIS_RUNTIME_ABI_H */
