//===- evmc.h - The EVMC 12 C ABI ---------------------------------*- C -*-===//
//
// The types, enums and callback table of EVMC (the Ethereum Client-VM
// Connector) at ABI version 12, as needed to implement a VM and to write a test
// host. Written for metis from the public EVMC 12 specification (ethereum/evmc,
// include/evmc/evmc.h and its documentation) because Debian 12 ships no evmc
// package and only Debian packages may be used. Field order, types and enum
// values are the ABI and must match upstream exactly; names match upstream so
// code written against the real header reads the same. Only the C ABI is
// reproduced, none of the C++ helpers (evmc.hpp) or the loader.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_EVMC_EVMC_H
#define METIS_EVMC_EVMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// The ABI version; equal to the major version of the EVMC release.
enum { EVMC_ABI_VERSION = 12 };

// 32 bytes: a hash, a storage key or value.
typedef struct evmc_bytes32 {
  uint8_t bytes[32];
} evmc_bytes32;

// A 256-bit unsigned integer, most significant byte first.
typedef struct evmc_bytes32 evmc_uint256be;

// A 20-byte account address.
typedef struct evmc_address {
  uint8_t bytes[20];
} evmc_address;

enum evmc_call_kind {
  EVMC_CALL = 0,
  EVMC_DELEGATECALL = 1, // value is the apparent value, not transferred
  EVMC_CALLCODE = 2,
  EVMC_CREATE = 3,
  EVMC_CREATE2 = 4,
  EVMC_EOFCREATE = 5 // new in ABI 12; EOF only, not part of Cancun
};

enum evmc_flags {
  EVMC_STATIC = 1 // no state modification allowed (STATICCALL and below)
};

// One call frame's parameters. For execute() the code comes as a separate
// argument and create2_salt and code_address may be left unset.
struct evmc_message {
  enum evmc_call_kind kind;
  uint32_t flags; // a set of evmc_flags
  int32_t depth;  // 0 for the transaction's own frame
  int64_t gas;
  evmc_address recipient; // whose storage and balance the frame acts on
  evmc_address sender;
  // Calldata; for a create requested by a VM, the init code.
  const uint8_t *input_data;
  size_t input_size;
  evmc_uint256be value;
  evmc_bytes32 create2_salt;
  // Whose code runs; differs from recipient for DELEGATECALL and CALLCODE.
  evmc_address code_address;
  const uint8_t *code; // new in ABI 12 (EOFCREATE); metis leaves it NULL
  size_t code_size;
};

// An init code carried by the transaction (EOF's TXCREATE; new in ABI 12).
typedef struct evmc_tx_initcode {
  evmc_bytes32 hash;
  const uint8_t *code;
  size_t code_size;
} evmc_tx_initcode;

// Block and transaction facts, fetched by the VM through get_tx_context.
struct evmc_tx_context {
  evmc_uint256be tx_gas_price;
  evmc_address tx_origin;
  evmc_address block_coinbase;
  int64_t block_number;
  int64_t block_timestamp;
  int64_t block_gas_limit;
  evmc_uint256be block_prev_randao; // EIP-4399
  evmc_uint256be chain_id;
  evmc_uint256be block_base_fee;   // EIP-1559
  evmc_uint256be blob_base_fee;    // EIP-7516
  const evmc_bytes32 *blob_hashes; // EIP-4844
  size_t blob_hashes_count;
  const evmc_tx_initcode *initcodes; // new in ABI 12
  size_t initcodes_count;
};

// The host's opaque state; a VM only passes the pointer back.
struct evmc_host_context;

enum evmc_status_code {
  EVMC_SUCCESS = 0,
  EVMC_FAILURE = 1,
  EVMC_REVERT = 2,
  EVMC_OUT_OF_GAS = 3,
  EVMC_INVALID_INSTRUCTION = 4, // the designated INVALID opcode (0xfe)
  EVMC_UNDEFINED_INSTRUCTION = 5,
  EVMC_STACK_OVERFLOW = 6,
  EVMC_STACK_UNDERFLOW = 7,
  EVMC_BAD_JUMP_DESTINATION = 8,
  EVMC_INVALID_MEMORY_ACCESS = 9,
  EVMC_CALL_DEPTH_EXCEEDED = 10,
  EVMC_STATIC_MODE_VIOLATION = 11,
  EVMC_PRECOMPILE_FAILURE = 12,
  EVMC_CONTRACT_VALIDATION_FAILURE = 13,
  EVMC_ARGUMENT_OUT_OF_RANGE = 14,
  EVMC_WASM_UNREACHABLE_INSTRUCTION = 15,
  EVMC_WASM_TRAP = 16,
  EVMC_INSUFFICIENT_BALANCE = 17,
  EVMC_INTERNAL_ERROR = -1,
  EVMC_REJECTED = -2, // the VM will not run this; a host may try another VM
  EVMC_OUT_OF_MEMORY = -3
};

struct evmc_result;

// Frees what the result owns (its output). Called once by whoever holds the
// result.
typedef void (*evmc_release_result_fn)(const struct evmc_result *result);

struct evmc_result {
  enum evmc_status_code status_code;
  int64_t gas_left;   // meaningful for success and revert only
  int64_t gas_refund; // meaningful for success only
  const uint8_t *output_data;
  size_t output_size;
  evmc_release_result_fn release; // may be NULL when nothing is owned
  evmc_address create_address;    // creates only
  uint8_t padding[4];             // reserved for the result's creator; makes 64 bytes
};

// EIP-2200 storage transitions as reported by set_storage (original -> current
// -> new).
enum evmc_storage_status {
  EVMC_STORAGE_ASSIGNED = 0,         // no-op or a dirty slot changed again
  EVMC_STORAGE_ADDED = 1,            // 0 -> 0 -> Z
  EVMC_STORAGE_DELETED = 2,          // X -> X -> 0
  EVMC_STORAGE_MODIFIED = 3,         // X -> X -> Z
  EVMC_STORAGE_DELETED_ADDED = 4,    // X -> 0 -> Z
  EVMC_STORAGE_MODIFIED_DELETED = 5, // X -> Y -> 0
  EVMC_STORAGE_DELETED_RESTORED = 6, // X -> 0 -> X
  EVMC_STORAGE_ADDED_DELETED = 7,    // 0 -> Y -> 0
  EVMC_STORAGE_MODIFIED_RESTORED = 8 // X -> Y -> X
};

// EIP-2929: whether an account or slot was already in the access list.
enum evmc_access_status { EVMC_ACCESS_COLD = 0, EVMC_ACCESS_WARM = 1 };

typedef bool (*evmc_account_exists_fn)(struct evmc_host_context *context,
                                       const evmc_address *address);
typedef evmc_bytes32 (*evmc_get_storage_fn)(struct evmc_host_context *context,
                                            const evmc_address *address, const evmc_bytes32 *key);
typedef enum evmc_storage_status (*evmc_set_storage_fn)(struct evmc_host_context *context,
                                                        const evmc_address *address,
                                                        const evmc_bytes32 *key,
                                                        const evmc_bytes32 *value);
typedef evmc_uint256be (*evmc_get_balance_fn)(struct evmc_host_context *context,
                                              const evmc_address *address);
typedef size_t (*evmc_get_code_size_fn)(struct evmc_host_context *context,
                                        const evmc_address *address);
typedef evmc_bytes32 (*evmc_get_code_hash_fn)(struct evmc_host_context *context,
                                              const evmc_address *address);
// Copies code[code_offset, code_offset + buffer_size) clipped to the code;
// returns the count copied.
typedef size_t (*evmc_copy_code_fn)(struct evmc_host_context *context, const evmc_address *address,
                                    size_t code_offset, uint8_t *buffer_data, size_t buffer_size);
// Returns true on the account's first selfdestruct in the transaction.
typedef bool (*evmc_selfdestruct_fn)(struct evmc_host_context *context, const evmc_address *address,
                                     const evmc_address *beneficiary);
typedef struct evmc_result (*evmc_call_fn)(struct evmc_host_context *context,
                                           const struct evmc_message *msg);
typedef struct evmc_tx_context (*evmc_get_tx_context_fn)(struct evmc_host_context *context);
// Null bytes when the block is unknown or out of range.
typedef evmc_bytes32 (*evmc_get_block_hash_fn)(struct evmc_host_context *context, int64_t number);
typedef void (*evmc_emit_log_fn)(struct evmc_host_context *context, const evmc_address *address,
                                 const uint8_t *data, size_t data_size, const evmc_bytes32 topics[],
                                 size_t topics_count);
typedef enum evmc_access_status (*evmc_access_account_fn)(struct evmc_host_context *context,
                                                          const evmc_address *address);
typedef enum evmc_access_status (*evmc_access_storage_fn)(struct evmc_host_context *context,
                                                          const evmc_address *address,
                                                          const evmc_bytes32 *key);
typedef evmc_bytes32 (*evmc_get_transient_storage_fn)(struct evmc_host_context *context,
                                                      const evmc_address *address,
                                                      const evmc_bytes32 *key);
typedef void (*evmc_set_transient_storage_fn)(struct evmc_host_context *context,
                                              const evmc_address *address, const evmc_bytes32 *key,
                                              const evmc_bytes32 *value);

// The host's callback table. The order is the ABI: the transient-storage pair
// came last (ABI 11), after the EIP-2929 pair (ABI 8).
struct evmc_host_interface {
  evmc_account_exists_fn account_exists;
  evmc_get_storage_fn get_storage;
  evmc_set_storage_fn set_storage;
  evmc_get_balance_fn get_balance;
  evmc_get_code_size_fn get_code_size;
  evmc_get_code_hash_fn get_code_hash;
  evmc_copy_code_fn copy_code;
  evmc_selfdestruct_fn selfdestruct;
  evmc_call_fn call;
  evmc_get_tx_context_fn get_tx_context;
  evmc_get_block_hash_fn get_block_hash;
  evmc_emit_log_fn emit_log;
  evmc_access_account_fn access_account;
  evmc_access_storage_fn access_storage;
  evmc_get_transient_storage_fn get_transient_storage;
  evmc_set_transient_storage_fn set_transient_storage;
};

struct evmc_vm;

enum evmc_set_option_result {
  EVMC_SET_OPTION_SUCCESS = 0,
  EVMC_SET_OPTION_INVALID_NAME = 1,
  EVMC_SET_OPTION_INVALID_VALUE = 2
};

enum evmc_revision {
  EVMC_FRONTIER = 0,
  EVMC_HOMESTEAD = 1,
  EVMC_TANGERINE_WHISTLE = 2,
  EVMC_SPURIOUS_DRAGON = 3,
  EVMC_BYZANTIUM = 4,
  EVMC_CONSTANTINOPLE = 5,
  EVMC_PETERSBURG = 6,
  EVMC_ISTANBUL = 7,
  EVMC_BERLIN = 8,
  EVMC_LONDON = 9,
  EVMC_PARIS = 10,
  EVMC_SHANGHAI = 11,
  EVMC_CANCUN = 12,
  EVMC_PRAGUE = 13,
  EVMC_OSAKA = 14,
  EVMC_MAX_REVISION = EVMC_OSAKA,
  EVMC_LATEST_STABLE_REVISION = EVMC_CANCUN
};

enum evmc_capabilities {
  EVMC_CAPABILITY_EVM1 = (1u << 0),
  EVMC_CAPABILITY_EWASM = (1u << 1),
  EVMC_CAPABILITY_PRECOMPILES = (1u << 2)
};
typedef uint32_t evmc_capabilities_flagset;

typedef void (*evmc_destroy_fn)(struct evmc_vm *vm);
// name and value are NUL-terminated and never NULL.
typedef enum evmc_set_option_result (*evmc_set_option_fn)(struct evmc_vm *vm, char const *name,
                                                          char const *value);
// host may be NULL only for a VM with EVMC_CAPABILITY_PRECOMPILES; code may be
// NULL when code_size is 0.
typedef struct evmc_result (*evmc_execute_fn)(
    struct evmc_vm *vm, const struct evmc_host_interface *host, struct evmc_host_context *context,
    enum evmc_revision rev, const struct evmc_message *msg, uint8_t const *code, size_t code_size);
typedef evmc_capabilities_flagset (*evmc_get_capabilities_fn)(struct evmc_vm *vm);

// A VM instance as returned by evmc_create_<name>(). A VM embeds this as its
// first member.
struct evmc_vm {
  const int abi_version;
  const char *name;
  const char *version;
  evmc_destroy_fn destroy;
  evmc_execute_fn execute;
  evmc_get_capabilities_fn get_capabilities;
  evmc_set_option_fn set_option; // may be NULL when a VM has no options
};

#ifdef __cplusplus
}
#endif

#endif // METIS_EVMC_EVMC_H
