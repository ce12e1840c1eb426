//===- StateTest.cpp - Ethereum state-test fixtures -------------------------===//
#include "metis/harness/StateTest.h"
#include "JsonFields.h"
#include "metis/runtime/Keccak.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace metis::statetest {

using json = nlohmann::json;
using namespace fixtures;

namespace {

Bytes32 stateTestBlockHash(int64_t number) { return keccak256(std::to_string(number)); }

state::BlockInfo parseEnv(const json &env) {
  state::BlockInfo b;
  b.coinbase = parseAddress(field(env, "currentCoinbase"), "currentCoinbase");
  b.gasLimit = parseGas(field(env, "currentGasLimit"), "currentGasLimit");
  b.number = int64_t(parseU64(field(env, "currentNumber"), "currentNumber"));
  b.timestamp = int64_t(parseU64(field(env, "currentTimestamp"), "currentTimestamp"));
  if (auto it = env.find("currentRandom"); it != env.end())
    b.prevRandao = parseWord(*it, "currentRandom");
  if (auto it = env.find("currentBaseFee"); it != env.end())
    b.baseFee = parseWord(*it, "currentBaseFee");
  if (auto it = env.find("currentExcessBlobGas"); it != env.end())
    b.excessBlobGas = parseU64(*it, "currentExcessBlobGas");
  b.blockHash = stateTestBlockHash;
  return b;
}

/// Builds the transaction of one case. A value the encoding cannot carry (above 256 bits,
/// written "0x:bigint ...") leaves `encodingError` set instead.
void buildTransaction(const json &tx, Case &c) {
  const json &data = field(tx, "data");
  const json &gasLimits = field(tx, "gasLimit");
  const json &values = field(tx, "value");
  if (c.dataIndex >= data.size() || c.gasIndex >= gasLimits.size() || c.valueIndex >= values.size())
    throw FieldError{"post indexes out of range of the transaction's lists"};

  state::Transaction t;
  t.sender = parseAddress(field(tx, "sender"), "sender");
  const std::string &to = str(field(tx, "to"), "to");
  if (!to.empty())
    t.to = parseAddress(field(tx, "to"), "to");
  t.nonce = parseU64(field(tx, "nonce"), "nonce");
  t.data = parseBytes(data[c.dataIndex], "data");
  t.gasLimit = parseGas(gasLimits[c.gasIndex], "gasLimit");
  const std::string &value = str(values[c.valueIndex], "value");
  if (value.starts_with("0x:bigint ")) {
    c.encodingError = "value above 2^256 (" + value + ")";
    return;
  }
  t.value = parseWord(values[c.valueIndex], "value");

  const json *accessList = nullptr;
  if (auto it = tx.find("accessLists");
      it != tx.end() && c.dataIndex < it->size() && !(*it)[c.dataIndex].is_null())
    accessList = &(*it)[c.dataIndex];
  if (auto it = tx.find("maxFeePerGas"); it != tx.end()) {
    t.type = state::Transaction::Type::DynamicFee;
    t.maxFeePerGas = parseWord(*it, "maxFeePerGas");
    t.maxPriorityFeePerGas = parseWord(field(tx, "maxPriorityFeePerGas"), "maxPriorityFeePerGas");
  } else {
    t.gasPrice = parseWord(field(tx, "gasPrice"), "gasPrice");
    t.type = accessList ? state::Transaction::Type::AccessList : state::Transaction::Type::Legacy;
  }
  if (auto it = tx.find("blobVersionedHashes"); it != tx.end()) {
    t.type = state::Transaction::Type::Blob;
    for (const json &h : *it)
      t.blobHashes.push_back(parseHash(h, "blobVersionedHashes"));
    t.maxFeePerBlobGas = parseWord(field(tx, "maxFeePerBlobGas"), "maxFeePerBlobGas");
  }
  if (accessList)
    t.accessList = parseAccessList(*accessList);
  c.tx = std::move(t);
}

} // namespace

std::variant<std::vector<Test>, LoadError> loadFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return LoadError{"cannot open file"};
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::exception &e) {
    // parse_error, but also out_of_range for numbers like 1e400 (found by fuzzing).
    return LoadError{std::string("malformed JSON: ") + e.what()};
  }
  if (!doc.is_object())
    return LoadError{"top level is not a JSON object"};

  std::vector<Test> tests;
  for (const auto &[name, body] : doc.items()) {
    try {
      auto post = body.find("post");
      if (post == body.end() || !post->contains("Cancun"))
        continue; // not a Cancun test
      Test t;
      t.name = name;
      t.block = parseEnv(field(body, "env"));
      t.pre = parsePre(field(body, "pre"));
      const json &tx = field(body, "transaction");
      for (const json &entry : (*post)["Cancun"]) {
        Case c;
        const json &idx = field(entry, "indexes");
        c.dataIndex = field(idx, "data").get<size_t>();
        c.gasIndex = field(idx, "gas").get<size_t>();
        c.valueIndex = field(idx, "value").get<size_t>();
        c.expectedRoot = parseHash(field(entry, "hash"), "hash");
        c.expectedLogsHash = parseHash(field(entry, "logs"), "logs");
        if (auto it = entry.find("expectException"); it != entry.end())
          c.expectException = str(*it, "expectException");
        buildTransaction(tx, c);
        t.cases.push_back(std::move(c));
      }
      tests.push_back(std::move(t));
    } catch (const FieldError &e) {
      return LoadError{"test '" + name + "': " + e.message};
    } catch (const json::exception &e) {
      return LoadError{"test '" + name + "': " + e.what()};
    }
  }
  return tests;
}

static bool exceptionListed(std::string_view expected, std::string_view name) {
  while (!expected.empty()) {
    size_t bar = expected.find('|');
    if (expected.substr(0, bar) == name)
      return true;
    if (bar == std::string_view::npos)
      break;
    expected.remove_prefix(bar + 1);
  }
  return false;
}

static std::string hex32(const Bytes32 &h) { return "0x" + toHex(h); }

Outcome runCase(const Test &test, const Case &c, Tracer *tracer, Executor *executor) {
  state::State s = test.pre;
  std::vector<state::Log> logs;
  std::string rejection;

  if (!c.tx) {
    rejection = "TransactionException.RLP_INVALID_VALUE";
  } else {
    auto r = state::applyTransaction(s, test.block, *c.tx, tracer, executor);
    if (auto *err = std::get_if<state::TxError>(&r)) {
      rejection = state::txErrorName(*err);
    } else {
      auto &res = std::get<state::TxResult>(r);
      logs = std::move(res.logs);
    }
  }

  if (!c.expectException.empty()) {
    if (rejection.empty())
      return {Outcome::Fail,
              "expected exception " + c.expectException + ", but the transaction was accepted"};
    if (!exceptionListed(c.expectException, rejection))
      return {Outcome::Fail, "rejected with " + rejection + ", expected " + c.expectException};
  } else if (!rejection.empty()) {
    return {Outcome::Fail, "transaction rejected: " + rejection};
  }

  std::string diff;
  Bytes32 root = s.stateRoot();
  if (root != c.expectedRoot)
    diff += "state root " + hex32(root) + " != expected " + hex32(c.expectedRoot);
  Bytes32 lh = state::logsHash(logs);
  if (lh != c.expectedLogsHash)
    diff += std::string(diff.empty() ? "" : "; ") + "logs hash " + hex32(lh) + " != expected " +
            hex32(c.expectedLogsHash);
  if (!diff.empty())
    return {Outcome::Fail, diff};
  return {Outcome::Pass, {}};
}

} // namespace metis::statetest
