//===- BenchEnginesTest.cpp - Every benchmark contract on every engine ------===//
//
// Each case of ../shared/bench/evmone-legacy (main and micro), ../shared/bench/revmc and the
// repository's bench/mlp runs on the interpreter, the JIT and the AOT tier. The interpreter
// must give the expected status and output where the inputs file has them; the compiled tiers
// must give exactly the interpreter's status, gas used and output, with every frame compiled.
// (metisc run does the same per contract by hand; this is the whole set, one test per case.)
//
//===----------------------------------------------------------------------===//
#include "engines/SharedEngines.h"
#include "metis/Target/Engine.h"
#include "metis/harness/BenchInputs.h"

#include <gtest/gtest.h>

namespace metis::bench {
/// Test names and failure messages show the case, not its bytes.
void PrintTo(const BenchCase &c, std::ostream *os) { *os << c.id(); }
} // namespace metis::bench

namespace metis {
namespace {

std::vector<bench::BenchCase> benchCases() {
  std::vector<bench::BenchCase> all;
  const std::string shared = METIS_SHARED_DIR;
  for (auto loaded : {bench::loadEvmoneLegacy(shared + "/bench/evmone-legacy"),
                      bench::loadRevmc(shared + "/bench/revmc"),
                      bench::loadInputsFolder(METIS_BENCH_DIR "/mlp", "metis")}) {
    if (auto *e = std::get_if<bench::BenchError>(&loaded)) {
      ADD_FAILURE() << e->message;
      continue;
    }
    for (auto &c : std::get<std::vector<bench::BenchCase>>(loaded))
      all.push_back(std::move(c));
  }
  return all;
}

class BenchEnginesTest : public ::testing::TestWithParam<bench::BenchCase> {};

TEST_P(BenchEnginesTest, CompiledTiersMatchTheInterpreter) {
  const bench::BenchCase &c = GetParam();
  bench::Runner interp(c);
  Result expected = interp.run();
  int64_t expectedGas = interp.gasUsed(expected);
  EXPECT_EQ(bench::checkResult(c, expected, expectedGas), std::nullopt);

  for (const std::string &name : Engine::compiledNames()) {
    SCOPED_TRACE(name);
    Engine &e = test::sharedEngine(name);
    size_t fallbacks = e.fallbackCount();
    bench::Runner runner(c, e.executor());
    Result r = runner.run();
    EXPECT_EQ(e.fallbackCount(), fallbacks) << e.firstError();
    EXPECT_EQ(r.status, expected.status);
    EXPECT_EQ(runner.gasUsed(r), expectedGas);
    EXPECT_EQ(toHex(r.output), toHex(expected.output));
  }
}

INSTANTIATE_TEST_SUITE_P(Bench, BenchEnginesTest, ::testing::ValuesIn(benchCases()),
                         [](const auto &info) {
                           std::string id = info.param.id();
                           for (char &ch : id)
                             if (!std::isalnum(static_cast<unsigned char>(ch)))
                               ch = '_';
                           return id;
                         });

} // namespace
} // namespace metis
