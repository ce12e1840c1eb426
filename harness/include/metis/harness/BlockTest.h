//===- BlockTest.h - Real mainnet blocks, executed and checked ---*- C++ -*-===//
//
// Loads a block of ../shared/blocks/mainnet (format in that folder's README): header,
// transactions, withdrawals and the pre-state the block reads. Executes it serially
// against that state and checks what the header commits to that the pre-state allows:
// the gas used, the receipts root (EIP-2718 typed receipts) and the logs bloom.
// The parallel executor of a later issue reuses loadBlock and checkBlock.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_BLOCKTEST_H
#define METIS_HARNESS_BLOCKTEST_H

#include "metis/runtime/Transaction.h"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <variant>

namespace metis::blocktest {

using Bloom = std::array<uint8_t, 256>;

struct Withdrawal {
  Address address;
  uint64_t amountGwei = 0;
};

struct Block {
  int64_t number = 0;
  state::BlockInfo info;
  std::map<int64_t, Bytes32> blockHashes; ///< What BLOCKHASH may read.
  std::vector<state::Transaction> transactions;
  std::vector<Bytes32> transactionHashes;
  std::vector<Withdrawal> withdrawals;
  state::State pre;
  // What the header commits to.
  int64_t gasUsed = 0;
  Bytes32 receiptsRoot;
  Bloom logsBloom{};
};

struct LoadError {
  std::string message; ///< Names the file and the field at fault.
};

/// Parses a block file.
std::variant<Block, LoadError> loadBlock(const std::filesystem::path &path);

struct Receipt {
  state::Transaction::Type type = state::Transaction::Type::Legacy;
  bool success = false;
  int64_t cumulativeGasUsed = 0;
  Bloom bloom{};
  std::vector<state::Log> logs;
};

/// The bloom filter of some logs (yellow paper, 4.3.1): three bits per address and topic.
Bloom logsBloom(std::span<const state::Log> logs);

/// A receipt as the receipts trie stores it: rlp([status, gas, bloom, logs]), behind its
/// type byte for a typed transaction.
Bytes encodeReceipt(const Receipt &receipt);

struct BlockResult {
  std::vector<Receipt> receipts;
  int64_t gasUsed = 0;
  Bytes32 receiptsRoot;
  Bloom logsBloom{};
  /// Set if a transaction was invalid: then the block is, and the rest is not run.
  std::string error;
};

/// Executes the block's transactions in order on `state` (a copy of `block.pre`), then
/// its withdrawals. `executor` chooses the tier (the interpreter when null).
BlockResult executeBlock(const Block &block, state::State &state, Executor *executor = nullptr);

/// What differs between the header and the result, one line each; empty if all agree.
std::vector<std::string> checkBlock(const Block &block, const BlockResult &result);

} // namespace metis::blocktest

#endif // METIS_HARNESS_BLOCKTEST_H
