//===- Corpus.h - The contracts and fixture files of ../shared ---*- C++ -*-===//
//
// Readers for the tools that walk the shared data: the fixture files named on a command line
// (files as given, folders searched), and the corpora of contract code that metis-liftcheck
// lifts: the benchmark contracts, the pre-state code of the state tests and of the mainnet
// blocks, each deduplicated by code hash.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_CORPUS_H
#define METIS_HARNESS_CORPUS_H

#include "metis/runtime/Bytes.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace metis::harness {

/// A file or folder that could not be read: the message names it.
struct CorpusError {
  std::string message;
};

/// The whole file, or nullopt if it cannot be opened.
std::optional<std::string> readFile(const std::filesystem::path &path);

/// Which files of a folder named on the command line are wanted.
struct FileSearch {
  std::string extension = ".json";
  bool recursive = true;
  /// Further filter on a found file (not on files named directly); null takes all.
  std::function<bool(const std::filesystem::path &)> accept;
};

struct CollectedFiles {
  std::vector<std::filesystem::path> files; ///< Files as named; each folder's finds sorted.
  std::vector<std::string> errors;          ///< "PATH: no such file or folder", ...
};

/// The files that `inputs` (files or folders) name.
CollectedFiles collectFiles(const std::vector<std::string> &inputs, const FileSearch &search);

/// The files under `dir` (recursively) whose names end in `suffix`, sorted.
std::vector<std::filesystem::path> filesUnder(const std::filesystem::path &dir,
                                              std::string_view suffix);

/// One distinct code of a corpus.
struct CorpusEntry {
  std::string name;                 ///< Where the code was first seen.
  std::vector<std::string> aliases; ///< Other places with the same code.
  Bytes code;
  Bytes32 hash;
};

/// Contract codes deduplicated by hash, in the order first seen.
class CodeCorpus {
public:
  CodeCorpus(std::string key, std::string title) : key(std::move(key)), title(std::move(title)) {}

  /// Adds `code` seen at `name`; empty code is skipped, a code already present only gains an
  /// alias.
  void add(std::string name, Bytes code);

  std::string key;    ///< "bench", "state", "mainnet".
  std::string title;  ///< What it holds, for reports.
  size_t sources = 0; ///< Non-empty codes read, before deduplication.
  std::vector<CorpusEntry> entries;

private:
  std::unordered_map<Bytes32, size_t> byHash_;
};

/// The benchmark contracts of `<shared>/bench`: evmone-legacy *.bin-runtime, revmc
/// rt-hex/*.rt.hex, and the pre-state code of the revmc fixtures and of evm-benchmarks.
/// JSON files are read on `jobs` threads.
std::optional<CorpusError> loadBenchCorpus(const std::filesystem::path &shared, CodeCorpus &out,
                                           unsigned jobs);
/// Every non-empty `pre` code of `<shared>/fixtures/state` (creation init code in transaction
/// data is not code of an account, so it is not included).
std::optional<CorpusError> loadStateCorpus(const std::filesystem::path &shared, CodeCorpus &out,
                                           unsigned jobs);
/// Every contract in the `pre` of the blocks of `<shared>/blocks/mainnet`.
std::optional<CorpusError> loadMainnetCorpus(const std::filesystem::path &shared, CodeCorpus &out,
                                             unsigned jobs);

} // namespace metis::harness

#endif // METIS_HARNESS_CORPUS_H
