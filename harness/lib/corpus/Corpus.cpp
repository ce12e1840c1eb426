//===- Corpus.cpp - The contracts and fixture files of ../shared ----------===//
#include "metis/harness/Corpus.h"
#include "metis/harness/Parallel.h"
#include "metis/runtime/HexNotation.h"
#include "metis/runtime/Keccak.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace metis::harness {

namespace fs = std::filesystem;

std::optional<std::string> readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CollectedFiles collectFiles(const std::vector<std::string> &inputs, const FileSearch &search) {
  CollectedFiles out;
  for (const std::string &input : inputs) {
    std::error_code ec;
    if (fs::is_regular_file(input, ec)) {
      out.files.emplace_back(input);
      continue;
    }
    if (!fs::is_directory(input, ec)) {
      out.errors.push_back(input + ": no such file or folder");
      continue;
    }
    std::vector<fs::path> found;
    auto consider = [&](const fs::directory_entry &entry) {
      if (entry.path().extension() == search.extension && entry.is_regular_file(ec) &&
          (!search.accept || search.accept(entry.path())))
        found.push_back(entry.path());
    };
    if (search.recursive) {
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec))
        consider(*it);
    } else {
      fs::directory_iterator it(input, ec), end;
      for (; !ec && it != end; it.increment(ec))
        consider(*it);
    }
    if (ec)
      out.errors.push_back(input + ": cannot read folder: " + ec.message());
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

std::vector<fs::path> filesUnder(const fs::path &dir, std::string_view suffix) {
  std::vector<fs::path> out;
  for (const auto &entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename().string().ends_with(suffix))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void CodeCorpus::add(std::string name, Bytes code) {
  if (code.empty())
    return;
  ++sources;
  Bytes32 hash = keccak256(code);
  auto [it, inserted] = byHash_.try_emplace(hash, entries.size());
  if (!inserted) {
    entries[it->second].aliases.push_back(std::move(name));
    return;
  }
  entries.push_back(CorpusEntry{std::move(name), {}, std::move(code), hash});
}

namespace {

/// The non-empty `code` of every `pre` account of a state-test-shaped file (one or more
/// tests, or a block with `pre` at the top), named "<label>:[<test>:]<address>".
using NamedCodes = std::vector<std::pair<std::string, Bytes>>;
std::optional<CorpusError> preCodes(const fs::path &path, const std::string &label,
                                    NamedCodes &out) {
  auto text = readFile(path);
  if (!text)
    return CorpusError{path.string() + ": cannot open file"};
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return CorpusError{path.string() + ": not a JSON object"};
  auto fromPre = [&](const nlohmann::json &pre,
                     const std::string &prefix) -> std::optional<CorpusError> {
    // Errors name the file, then the test (if several) and the account.
    std::string where = path.string() + ": " + prefix.substr(label.size() + 1);
    if (!pre.is_object())
      return CorpusError{where + "`pre` is not an object"};
    for (const auto &[address, account] : pre.items()) {
      auto code = account.is_object() ? account.find("code") : account.end();
      if (code == account.end())
        continue;
      if (!code->is_string())
        return CorpusError{where + address + ": code is not a string"};
      auto bytes = fromHex(code->get_ref<const std::string &>());
      if (!bytes)
        return CorpusError{where + address + ": code is not hex"};
      if (!bytes->empty())
        out.emplace_back(prefix + address, std::move(*bytes));
    }
    return std::nullopt;
  };
  if (doc.contains("pre"))
    return fromPre(doc["pre"], label + ":");
  // The test name only where the file holds several.
  for (const auto &[test, body] : doc.items()) {
    if (!body.is_object() || !body.contains("pre"))
      return CorpusError{path.string() + ": " + test + ": no `pre`"};
    std::string prefix = label + ":" + (doc.size() > 1 ? test + ":" : "");
    if (auto err = fromPre(body["pre"], prefix))
      return err;
  }
  return std::nullopt;
}

/// Reads the state-test-shaped `files` on `jobs` threads into `corpus`, in file order.
std::optional<CorpusError> addPreCodes(CodeCorpus &corpus, const std::vector<fs::path> &files,
                                       const fs::path &base, unsigned jobs) {
  std::vector<NamedCodes> perFile(files.size());
  std::vector<std::optional<CorpusError>> errors(files.size());
  parallelFor(files.size(), jobs, [&](size_t i, unsigned) {
    std::string label = fs::relative(files[i], base).generic_string();
    errors[i] = preCodes(files[i], label, perFile[i]);
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (errors[i])
      return errors[i];
    for (auto &[name, code] : perFile[i])
      corpus.add(std::move(name), std::move(code));
  }
  return std::nullopt;
}

std::optional<CorpusError> requireDir(const fs::path &dir) {
  if (!fs::is_directory(dir))
    return CorpusError{dir.string() + ": no such directory"};
  return std::nullopt;
}

/// Code files in evmone's notation (whitespace, `(NxHEX)`); the revmc ones may start with 0x.
std::optional<CorpusError> addHexFiles(CodeCorpus &corpus, const fs::path &dir,
                                       std::string_view suffix, const fs::path &base) {
  for (const fs::path &file : filesUnder(dir, suffix)) {
    auto text = readFile(file);
    if (!text)
      return CorpusError{file.string() + ": cannot open file"};
    auto code = decodeHexNotation(*text, HexPrefix::Optional);
    if (auto *e = std::get_if<HexNotationError>(&code))
      return CorpusError{file.string() + ": " + e->message()};
    corpus.add(fs::relative(file, base).generic_string(), std::move(std::get<Bytes>(code)));
  }
  return std::nullopt;
}

} // namespace

std::optional<CorpusError> loadBenchCorpus(const fs::path &shared, CodeCorpus &out, unsigned jobs) {
  const fs::path bench = shared / "bench";
  for (const char *sub :
       {"evmone-legacy", "revmc/rt-hex", "revmc/fixtures", "evm-benchmarks/benchmarks"})
    if (auto err = requireDir(bench / sub))
      return err;
  if (auto err = addHexFiles(out, bench / "evmone-legacy", ".bin-runtime", bench))
    return err;
  if (auto err = addHexFiles(out, bench / "revmc/rt-hex", ".rt.hex", bench))
    return err;
  std::vector<fs::path> fixtures = filesUnder(bench / "revmc/fixtures", ".json");
  for (const fs::path &file : filesUnder(bench / "evm-benchmarks/benchmarks", ".json"))
    fixtures.push_back(file);
  return addPreCodes(out, fixtures, bench, jobs);
}

std::optional<CorpusError> loadStateCorpus(const fs::path &shared, CodeCorpus &out, unsigned jobs) {
  const fs::path dir = shared / "fixtures/state";
  if (auto err = requireDir(dir))
    return err;
  return addPreCodes(out, filesUnder(dir, ".json"), dir, jobs);
}

std::optional<CorpusError> loadMainnetCorpus(const fs::path &shared, CodeCorpus &out,
                                             unsigned jobs) {
  const fs::path dir = shared / "blocks/mainnet";
  if (auto err = requireDir(dir))
    return err;
  // Blocks are named by number; the folder's summary.json is not one.
  std::vector<fs::path> blocks;
  for (const fs::path &file : filesUnder(dir, ".json"))
    if (std::isdigit(static_cast<unsigned char>(file.filename().string()[0])))
      blocks.push_back(file);
  return addPreCodes(out, blocks, dir, jobs);
}

} // namespace metis::harness
