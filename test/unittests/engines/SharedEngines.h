//===- SharedEngines.h - One engine per tier for the whole test binary -*- C++ -*-===//
//
// The engine tests compile the same contracts (the MLP runs in both BenchEnginesTest and
// MlpTest): one engine per tier for the whole run, so each contract compiles once per tier.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TEST_UNITTESTS_ENGINES_SHAREDENGINES_H
#define METIS_TEST_UNITTESTS_ENGINES_SHAREDENGINES_H

#include "metis/Target/Engine.h"

#include <map>
#include <memory>
#include <string>

namespace metis::test {

/// The engine called `name`, compiling at `level`, created on first use.
inline Engine &sharedEngine(const std::string &name, CompileLevel level = CompileLevel::Default) {
  static std::map<std::pair<std::string, CompileLevel>, std::unique_ptr<Engine>> engines;
  auto &e = engines[{name, level}];
  if (!e) {
    CompileOptions options;
    options.level = level;
    auto created = Engine::create(name, options);
    if (!created)
      llvm::report_fatal_error(created.takeError());
    e = std::move(*created);
  }
  return *e;
}

} // namespace metis::test

#endif // METIS_TEST_UNITTESTS_ENGINES_SHAREDENGINES_H
