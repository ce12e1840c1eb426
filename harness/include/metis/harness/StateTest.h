//===- StateTest.h - Ethereum state-test fixtures ----------------*- C++ -*-===//
//
// Loads the JSON state tests of ethereum/tests (GeneralStateTests, the Cancun entries) and
// runs one case: a fresh copy of the pre-state, one transaction, then the post-state root,
// the logs hash and the expected exception are compared. The format is described in
// ../shared/README.md.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_HARNESS_STATETEST_H
#define METIS_HARNESS_STATETEST_H

#include "metis/runtime/Transaction.h"

#include <filesystem>
#include <memory>
#include <string>

namespace metis::statetest {

/// One post.Cancun entry: a concrete transaction and what it must produce.
struct Case {
  size_t dataIndex = 0, gasIndex = 0, valueIndex = 0;
  /// The transaction, or why its fields cannot form one (then it must be rejected).
  std::optional<state::Transaction> tx;
  std::string encodingError;
  Bytes32 expectedRoot;
  Bytes32 expectedLogsHash;
  std::string expectException; ///< Alternatives joined by '|'; empty if valid.
};

struct Test {
  std::string name;
  state::BlockInfo block;
  state::State pre;
  std::vector<Case> cases;
};

/// A fixture that could not be read, with where the problem is.
struct LoadError {
  std::string message;
};

/// Parses a state-test file. Errors name the test and field at fault.
std::variant<std::vector<Test>, LoadError> loadFile(const std::filesystem::path &path);

struct Outcome {
  enum Kind { Pass, Fail } kind = Pass;
  std::string message; ///< What differed.
};

/// Runs one case; `executor` chooses the tier (the interpreter when null).
Outcome runCase(const Test &test, const Case &c, Tracer *tracer = nullptr,
                Executor *executor = nullptr);

/// An EIP-3155 tracer writing one JSON object per instruction to a stream.
std::unique_ptr<Tracer> makeJsonTracer(std::FILE *out);

} // namespace metis::statetest

#endif // METIS_HARNESS_STATETEST_H
