//===- BenchInputs.h - Benchmark inputs and runner --------------*- C++ -*-===//
//
// The benchmark inputs of ../shared/bench: evmone's legacy `<name>.bin-runtime` and
// `<name>.inputs` files, the revmc benches listed in `manifest.json` that need nothing but
// their own code, and ipsilon/evm-benchmarks. `Runner` executes one of them directly as a
// top-level call (no deployment, no transaction), the way evmone's benchmark harness does.
// metis-bench times it; the unit tests check its outputs.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_BENCHINPUTS_H
#define METIS_HARNESS_BENCHINPUTS_H

#include "metis/runtime/MessageRunner.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace metis::bench {

/// Input that could not be read, with the file and line at fault.
struct BenchError {
  std::string message;
};

template <typename T> using Expected = std::variant<T, BenchError>;

/// Decodes evmone's hex notation: whitespace is ignored and `(N x HEX)`
/// (written `(NxHEX)`) stands for HEX repeated N times. Errors give the 1-based
/// column.
Expected<Bytes> parseHexNotation(std::string_view text);

/// One record of an `.inputs` file.
struct InputCase {
  std::string name;
  Bytes input;
  /// Absent when the file leaves it empty.
  std::optional<Bytes> expectedOutput;
};

/// Parses an `.inputs` file: records of three lines (name, input, expected
/// output) separated by blank lines. `fileName` only labels errors.
Expected<std::vector<InputCase>> parseInputs(std::string_view text, std::string_view fileName);

/// One contract run on one input.
struct BenchCase {
  std::string group; ///< "main", "micro" (evmone-legacy), "revmc", "evmbench/...", or
                     ///< "metis" (the contracts of this repository's bench/).
  std::string name;  ///< The contract, e.g. "snailtracer".
  std::string caseName;
  std::shared_ptr<const Bytes> code;
  Address contract; ///< Where the code lives (the recipient).
  Address sender;
  Bytes input;
  int64_t gas = 0; ///< The frame's gas limit.
  /// Revert for calldata that selects no function of a contract without a
  /// fallback.
  Status expectedStatus = Status::Success;
  std::optional<Bytes> expectedOutput;
  std::optional<int64_t> expectedGasUsed;

  /// "main/snailtracer/benchmark".
  std::string id() const { return group + "/" + name + "/" + caseName; }
};

/// Every case of `<groupDir>/*.inputs` with its `.bin-runtime` (evmone's legacy format), in
/// name order, as group `group`. Code without an `.inputs` file (analysis-only) is left out.
Expected<std::vector<BenchCase>> loadInputsFolder(const std::filesystem::path &groupDir,
                                                  const std::string &group);

/// Every case of `<dir>/{main,micro}/*.inputs` with its `.bin-runtime`, in name
/// order. Code without an `.inputs` file (analysis-only) is left out.
Expected<std::vector<BenchCase>> loadEvmoneLegacy(const std::filesystem::path &dir);

/// The revmc benches of `<dir>/manifest.json` that run on their own code alone:
/// two accounts in the pre-state (sender and target) and no pre-seeded storage.
/// Each gives a case "default" with the manifest's calldata and, where an
/// earlier upstream runner used other calldata, a case "legacy" with that (it
/// is empty there, and the contracts revert on it).
Expected<std::vector<BenchCase>> loadRevmc(const std::filesystem::path &dir);
/// ipsilon/evm-benchmarks (`benchmarks/{main,micro}/*.json`, the suite evmone-bench runs):
/// one case per labelled data variant, group "evmbench/main" or "evmbench/micro"; outputs
/// are not checked (the fixtures hold London post-states only).
Expected<std::vector<BenchCase>> loadEvmBenchmarks(const std::filesystem::path &dir);

/// Runs a case as `MessageRunner` does: a depth-0 CALL from a funded sender to the contract.
class Runner : public MessageRunner {
public:
  /// Runs `c` on `executor` (a JIT, say), or the interpreter when null.
  explicit Runner(const BenchCase &c, Executor *executor = nullptr);
};

/// Why `r` does not meet the case's expectations (status, output, gas), or
/// nullopt.
std::optional<std::string> checkResult(const BenchCase &c, const Result &r, int64_t gasUsed);

} // namespace metis::bench

#endif // METIS_HARNESS_BENCHINPUTS_H
