//===- Transaction.h - Transaction validation and execution ------*- C++ -*-===//
//
// One transaction applied to a State under the Cancun rules: validation (nonce, balance, gas
// limit, EIP-1559 and EIP-4844 fee rules, EIP-3607, EIP-3860), intrinsic gas, the top-level
// call or create, refunds (EIP-3529), the coinbase priority fee and the blob fee.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_TRANSACTION_H
#define METIS_RUNTIME_TRANSACTION_H

#include "metis/runtime/Executor.h"
#include "metis/runtime/Interpreter.h"
#include "metis/runtime/State.h"

#include <functional>
#include <optional>
#include <string_view>

namespace metis::state {

struct AccessListEntry {
  Address address;
  std::vector<Word> keys;
};

struct Transaction {
  enum class Type : uint8_t { Legacy = 0, AccessList = 1, DynamicFee = 2, Blob = 3 };
  Type type = Type::Legacy;
  Address sender;
  std::optional<Address> to; ///< Absent for a contract creation.
  uint64_t nonce = 0;
  int64_t gasLimit = 0;
  Word value{};
  Bytes data;
  Word gasPrice{};             ///< Types 0 and 1.
  Word maxFeePerGas{};         ///< Types 2 and 3.
  Word maxPriorityFeePerGas{}; ///< Types 2 and 3.
  Word maxFeePerBlobGas{};     ///< Type 3.
  std::vector<Bytes32> blobHashes;
  std::vector<AccessListEntry> accessList;
};

struct BlockInfo {
  int64_t number = 0;
  int64_t timestamp = 0;
  int64_t gasLimit = 0;
  Address coinbase;
  Word prevRandao{};
  Word baseFee{};
  uint64_t excessBlobGas = 0;
  Word chainId = Word(1);
  /// BLOCKHASH for the 256 previous blocks.
  std::function<Bytes32(int64_t)> blockHash;
};

/// Why a transaction is invalid; names follow the state tests' `TransactionException.*`.
enum class TxError : uint8_t {
  IntrinsicGasTooLow,
  InsufficientAccountFunds,
  NonceMismatchTooLow,
  NonceMismatchTooHigh,
  NonceIsMax,
  GasAllowanceExceeded,
  InsufficientMaxFeePerGas,
  PriorityGreaterThanMaxFeePerGas,
  SenderNotEoa,
  InitcodeSizeExceeded,
  Type3TxContractCreation,
  Type3TxZeroBlobs,
  Type3TxBlobCountExceeded,
  Type3TxInvalidBlobVersionedHash,
  InsufficientMaxFeePerBlobGas,
  GasLimitPriceProductOverflow,
  RlpInvalidValue,
};

/// "TransactionException.INTRINSIC_GAS_TOO_LOW" and so on.
std::string_view txErrorName(TxError e) noexcept;

struct TxResult {
  Status status = Status::Success;
  int64_t gasUsed = 0;
  Bytes output;
  std::vector<Log> logs;
  std::optional<Address> createdAddress;
};

/// The blob base fee from the excess blob gas (EIP-4844 fake_exponential).
Word blobBaseFee(uint64_t excessBlobGas);

/// The block and transaction facts a transaction's frames read (TxContext) for `block`.
TxContext makeTxContext(const BlockInfo &block, const Address &origin, const Word &gasPrice,
                        std::vector<Bytes32> blobHashes = {});

/// Validates and applies `tx`; on a validation error the state is untouched. Finalizes the
/// transaction (EIP-161 deletions, transient storage cleared) on success.
std::variant<TxResult, TxError> applyTransaction(State &state, const BlockInfo &block,
                                                 const Transaction &tx, Tracer *tracer = nullptr,
                                                 Executor *executor = nullptr);

} // namespace metis::state

#endif // METIS_RUNTIME_TRANSACTION_H
