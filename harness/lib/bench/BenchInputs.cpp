//===- BenchInputs.cpp - Benchmark inputs and runner ----------------------===//
#include "metis/runtime/BenchInputs.h"
#include "metis/runtime/Precompiles.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

namespace metis::bench {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// The revmc fixtures' addresses; the legacy benches use them too, so every case
// runs in the same surroundings.
const Address kContract = *addressFromHex("0xcccccccccccccccccccccccccccccccccccccccc");
const Address kSender = *addressFromHex("0x1111111111111111111111111111111111111111");

/// A repetition larger than this is surely a typo; refuse it rather than
/// exhaust memory.
constexpr size_t kMaxDecodedSize = size_t(64) << 20;

/// A hex-notation error at a byte offset of the text, placed in a file by the
/// caller.
struct HexError {
  size_t offset;
  std::string what;
};

int hexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string describe(char c) {
  if (c >= 0x21 && c < 0x7f)
    return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%02x", unsigned(uint8_t(c)));
  return buf;
}

/// Hex digits from `pos` up to `end` (whitespace skipped) appended as bytes to
/// `out`. Digits must pair up within the run: a run cannot share a byte with a
/// repetition next to it.
std::optional<HexError> decodeRun(std::string_view text, size_t &pos, char end, Bytes &out) {
  int pending = -1;
  size_t pendingAt = 0;
  for (; pos < text.size() && text[pos] != end; ++pos) {
    char c = text[pos];
    if (isSpace(c))
      continue;
    int d = hexDigit(c);
    if (d < 0)
      return HexError{pos, "unexpected character " + describe(c)};
    if (pending < 0) {
      pending = d;
      pendingAt = pos;
    } else {
      out.push_back(uint8_t(pending << 4 | d));
      pending = -1;
    }
  }
  if (pending >= 0)
    return HexError{pendingAt, "odd number of hex digits"};
  return std::nullopt;
}

/// The whole notation: plain hex runs and `(NxHEX)` repetitions.
std::variant<Bytes, HexError> decodeNotation(std::string_view text) {
  Bytes out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (auto err = decodeRun(text, pos, '(', out))
      return *err;
    if (pos == text.size())
      break;
    const size_t open = pos++;
    size_t count = 0;
    const size_t digitsAt = pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      count = count * 10 + size_t(text[pos] - '0');
      if (count > kMaxDecodedSize)
        return HexError{digitsAt, "repetition count too large"};
    }
    if (pos == digitsAt || pos == text.size() || text[pos] != 'x')
      return HexError{open, "expected '(<count>x<hex>)'"};
    ++pos;
    Bytes unit;
    if (auto err = decodeRun(text, pos, ')', unit))
      return *err;
    if (pos == text.size())
      return HexError{open, "unclosed '('"};
    ++pos; // ')'
    if (unit.empty())
      return HexError{open, "empty repetition"};
    if (count * unit.size() > kMaxDecodedSize - out.size())
      return HexError{open, "repetition too large"};
    for (size_t i = 0; i < count; ++i)
      out.insert(out.end(), unit.begin(), unit.end());
  }
  return out;
}

/// "file:line:column: what" for an error at `offset` of a file's text.
std::string locate(std::string_view fileName, std::string_view text, size_t offset,
                   std::string_view what) {
  offset = std::min(offset, text.size());
  size_t line = 1 + size_t(std::count(text.begin(), text.begin() + offset, '\n'));
  size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  lineStart = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
  return std::string(fileName) + ":" + std::to_string(line) + ":" +
         std::to_string(offset - lineStart + 1) + ": " + std::string(what);
}

Expected<std::string> readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return BenchError{"cannot open " + path.string()};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool isBlank(std::string_view line) { return std::all_of(line.begin(), line.end(), isSpace); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back()))
    s.remove_suffix(1);
  return s;
}

/// The lines of `text`, each with its byte offset.
std::vector<std::pair<std::string_view, size_t>> splitLines(std::string_view text) {
  std::vector<std::pair<std::string_view, size_t>> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos)
      nl = text.size();
    lines.emplace_back(text.substr(start, nl - start), start);
    start = nl + 1;
  }
  return lines;
}

/// What a transaction pays before its code runs: 21000, plus 4 per zero and 16
/// per other calldata byte (no access list, not a create).
int64_t intrinsicGas(BytesView data) {
  int64_t gas = 21000;
  for (uint8_t b : data)
    gas += b ? 16 : 4;
  return gas;
}

/// A manifest field, or a BenchError naming the bench and field.
struct ManifestError {
  std::string message;
};

const json &field(const json &obj, const char *name, const std::string &bench) {
  auto it = obj.find(name);
  if (it == obj.end())
    throw ManifestError{"bench '" + bench + "': missing field '" + name + "'"};
  return *it;
}

std::string stringField(const json &obj, const char *name, const std::string &bench) {
  const json &j = field(obj, name, bench);
  if (!j.is_string())
    throw ManifestError{"bench '" + bench + "': field '" + name + "' is not a string"};
  return j.get<std::string>();
}

Bytes hexField(const json &obj, const char *name, const std::string &bench) {
  auto b = fromHex(stringField(obj, name, bench));
  if (!b)
    throw ManifestError{"bench '" + bench + "': field '" + name + "' is not valid hex"};
  return std::move(*b);
}

int64_t intField(const json &obj, const char *name, const std::string &bench) {
  const json &j = field(obj, name, bench);
  if (!j.is_number_integer())
    throw ManifestError{"bench '" + bench + "': field '" + name + "' is not an integer"};
  return j.get<int64_t>();
}

/// The target's code: the rt-hex file if the manifest names one, else the
/// fixture's pre-state account (fibonacci-calldata and factorial have no rt-hex
/// file).
Bytes revmcCode(const fs::path &dir, const json &b, const std::string &name, const Address &to) {
  const json &rtHex = field(b, "rt_hex", name);
  if (!rtHex.is_null()) {
    fs::path path = dir / rtHex.get<std::string>();
    auto text = readFile(path);
    if (auto *err = std::get_if<BenchError>(&text))
      throw ManifestError{err->message};
    auto code = fromHex(trim(std::get<std::string>(text)));
    if (!code)
      throw ManifestError{path.string() + ":1: not valid hex"};
    return std::move(*code);
  }
  fs::path path = dir / stringField(b, "fixture", name);
  std::ifstream in(path);
  if (!in)
    throw ManifestError{"cannot open " + path.string()};
  json fixture;
  try {
    fixture = json::parse(in);
  } catch (const json::exception &e) {
    throw ManifestError{path.string() + ": " + e.what()};
  }
  const json &test = field(fixture, stringField(b, "test_name", name).c_str(), name);
  for (const auto &[addr, account] : field(test, "pre", name).items())
    if (addressFromHex(addr) == to)
      return hexField(account, "code", name);
  throw ManifestError{path.string() + ": no pre-state account " + toHex(to)};
}

} // namespace

Expected<Bytes> parseHexNotation(std::string_view text) {
  auto r = decodeNotation(text);
  if (auto *err = std::get_if<HexError>(&r))
    return BenchError{"column " + std::to_string(err->offset + 1) + ": " + err->what};
  return std::move(std::get<Bytes>(r));
}

Expected<std::vector<InputCase>> parseInputs(std::string_view text, std::string_view fileName) {
  auto lines = splitLines(text);
  auto at = [&](size_t i, size_t column, std::string_view what) {
    return BenchError{locate(fileName, text, lines[i].second + column, what)};
  };
  std::vector<InputCase> cases;
  size_t i = 0;
  while (i < lines.size()) {
    if (isBlank(lines[i].first)) {
      ++i;
      continue;
    }
    const size_t nameLine = i;
    InputCase c;
    c.name = std::string(trim(lines[i].first));
    if (std::any_of(c.name.begin(), c.name.end(), isSpace))
      return at(i, 0, "case name '" + c.name + "' contains whitespace");
    for (const InputCase &prev : cases)
      if (prev.name == c.name)
        return at(i, 0, "duplicate case name '" + c.name + "'");
    if (i + 1 >= lines.size())
      return at(i, 0, "case '" + c.name + "' has no input line");
    auto input = decodeNotation(lines[i + 1].first);
    if (auto *err = std::get_if<HexError>(&input))
      return at(i + 1, err->offset, "input of '" + c.name + "': " + err->what);
    c.input = std::move(std::get<Bytes>(input));
    if (i + 2 < lines.size() && !isBlank(lines[i + 2].first)) {
      auto expected = decodeNotation(lines[i + 2].first);
      if (auto *err = std::get_if<HexError>(&expected))
        return at(i + 2, err->offset, "expected output of '" + c.name + "': " + err->what);
      c.expectedOutput = std::move(std::get<Bytes>(expected));
    }
    i += 3;
    // A fourth line would be silently taken as the next case's name.
    if (i < lines.size() && !isBlank(lines[i].first))
      return at(i, 0,
                "expected a blank line after the case '" + c.name + "' starting at line " +
                    std::to_string(nameLine + 1));
    cases.push_back(std::move(c));
  }
  return cases;
}

Expected<std::vector<BenchCase>> loadEvmoneLegacy(const fs::path &dir) {
  std::vector<BenchCase> out;
  for (const char *group : {"main", "micro"}) {
    const fs::path groupDir = dir / group;
    std::error_code ec;
    std::vector<fs::path> inputFiles;
    for (const auto &entry : fs::directory_iterator(groupDir, ec))
      if (entry.path().extension() == ".inputs")
        inputFiles.push_back(entry.path());
    if (ec)
      return BenchError{"cannot list " + groupDir.string() + ": " + ec.message()};
    std::sort(inputFiles.begin(), inputFiles.end());

    for (const fs::path &inputsPath : inputFiles) {
      const fs::path codePath = fs::path(inputsPath).replace_extension(".bin-runtime");
      auto codeText = readFile(codePath);
      if (auto *err = std::get_if<BenchError>(&codeText))
        return *err;
      const std::string &codeStr = std::get<std::string>(codeText);
      auto code = decodeNotation(codeStr);
      if (auto *err = std::get_if<HexError>(&code))
        return BenchError{locate(codePath.string(), codeStr, err->offset, err->what)};
      auto shared = std::make_shared<const Bytes>(std::move(std::get<Bytes>(code)));

      auto inputsText = readFile(inputsPath);
      if (auto *err = std::get_if<BenchError>(&inputsText))
        return *err;
      auto inputs = parseInputs(std::get<std::string>(inputsText), inputsPath.string());
      if (auto *err = std::get_if<BenchError>(&inputs))
        return *err;
      for (InputCase &in : std::get<std::vector<InputCase>>(inputs)) {
        BenchCase c;
        c.group = group;
        c.name = inputsPath.stem().string();
        c.caseName = std::move(in.name);
        c.code = shared;
        c.contract = kContract;
        c.sender = kSender;
        c.input = std::move(in.input);
        // evmone's harness runs these with the largest gas limit there is.
        c.gas = std::numeric_limits<int64_t>::max();
        c.expectedOutput = std::move(in.expectedOutput);
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

Expected<std::vector<BenchCase>> loadRevmc(const fs::path &dir) {
  const fs::path manifestPath = dir / "manifest.json";
  std::ifstream in(manifestPath);
  if (!in)
    return BenchError{"cannot open " + manifestPath.string()};
  std::vector<BenchCase> out;
  try {
    json manifest = json::parse(in);
    for (const json &b : field(manifest, "benches", "")) {
      const std::string name = stringField(b, "name", "?");
      // Anything more (other contracts, pre-seeded storage) needs the fixture's
      // pre-state, which running the code directly does not build.
      if (intField(b, "pre_accounts", name) != 2 || intField(b, "pre_storage_slots", name) != 0 ||
          intField(b, "transactions", name) != 1)
        continue;
      auto to = addressFromHex(stringField(b, "to", name));
      auto sender = addressFromHex(stringField(b, "sender", name));
      auto value = Word::fromHex(stringField(b, "value", name));
      auto gasLimit = Word::fromHex(stringField(b, "gas_limit", name));
      if (!to || !sender || !value || !gasLimit)
        throw ManifestError{"bench '" + name + "': bad to, sender, value or gas_limit"};
      if (!value->isZero())
        throw ManifestError{"bench '" + name + "': a call with value is not supported"};
      const int64_t txGas = gasLimit->fitsUint64() && gasLimit->low64() <= INT64_MAX
                                ? int64_t(gasLimit->low64())
                                : std::numeric_limits<int64_t>::max();

      Bytes code = revmcCode(dir, b, name, *to);
      if (int64_t(code.size()) != intField(b, "target_code_bytes", name))
        throw ManifestError{"bench '" + name + "': code is " + std::to_string(code.size()) +
                            " bytes, the manifest says " +
                            std::to_string(intField(b, "target_code_bytes", name))};

      BenchCase c;
      c.group = "revmc";
      c.name = name;
      c.caseName = "default";
      c.code = std::make_shared<const Bytes>(std::move(code));
      c.contract = *to;
      c.sender = *sender;
      c.input = hexField(b, "calldata", name);
      // What the transaction would leave for the code after its intrinsic cost.
      c.gas = txGas - intrinsicGas(c.input);
      if (auto it = b.find("expected"); it != b.end()) {
        if (stringField(*it, "status", name) != "success")
          throw ManifestError{"bench '" + name +
                              "': only expected status 'success' is "
                              "supported"};
        c.expectedOutput = hexField(*it, "output", name);
        c.expectedGasUsed = intField(*it, "execution_gas", name);
      }
      if (b.contains("legacy_calldata")) {
        BenchCase legacy = c;
        legacy.caseName = "legacy";
        legacy.input = hexField(b, "legacy_calldata", name);
        legacy.gas = txGas - intrinsicGas(legacy.input);
        // The expectations belong to the manifest's calldata. The legacy
        // calldata is empty and these contracts have no fallback function: they
        // revert, and that path is what the earlier runner timed.
        legacy.expectedStatus = Status::Revert;
        legacy.expectedOutput.reset();
        legacy.expectedGasUsed.reset();
        out.push_back(std::move(c));
        out.push_back(std::move(legacy));
      } else {
        out.push_back(std::move(c));
      }
    }
  } catch (const ManifestError &e) {
    return BenchError{manifestPath.string() + ": " + e.message};
  } catch (const json::exception &e) {
    return BenchError{manifestPath.string() + ": " + e.what()};
  }
  return out;
}

Expected<std::vector<BenchCase>> loadEvmBenchmarks(const fs::path &dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json")
      files.push_back(it->path());
  if (ec)
    return BenchError{dir.string() + ": cannot read folder: " + ec.message()};
  std::sort(files.begin(), files.end());
  std::vector<BenchCase> out;
  for (const fs::path &path : files) {
    std::ifstream in(path);
    if (!in)
      return BenchError{"cannot open " + path.string()};
    const std::string name = path.stem().string();
    try {
      json doc = json::parse(in);
      for (const auto &[testName, test] : doc.items()) {
        const json &tx = field(test, "transaction", name);
        auto to = addressFromHex(stringField(tx, "to", name));
        auto sender = addressFromHex(stringField(tx, "sender", name));
        auto gasLimit = Word::fromHex(field(tx, "gasLimit", name).at(0).get<std::string>());
        if (!to || !sender || !gasLimit || !gasLimit->fitsUint64())
          throw ManifestError{"bench '" + name + "': bad to, sender or gasLimit"};
        const json &pre = field(test, "pre", name);
        const json *account = nullptr;
        for (const auto &[addr, acc] : pre.items())
          if (addressFromHex(addr) == to)
            account = &acc;
        if (!account)
          throw ManifestError{"bench '" + name + "': the called account is not in pre"};
        auto code = std::make_shared<const Bytes>(hexField(*account, "code", name));
        const json &labels = field(field(test, "_info", name), "labels", name);
        const json &data = field(tx, "data", name);
        for (size_t i = 0; i < data.size(); ++i) {
          BenchCase c;
          c.group = "evmbench/" + path.parent_path().filename().string();
          c.name = name;
          c.caseName = labels.value(std::to_string(i), std::to_string(i));
          c.code = code;
          c.contract = *to;
          c.sender = *sender;
          auto input = fromHex(data[i].get<std::string>());
          if (!input)
            throw ManifestError{"bench '" + name + "': data " + std::to_string(i) + " is not hex"};
          c.input = std::move(*input);
          c.gas = int64_t(gasLimit->low64()) - intrinsicGas(c.input);
          out.push_back(std::move(c));
        }
      }
    } catch (const ManifestError &e) {
      return BenchError{path.string() + ": " + e.message};
    } catch (const json::exception &e) {
      return BenchError{path.string() + ": " + e.what()};
    }
  }
  return out;
}

Runner::Runner(const BenchCase &c, Executor *executor)
    : case_(c), analysis_(*c.code), executor_(executor), codeHash_(keccak256(BytesView(*c.code))) {
  state::Account sender;
  sender.balance = ~Word{} >> 1;
  state_.insert(c.sender, std::move(sender));
  state::Account contract;
  contract.nonce = 1;
  contract.code = c.code;
  contract.codeHash = keccak256(*c.code);
  state_.insert(c.contract, std::move(contract));

  // The revmc fixtures' environment: block 1 at time 1, zero coinbase and fees.
  block_.number = 1;
  block_.timestamp = 1;
  block_.gasLimit = std::numeric_limits<int64_t>::max();
  block_.blockHash = [](int64_t n) { return keccak256(std::to_string(n)); };

  host_ = std::make_unique<state::StateHost>(
      state_, block_, state::makeTxContext(block_, c.sender, Word(0)), nullptr);

  // What a transaction warms (EIP-2929, EIP-3651); left out of the rollback
  // below.
  state_.warmAccount(c.sender);
  state_.warmAccount(c.contract);
  for (unsigned id = 1; id <= precompiles::kNumPrecompiles; ++id)
    state_.warmAccount(Address::fromUint64(id));
  state_.warmAccount(block_.coinbase);
  checkpoint_ = state_.checkpoint();

  msg_.kind = CallKind::Call;
  msg_.depth = 0;
  msg_.gas = c.gas;
  msg_.recipient = c.contract;
  msg_.codeAddress = c.contract;
  msg_.sender = c.sender;
  msg_.input = case_.input;
}

Result Runner::run() noexcept {
  Result r = executor_ ? executor_->execute(*host_, msg_, *case_.code, codeHash_)
                       : execute(*host_, msg_, analysis_);
  // Undoes storage, transient storage, warm slots and logs: the next run starts
  // equal.
  state_.rollback(checkpoint_);
  return r;
}

std::optional<std::string> checkResult(const BenchCase &c, const Result &r, int64_t gasUsed) {
  if (r.status != c.expectedStatus)
    return std::string("status ") + statusName(r.status) + ", expected " +
           statusName(c.expectedStatus);
  if (c.expectedOutput && r.output != *c.expectedOutput)
    return "output 0x" + toHex(r.output) + ", expected 0x" + toHex(*c.expectedOutput);
  if (c.expectedGasUsed && gasUsed != *c.expectedGasUsed)
    return "gas used " + std::to_string(gasUsed) + ", expected " +
           std::to_string(*c.expectedGasUsed);
  return std::nullopt;
}

} // namespace metis::bench
