//===- metisc.cpp - The metis compiler driver -------------------------------===//
//
// metisc run INPUT [--calldata HEX] [--gas N] [--engine interp] [--json] [--repeat N]
//
// Runs bytecode as a call from a default sender against a state holding only that code, and
// prints status, gas used, output and logs. INPUT is hex (0x optional, whitespace ignored,
// `(Nx<hex>)` repetition allowed) or raw bytes with --input-format=bin; `-` reads stdin.
// Compilation (--emit=mlir, obj, so) joins in later issues.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/BenchInputs.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

using namespace metis;

namespace {

struct RunOptions {
  std::string input;
  std::string inputFormat = "hex";
  std::string calldata;
  int64_t gas = 1'000'000'000;
  std::string engine = "interp";
  bool json = false;
  unsigned repeat = 1;
};

/// Reads INPUT as text or bytes; errors name the file.
std::optional<std::string> readInput(const std::string &path, std::string &error) {
  if (path == "-") {
    std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return s;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("error: {}: cannot open file", path);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int runCommand(const RunOptions &opts) {
  if (opts.engine != "interp") {
    fmt::print(stderr, "error: unknown engine '{}' (available: interp)\n", opts.engine);
    return 2;
  }
  std::string error;
  auto text = readInput(opts.input, error);
  if (!text) {
    fmt::print(stderr, "{}\n", error);
    return 1;
  }
  bench::BenchCase c;
  c.group = "metisc";
  c.name = opts.input;
  c.caseName = "run";
  if (opts.inputFormat == "bin") {
    c.code = std::make_shared<const Bytes>(text->begin(), text->end());
  } else {
    auto code = bench::parseHexNotation(*text);
    if (auto *e = std::get_if<bench::BenchError>(&code)) {
      fmt::print(stderr, "error: {}: {}\n", opts.input, e->message);
      return 1;
    }
    c.code = std::make_shared<const Bytes>(std::move(std::get<Bytes>(code)));
  }
  auto calldata = bench::parseHexNotation(opts.calldata);
  if (auto *e = std::get_if<bench::BenchError>(&calldata)) {
    fmt::print(stderr, "error: --calldata: {}\n", e->message);
    return 1;
  }
  c.input = std::move(std::get<Bytes>(calldata));
  c.contract = Address::fromUint64(0xc0de);
  c.sender = Address::fromUint64(0x5e4d);
  c.gas = opts.gas;

  bench::Runner runner(c);
  Result result;
  auto start = std::chrono::steady_clock::now();
  for (unsigned i = 0; i < std::max(1u, opts.repeat); ++i)
    result = runner.run();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count() /
              std::max(1u, opts.repeat);
  int64_t gasUsed = runner.gasUsed(result);

  if (opts.json) {
    fmt::print("{{\"engine\":\"{}\",\"status\":\"{}\",\"gasUsed\":{},\"output\":\"0x{}\","
               "\"timeMs\":{:.3f}}}\n",
               opts.engine, statusName(result.status), gasUsed, toHex(result.output), ms);
  } else {
    fmt::print("engine:   {}\nstatus:   {}\ngas used: {}\noutput:   0x{}\ntime:     {:.3f} ms\n",
               opts.engine, statusName(result.status), gasUsed, toHex(result.output), ms);
  }
  return result.status == Status::Success ? 0 : 3;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"metis: compile and run EVM bytecode."};
  app.require_subcommand(1);
  RunOptions run;
  CLI::App *runCmd = app.add_subcommand("run", "run bytecode against an empty state");
  runCmd->add_option("input", run.input, "bytecode file (hex, or raw with --input-format=bin; - for stdin)")
      ->required();
  runCmd->add_option("--input-format", run.inputFormat, "hex or bin")
      ->check(CLI::IsMember({"hex", "bin"}));
  runCmd->add_option("--calldata", run.calldata, "calldata as hex");
  runCmd->add_option("--gas", run.gas, "gas limit of the call")->check(CLI::PositiveNumber);
  runCmd->add_option("--engine", run.engine, "interp (jit and aot come with the compiler)");
  runCmd->add_option("--repeat", run.repeat, "run N times and report the mean time");
  runCmd->add_flag("--json", run.json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);
  if (runCmd->parsed())
    return runCommand(run);
  return 0;
}
