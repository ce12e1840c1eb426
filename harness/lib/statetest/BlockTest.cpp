//===- BlockTest.cpp - Real mainnet blocks, executed and checked ------------===//
#include "metis/harness/BlockTest.h"
#include "JsonFields.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/Rlp.h"
#include "metis/runtime/Trie.h"

#include <fstream>

namespace metis::blocktest {

using namespace fixtures;

namespace {

state::Transaction parseTransaction(const json &tx) {
  using Type = state::Transaction::Type;
  state::Transaction t;
  uint64_t type = parseU64(field(tx, "type"), "type");
  if (type > 3)
    throw FieldError{"transaction type " + std::to_string(type) + " is not a Cancun type"};
  t.type = Type(type);
  t.sender = parseAddress(field(tx, "from"), "from");
  if (const json &to = field(tx, "to"); !to.is_null())
    t.to = parseAddress(to, "to");
  t.nonce = parseU64(field(tx, "nonce"), "nonce");
  t.gasLimit = parseGas(field(tx, "gas"), "gas");
  t.value = parseWord(field(tx, "value"), "value");
  t.data = parseBytes(field(tx, "input"), "input");
  if (t.type == Type::Legacy || t.type == Type::AccessList) {
    t.gasPrice = parseWord(field(tx, "gasPrice"), "gasPrice");
  } else {
    t.maxFeePerGas = parseWord(field(tx, "maxFeePerGas"), "maxFeePerGas");
    t.maxPriorityFeePerGas = parseWord(field(tx, "maxPriorityFeePerGas"), "maxPriorityFeePerGas");
  }
  if (t.type == Type::Blob) {
    t.maxFeePerBlobGas = parseWord(field(tx, "maxFeePerBlobGas"), "maxFeePerBlobGas");
    for (const json &h : field(tx, "blobVersionedHashes"))
      t.blobHashes.push_back(parseHash(h, "blobVersionedHashes"));
  }
  if (auto it = tx.find("accessList"); it != tx.end())
    t.accessList = parseAccessList(*it);
  return t;
}

Block parseBlock(const json &j) {
  Block b;
  const json &header = field(j, "header");
  b.number = int64_t(parseU64(field(header, "number"), "header.number"));
  state::BlockInfo &info = b.info;
  info.number = b.number;
  info.coinbase = parseAddress(field(header, "coinbase"), "header.coinbase");
  info.gasLimit = parseGas(field(header, "gasLimit"), "header.gasLimit");
  info.timestamp = int64_t(parseU64(field(header, "timestamp"), "header.timestamp"));
  info.prevRandao = parseWord(field(header, "prevRandao"), "header.prevRandao");
  info.baseFee = parseWord(field(header, "baseFeePerGas"), "header.baseFeePerGas");
  info.excessBlobGas = parseU64(field(header, "excessBlobGas"), "header.excessBlobGas");
  info.chainId = parseWord(field(j, "chainId"), "chainId");
  b.gasUsed = parseGas(field(header, "gasUsed"), "header.gasUsed");
  b.receiptsRoot = parseHash(field(header, "receiptsRoot"), "header.receiptsRoot");
  Bytes bloom = parseBytes(field(header, "logsBloom"), "header.logsBloom");
  if (bloom.size() != b.logsBloom.size())
    throw FieldError{"'header.logsBloom' is not 256 bytes"};
  std::copy(bloom.begin(), bloom.end(), b.logsBloom.begin());

  for (const auto &[number, hash] : field(j, "blockHashes").items()) {
    auto n = Word::fromHex(number);
    if (!n || !n->fitsUint64())
      throw FieldError{"blockHashes key is not a block number: " + number};
    b.blockHashes[int64_t(n->low64())] = parseHash(hash, "blockHashes");
  }
  size_t i = 0;
  for (const json &tx : field(j, "transactions")) {
    try {
      b.transactions.push_back(parseTransaction(tx));
      b.transactionHashes.push_back(parseHash(field(tx, "hash"), "hash"));
    } catch (const FieldError &e) {
      throw FieldError{"transaction " + std::to_string(i) + ": " + e.message};
    }
    ++i;
  }
  for (const json &w : field(j, "withdrawals"))
    b.withdrawals.push_back(Withdrawal{parseAddress(field(w, "address"), "withdrawal address"),
                                       parseU64(field(w, "amount"), "withdrawal amount")});
  b.pre = parsePre(field(j, "pre"));
  return b;
}

void addToBloom(Bloom &bloom, BytesView item) {
  Bytes32 h = keccak256(item);
  for (size_t i = 0; i < 6; i += 2) {
    unsigned bit = ((unsigned(h.bytes[i]) << 8) | h.bytes[i + 1]) & 2047;
    bloom[bloom.size() - 1 - bit / 8] |= uint8_t(1u << (bit % 8));
  }
}

std::string hex(BytesView bytes) { return "0x" + toHex(bytes); }

} // namespace

std::variant<Block, LoadError> loadBlock(const std::filesystem::path &path) {
  std::ifstream in(path);
  if (!in)
    return LoadError{path.string() + ": cannot open file"};
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error &e) {
    return LoadError{path.string() + ": invalid JSON at byte " + std::to_string(e.byte) + ": " +
                     e.what()};
  }
  try {
    Block b = parseBlock(j);
    // BLOCKHASH reads what the file gives; anything else is not knowable here, and no
    // mainnet transaction of these blocks asks.
    b.info.blockHash = [hashes = b.blockHashes](int64_t n) {
      auto it = hashes.find(n);
      return it == hashes.end() ? Bytes32{} : it->second;
    };
    return b;
  } catch (const FieldError &e) {
    return LoadError{path.string() + ": " + e.message};
  } catch (const json::exception &e) {
    return LoadError{path.string() + ": " + e.what()};
  }
}

Bloom logsBloom(std::span<const state::Log> logs) {
  Bloom bloom{};
  for (const state::Log &log : logs) {
    addToBloom(bloom, log.address.bytes);
    for (const Bytes32 &topic : log.topics)
      addToBloom(bloom, topic.bytes);
  }
  return bloom;
}

Bytes encodeReceipt(const Receipt &receipt) {
  std::vector<Bytes> logs;
  logs.reserve(receipt.logs.size());
  for (const state::Log &log : receipt.logs) {
    std::vector<Bytes> topics;
    for (const Bytes32 &topic : log.topics)
      topics.push_back(rlp::encodeString(topic.bytes));
    logs.push_back(rlp::encodeList({rlp::encodeString(log.address.bytes), rlp::encodeList(topics),
                                    rlp::encodeString(log.data)}));
  }
  Bytes body =
      rlp::encodeList({rlp::encodeUint(receipt.success ? 1 : 0),
                       rlp::encodeUint(uint64_t(receipt.cumulativeGasUsed)),
                       rlp::encodeString(BytesView(receipt.bloom.data(), receipt.bloom.size())),
                       rlp::encodeList(logs)});
  if (receipt.type == state::Transaction::Type::Legacy)
    return body;
  Bytes typed{uint8_t(receipt.type)};
  typed.insert(typed.end(), body.begin(), body.end());
  return typed;
}

BlockResult executeBlock(const Block &block, state::State &state, Executor *executor) {
  BlockResult result;
  // EIP-4788's system call stores the parent beacon root in a contract that none of these
  // pre-states holds (the README of the blocks says so); with no code it does nothing.
  std::vector<Bytes> encoded;
  for (size_t i = 0; i < block.transactions.size(); ++i) {
    const state::Transaction &tx = block.transactions[i];
    auto applied = state::applyTransaction(state, block.info, tx, nullptr, executor);
    if (auto *error = std::get_if<state::TxError>(&applied)) {
      result.error = "transaction " + std::to_string(i) + " (" +
                     hex(block.transactionHashes[i].bytes) +
                     ") is invalid: " + std::string(state::txErrorName(*error));
      return result;
    }
    auto &tr = std::get<state::TxResult>(applied);
    result.gasUsed += tr.gasUsed;
    Receipt receipt;
    receipt.type = tx.type;
    receipt.success = tr.status == Status::Success;
    receipt.cumulativeGasUsed = result.gasUsed;
    receipt.bloom = logsBloom(tr.logs);
    receipt.logs = std::move(tr.logs);
    for (size_t k = 0; k < receipt.bloom.size(); ++k)
      result.logsBloom[k] |= receipt.bloom[k];
    encoded.push_back(encodeReceipt(receipt));
    result.receipts.push_back(std::move(receipt));
  }
  // Withdrawals credit gwei after the transactions (EIP-4895); they are not transactions
  // and touch nothing else.
  for (const Withdrawal &w : block.withdrawals) {
    state::Account &acc = state.getOrCreate(w.address);
    state.setBalance(acc, w.address, acc.balance + Word(w.amountGwei) * Word(1'000'000'000));
  }
  result.receiptsRoot = trie::orderedRoot(encoded);
  return result;
}

std::vector<std::string> checkBlock(const Block &block, const BlockResult &result) {
  std::vector<std::string> diffs;
  if (!result.error.empty()) {
    diffs.push_back(result.error);
    return diffs;
  }
  if (result.gasUsed != block.gasUsed)
    diffs.push_back("gas used " + std::to_string(result.gasUsed) + ", header says " +
                    std::to_string(block.gasUsed));
  if (result.receiptsRoot != block.receiptsRoot)
    diffs.push_back("receipts root " + hex(result.receiptsRoot.bytes) + ", header says " +
                    hex(block.receiptsRoot.bytes));
  if (result.logsBloom != block.logsBloom)
    diffs.push_back("logs bloom differs from the header's");
  return diffs;
}

} // namespace metis::blocktest
