//===- BenchInputs.cpp - Benchmark inputs and runner ----------------------===//
#include "metis/harness/BenchInputs.h"
#include "metis/runtime/HexNotation.h"
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

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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
  auto r = decodeHexNotation(text);
  if (auto *err = std::get_if<HexNotationError>(&r))
    return BenchError{err->message()};
  return std::move(std::get<Bytes>(r));
}

Expected<std::vector<InputCase>> parseInputs(std::string_view text, std::string_view fileName) {
  auto lines = splitLines(text);
  auto at = [&](size_t i, size_t column, std::string_view what) {
    return BenchError{locateInText(fileName, text, lines[i].second + column, what)};
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
    auto input = decodeHexNotation(lines[i + 1].first);
    if (auto *err = std::get_if<HexNotationError>(&input))
      return at(i + 1, err->offset, "input of '" + c.name + "': " + err->what);
    c.input = std::move(std::get<Bytes>(input));
    if (i + 2 < lines.size() && !isBlank(lines[i + 2].first)) {
      auto expected = decodeHexNotation(lines[i + 2].first);
      if (auto *err = std::get_if<HexNotationError>(&expected))
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

Expected<std::vector<BenchCase>> loadInputsFolder(const fs::path &groupDir,
                                                  const std::string &group) {
  std::vector<BenchCase> out;
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
    auto code = decodeHexNotation(codeStr);
    if (auto *err = std::get_if<HexNotationError>(&code))
      return BenchError{locateInText(codePath.string(), codeStr, err->offset, err->what)};
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
  return out;
}

Expected<std::vector<BenchCase>> loadEvmoneLegacy(const fs::path &dir) {
  std::vector<BenchCase> out;
  for (const char *group : {"main", "micro"}) {
    auto loaded = loadInputsFolder(dir / group, group);
    if (auto *err = std::get_if<BenchError>(&loaded))
      return *err;
    for (BenchCase &c : std::get<std::vector<BenchCase>>(loaded))
      out.push_back(std::move(c));
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
    : MessageRunner(MessageSetup{c.code, c.contract, c.sender, c.input, c.gas}, executor) {}

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
