//===- BenchInputsTest.cpp - Benchmark inputs and outputs -----------------===//
//
// The hex notation and `.inputs` parsers on small strings, then every benchmark
// case with a known output run through the interpreter, so metis-bench never
// times a wrong answer.
//
//===----------------------------------------------------------------------===//
#include "metis/harness/BenchInputs.h"

#include <cctype>
#include <gtest/gtest.h>

using namespace metis;
using namespace metis::bench;

namespace metis::bench {
// Names a failing parameterised case instead of dumping its bytes.
void PrintTo(const BenchCase &c, std::ostream *os) { *os << c.id(); }
} // namespace metis::bench

namespace {

const std::filesystem::path kShared = METIS_SHARED_DIR;

Bytes hex(std::string_view s) { return *fromHex(s); }

Bytes decoded(std::string_view notation) {
  auto r = parseHexNotation(notation);
  if (auto *err = std::get_if<BenchError>(&r)) {
    ADD_FAILURE() << "'" << notation << "': " << err->message;
    return {};
  }
  return std::get<Bytes>(r);
}

std::string errorOf(std::string_view notation) {
  auto r = parseHexNotation(notation);
  auto *err = std::get_if<BenchError>(&r);
  return err ? err->message : "(no error)";
}

std::string inputsErrorOf(std::string_view text) {
  auto r = parseInputs(text, "t.inputs");
  auto *err = std::get_if<BenchError>(&r);
  return err ? err->message : "(no error)";
}

TEST(HexNotation, PlainAndWhitespace) {
  EXPECT_EQ(decoded(""), Bytes{});
  EXPECT_EQ(decoded("00ff1A"), hex("00ff1a"));
  EXPECT_EQ(decoded(" 00 f\tf\n1a \r\n"), hex("00ff1a"));
}

TEST(HexNotation, Repetition) {
  EXPECT_EQ(decoded("(3x00)"), hex("000000"));
  EXPECT_EQ(decoded("aa(2xb0c1)dd"), hex("aab0c1b0c1dd"));
  EXPECT_EQ(decoded("(0xff)"), Bytes{});
  EXPECT_EQ(decoded("(2x a b )(1x00)"), hex("abab00"));
  EXPECT_EQ(decoded("(65536x00)").size(), 65536u);
}

TEST(HexNotation, Errors) {
  EXPECT_EQ(errorOf("abc"), "column 3: odd number of hex digits");
  // Digits cannot pair up across a repetition.
  EXPECT_EQ(errorOf("a(2x00)b"), "column 1: odd number of hex digits");
  EXPECT_EQ(errorOf("(2x0)"), "column 4: odd number of hex digits");
  EXPECT_EQ(errorOf("00zz"), "column 3: unexpected character 'z'");
  EXPECT_EQ(errorOf("(2x00"), "column 1: unclosed '('");
  EXPECT_EQ(errorOf("(x00)"), "column 1: expected '(<count>x<hex>)'");
  EXPECT_EQ(errorOf("(2y00)"), "column 1: expected '(<count>x<hex>)'");
  EXPECT_EQ(errorOf("(2x)"), "column 1: empty repetition");
  EXPECT_EQ(errorOf("(99999999999x00)"), "column 2: repetition count too large");
}

TEST(Inputs, Records) {
  auto r = parseInputs("\nfirst\n(2x01)02\naabb\n\nsecond\n00\n\n\nthird\n\n", "t.inputs");
  ASSERT_TRUE(std::holds_alternative<std::vector<InputCase>>(r)) << std::get<BenchError>(r).message;
  const auto &cases = std::get<std::vector<InputCase>>(r);
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].name, "first");
  EXPECT_EQ(cases[0].input, hex("010102"));
  EXPECT_EQ(cases[0].expectedOutput, hex("aabb"));
  EXPECT_EQ(cases[1].name, "second");
  EXPECT_EQ(cases[1].input, hex("00"));
  EXPECT_FALSE(cases[1].expectedOutput);
  // A record cut short at the end of the file: empty input, nothing to check.
  EXPECT_EQ(cases[2].name, "third");
  EXPECT_TRUE(cases[2].input.empty());
  EXPECT_FALSE(cases[2].expectedOutput);
}

TEST(Inputs, ErrorsNameFileAndLine) {
  EXPECT_EQ(inputsErrorOf("a\n00\n11\n\nb\n0g\n"),
            "t.inputs:6:2: input of 'b': unexpected character 'g'");
  EXPECT_EQ(inputsErrorOf("a\n00\n111\n"),
            "t.inputs:3:3: expected output of 'a': odd number of hex digits");
  EXPECT_EQ(inputsErrorOf("a\n00\n11\nb\n00\n11\n"),
            "t.inputs:4:1: expected a blank line after the case 'a' starting "
            "at line 1");
  EXPECT_EQ(inputsErrorOf("a\n00\n11\n\na\n00\n11\n"), "t.inputs:5:1: duplicate case name 'a'");
  EXPECT_EQ(inputsErrorOf("\n\nlast"), "t.inputs:3:1: case 'last' has no input line");
  EXPECT_EQ(inputsErrorOf("two words\n00\n"),
            "t.inputs:1:1: case name 'two words' contains whitespace");
}

/// The cases to run, loaded once; a load error fails `Load.*` and leaves the
/// lists empty.
std::vector<BenchCase> loadOrEmpty(Expected<std::vector<BenchCase>> loaded) {
  if (auto *cases = std::get_if<std::vector<BenchCase>>(&loaded))
    return std::move(*cases);
  return {};
}

const std::vector<BenchCase> &legacyCases() {
  static const auto cases = loadOrEmpty(loadEvmoneLegacy(kShared / "bench/evmone-legacy"));
  return cases;
}

const std::vector<BenchCase> &revmcCases() {
  static const auto cases = loadOrEmpty(loadRevmc(kShared / "bench/revmc"));
  return cases;
}

std::vector<BenchCase> checkedLegacyCases() {
  std::vector<BenchCase> out;
  for (const BenchCase &c : legacyCases())
    if (c.expectedOutput)
      out.push_back(c);
  return out;
}

TEST(Load, EvmoneLegacy) {
  auto r = loadEvmoneLegacy(kShared / "bench/evmone-legacy");
  ASSERT_TRUE(std::holds_alternative<std::vector<BenchCase>>(r)) << std::get<BenchError>(r).message;
  const auto &cases = std::get<std::vector<BenchCase>>(r);
  // ../shared/README.md: 25 cases in main and 13 in micro; all of main and
  // signextend's two have an expected output.
  EXPECT_EQ(cases.size(), 38u);
  EXPECT_EQ(checkedLegacyCases().size(), 27u);
  for (const BenchCase &c : cases)
    if (c.name == "snailtracer")
      EXPECT_EQ(c.code->size(), 17192u);
}

TEST(Load, Revmc) {
  auto r = loadRevmc(kShared / "bench/revmc");
  ASSERT_TRUE(std::holds_alternative<std::vector<BenchCase>>(r)) << std::get<BenchError>(r).message;
  std::vector<std::string> ids;
  for (const BenchCase &c : std::get<std::vector<BenchCase>>(r))
    ids.push_back(c.name + "/" + c.caseName);
  const std::vector<std::string> expected = {
      "fibonacci-calldata/default", "factorial/default",       "counter/default",
      "snailtracer/default",        "hash_10k/default",        "erc20_transfer/default",
      "push0_proxy/default",        "usdc_proxy/default",      "fiat_token/default",
      "fiat_token/legacy",          "uniswap_v2_pair/default", "uniswap_v2_pair/legacy",
      "univ2_router/default",       "airdrop/default",         "bswap64/default",
      "bswap64_opt/default"};
  EXPECT_EQ(ids, expected);
}

// A contract that writes storage must see the same pre-state on every run.
TEST(Runner, RepeatsAfterStorageWrites) {
  for (const BenchCase &c : revmcCases()) {
    if (c.name != "counter")
      continue;
    Runner runner(c);
    Result first = runner.run();
    Result second = runner.run();
    ASSERT_EQ(first.status, Status::Success);
    EXPECT_EQ(runner.gasUsed(first), runner.gasUsed(second));
    EXPECT_EQ(first.output, second.output);
    return;
  }
  FAIL() << "no revmc counter bench";
}

std::string paramName(const testing::TestParamInfo<BenchCase> &info) {
  std::string id = info.param.id();
  for (char &ch : id)
    if (!std::isalnum(uint8_t(ch)))
      ch = '_';
  return id;
}

class LegacyOutput : public testing::TestWithParam<BenchCase> {};

TEST_P(LegacyOutput, Matches) {
  const BenchCase &c = GetParam();
  Runner runner(c);
  Result r = runner.run();
  auto mismatch = checkResult(c, r, runner.gasUsed(r));
  EXPECT_FALSE(mismatch) << c.id() << ": " << *mismatch;
}

INSTANTIATE_TEST_SUITE_P(EvmoneLegacy, LegacyOutput, testing::ValuesIn(checkedLegacyCases()),
                         paramName);

// revmc benches: the expected status, and the output and gas where the manifest
// gives them.
class RevmcRun : public testing::TestWithParam<BenchCase> {};

TEST_P(RevmcRun, Matches) {
  const BenchCase &c = GetParam();
  Runner runner(c);
  Result r = runner.run();
  auto mismatch = checkResult(c, r, runner.gasUsed(r));
  EXPECT_FALSE(mismatch) << c.id() << ": " << *mismatch;
}

INSTANTIATE_TEST_SUITE_P(Revmc, RevmcRun, testing::ValuesIn(revmcCases()), paramName);

} // namespace
