//===- metisc.cpp - The metis compiler driver -------------------------------===//
//
// metisc INPUT [-o OUT] [--emit=mlir] [--input-format=hex|bin] [--mlir-print-debuginfo]
//        [--stats] [--name NAME]
//   lifts bytecode to the metis dialect and prints it (lowering to native code comes later).
// metisc run INPUT [--calldata HEX] [--gas N] [--engine interp] [--json] [--repeat N]
//   runs bytecode as a call from a default sender against a state holding only that code,
//   and prints status, gas used and output.
//
// INPUT is hex (0x optional, whitespace ignored, `(Nx<hex>)` repetition allowed) or raw bytes
// with --input-format=bin; `-` reads stdin. Errors name the file (and the offset).
//
//===----------------------------------------------------------------------===//
#include "metis/Frontend/Lift.h"
#include "metis/Target/JIT.h"
#include "metis/runtime/BenchInputs.h"

#include "mlir/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

using namespace metis;

namespace {

/// Reads INPUT and decodes it to bytecode; on failure prints one error naming the file.
std::optional<Bytes> loadCode(const std::string &path, const std::string &format);

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
  std::unique_ptr<Jit> jit;
  if (opts.engine == "jit") {
    auto created = Jit::create();
    if (!created) {
      fmt::print(stderr, "error: cannot create the JIT: {}\n",
                 llvm::toString(created.takeError()));
      return 2;
    }
    jit = std::move(*created);
  } else if (opts.engine != "interp") {
    fmt::print(stderr, "error: unknown engine '{}' (available: interp, jit)\n", opts.engine);
    return 2;
  }
  bench::BenchCase c;
  c.group = "metisc";
  c.name = opts.input;
  c.caseName = "run";
  auto code = loadCode(opts.input, opts.inputFormat);
  if (!code)
    return 1;
  c.code = std::make_shared<const Bytes>(std::move(*code));
  auto calldata = bench::parseHexNotation(opts.calldata);
  if (auto *e = std::get_if<bench::BenchError>(&calldata)) {
    fmt::print(stderr, "error: --calldata: {}\n", e->message);
    return 1;
  }
  c.input = std::move(std::get<Bytes>(calldata));
  c.contract = Address::fromUint64(0xc0de);
  c.sender = Address::fromUint64(0x5e4d);
  c.gas = opts.gas;

  bench::Runner runner(c, jit.get());
  if (jit) // compile outside the timed runs
    (void)runner.run();
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

std::optional<Bytes> loadCode(const std::string &path, const std::string &format) {
  std::string error;
  auto text = readInput(path, error);
  if (!text) {
    fmt::print(stderr, "{}\n", error);
    return std::nullopt;
  }
  Bytes code;
  if (format == "bin") {
    code.assign(text->begin(), text->end());
  } else {
    // An optional 0x prefix (after leading whitespace), as Ethereum tools print code; blanked
    // rather than cut so that error columns still count from the start of the file.
    size_t first = text->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && first + 1 < text->size() && (*text)[first] == '0' &&
        ((*text)[first + 1] == 'x' || (*text)[first + 1] == 'X'))
      text->replace(first, 2, "  ");
    auto hex = bench::parseHexNotation(*text);
    if (auto *e = std::get_if<bench::BenchError>(&hex)) {
      fmt::print(stderr, "error: {}: {}\n", path, e->message);
      return std::nullopt;
    }
    code = std::move(std::get<Bytes>(hex));
  }
  if (code.empty()) {
    fmt::print(stderr, "error: {}: empty input: no bytecode\n", path);
    return std::nullopt;
  }
  return code;
}

struct LiftCommandOptions {
  std::string input;
  std::string output = "-";
  std::string emit = "mlir";
  std::string inputFormat = "hex";
  std::string name;
  bool debugInfo = false;
  bool stats = false;
};

int compileCommand(const LiftCommandOptions &opts) {
  auto code = loadCode(opts.input, opts.inputFormat);
  if (!code)
    return 1;
  frontend::ContractAnalysis analysis(*code);
  if (opts.stats)
    fmt::print(stderr, "{}: {}\n", opts.input, frontend::formatStats(analysis.stats()));

  mlir::MLIRContext ctx;
  frontend::LiftOptions lift;
  lift.name = opts.name.empty() ? (opts.input == "-" ? "stdin" : opts.input) : opts.name;
  if (opts.name.empty()) {
    size_t slash = lift.name.find_last_of('/');
    if (slash != std::string::npos)
      lift.name = lift.name.substr(slash + 1);
  }
  auto module = frontend::liftToModule(ctx, analysis, lift);
  if (mlir::failed(mlir::verify(*module))) {
    fmt::print(stderr, "error: {}: internal error: the lifted IR does not verify\n", opts.input);
    return 1;
  }
  std::error_code ec;
  llvm::raw_fd_ostream out(opts.output, ec);
  if (ec) {
    fmt::print(stderr, "error: {}: cannot write: {}\n", opts.output, ec.message());
    return 1;
  }
  mlir::OpPrintingFlags flags;
  if (opts.debugInfo)
    flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  module->print(out, flags);
  out << "\n";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  // `metisc run ...` runs; anything else compiles.
  if (argc < 2 || std::string_view(argv[1]) != "run") {
    CLI::App app{"metisc: lift EVM bytecode to the metis dialect (and, later, compile it)."};
    LiftCommandOptions opts;
    app.add_option("input", opts.input, "bytecode file (hex, or raw with --input-format=bin; - for stdin)")
        ->required();
    app.add_option("-o", opts.output, "output file (default: stdout)");
    app.add_option("--emit", opts.emit, "what to produce")->check(CLI::IsMember({"mlir"}));
    app.add_option("--input-format", opts.inputFormat, "hex or bin")
        ->check(CLI::IsMember({"hex", "bin"}));
    app.add_option("--name", opts.name, "contract name for the symbol and locations (default: the file name)");
    app.add_flag("--mlir-print-debuginfo", opts.debugInfo, "print locations (bytecode offsets)");
    app.add_flag("--stats", opts.stats, "print the analysis statistics to stderr");
    app.footer("Run bytecode with: metisc run INPUT [--calldata HEX] [--gas N] [--json]");
    CLI11_PARSE(app, argc, argv);
    return compileCommand(opts);
  }

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
  runCmd->add_option("--engine", run.engine, "interp or jit (aot comes next)");
  runCmd->add_option("--repeat", run.repeat, "run N times and report the mean time");
  runCmd->add_flag("--json", run.json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);
  if (runCmd->parsed())
    return runCommand(run);
  return 0;
}
