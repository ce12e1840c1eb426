//===- metisc.cpp - The metis compiler driver -------------------------------===//
//
// metisc INPUT [-o OUT] [--emit=mlir|llvm|asm|obj|so] [--level fast|default] [-O0..3]
//        [--llvm-passes PIPELINE] [--disable-pass PASS] [--input-format=hex|bin]
//        [--mlir-print-debuginfo] [--stats]
//        [--timing] [--name NAME] [--region-size N]
//   lifts bytecode to the metis dialect (mlir), or compiles it to LLVM IR, assembly, an
//   object file or a shared library that metis loads (so).
// metisc run INPUT [--calldata HEX|@FILE] [--gas N] [--engine interp|jit|aot] [--level L]
//        [--llvm-passes PIPELINE] [--disable-pass PASS] [--so LIB] [--json] [--repeat N]
//   runs bytecode as a call from a default sender against a state holding only that code,
//   and prints status, gas used and output. --so runs a library made by --emit=so, which
//   must have been compiled from INPUT.
//
// INPUT is hex (0x optional, whitespace ignored, `(Nx<hex>)` repetition allowed) or raw bytes
// with --input-format=bin; `-` reads stdin. Errors name the file (and the offset).
//
//===----------------------------------------------------------------------===//
#include "metis/Frontend/Lift.h"
#include "metis/Target/Engine.h"
#include "metis/runtime/HexNotation.h"
#include "metis/runtime/MessageRunner.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/PassTimingInfo.h"
#include "llvm/Pass.h"
#include "llvm/Support/CommandLine.h"

#include "mlir/IR/Verifier.h"
#include "llvm/Support/FileSystem.h"
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
/// Decodes --calldata: hex notation, or `@FILE` for a file holding it (as `evmc run --input
/// @FILE`), since a shell refuses arguments as long as evmone's 64 KiB bench inputs.
std::optional<Bytes> loadCalldata(const std::string &arg);

/// Runs one loaded contract library for the code it was checked against.
class LibraryExecutor final : public Executor {
public:
  LibraryExecutor(const LoadedContract &contract, BytesView code)
      : contract_(contract), analysis_(code), code_(code) {}
  Result execute(Host &host, const Message &msg, BytesView code,
                 const Bytes32 &) noexcept override {
    if (code.size() == code_.size() && std::equal(code.begin(), code.end(), code_.begin()))
      return executeCompiled(host, msg, analysis_, contract_.entry());
    return metis::execute(host, msg, code); // other contracts it calls
  }

private:
  const LoadedContract &contract_;
  CodeAnalysis analysis_;
  BytesView code_;
};

struct RunOptions {
  std::string input;
  std::string inputFormat = "hex";
  std::string calldata;
  int64_t gas = 1'000'000'000;
  std::string engine{Engine::kInterp};
  std::string library;
  bool json = false;
  unsigned repeat = 1;
  std::string level = "default";
  std::string llvmPasses;
  std::vector<std::string> disabledPasses;
};

/// Reads --level into `options`; false (after printing the error) if it names no level.
bool applyLevel(const std::string &name, CompileOptions &options) {
  auto level = parseCompileLevel(name);
  if (!level) {
    fmt::print(stderr, "error: unknown compile level '{}' (available: {})\n", name,
               llvm::join(compileLevelNames(), ", "));
    return false;
  }
  options.level = *level;
  return true;
}

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
  // With --so the given library runs (LibraryExecutor); otherwise the engine compiles.
  CompileOptions compile;
  if (!applyLevel(opts.level, compile))
    return 2;
  compile.llvmPasses = opts.llvmPasses;
  compile.lowering.disabledPasses.insert(opts.disabledPasses.begin(), opts.disabledPasses.end());
  auto engine = Engine::create(opts.library.empty() ? opts.engine : Engine::kInterp, compile);
  if (!engine) {
    fmt::print(stderr, "error: {}\n", llvm::toString(engine.takeError()));
    return 2;
  }
  if (!opts.library.empty() && opts.engine != Engine::kAot) {
    fmt::print(stderr, "error: --so needs --engine=aot\n");
    return 2;
  }
  auto code = loadCode(opts.input, opts.inputFormat);
  if (!code)
    return 1;
  auto calldata = loadCalldata(opts.calldata);
  if (!calldata)
    return 1;
  MessageSetup setup;
  setup.code = std::make_shared<const Bytes>(std::move(*code));
  setup.input = std::move(*calldata);
  setup.contract = Address::fromUint64(0xc0de);
  setup.sender = Address::fromUint64(0x5e4d);
  setup.gas = opts.gas;

  // AOT from a given library, checked against the code.
  std::unique_ptr<LoadedContract> library;
  std::unique_ptr<LibraryExecutor> fromLibrary;
  if (!opts.library.empty()) {
    auto loaded = LoadedContract::load(opts.library, *setup.code);
    if (!loaded) {
      fmt::print(stderr, "error: {}\n", llvm::toString(loaded.takeError()));
      return 1;
    }
    library = std::move(*loaded);
    fromLibrary = std::make_unique<LibraryExecutor>(*library, *setup.code);
  }
  Executor *executor = fromLibrary ? fromLibrary.get() : (*engine)->executor();
  MessageRunner runner(std::move(setup), executor);
  if (executor) // compile outside the timed runs
    (void)runner.run();
  if ((*engine)->fallbackCount()) {
    fmt::print(stderr, "error: {}: compiling failed: {}\n", opts.input, (*engine)->firstError());
    return 1;
  }
  Result result;
  auto start = std::chrono::steady_clock::now();
  for (unsigned i = 0; i < std::max(1u, opts.repeat); ++i)
    result = runner.run();
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      std::max(1u, opts.repeat);
  int64_t gasUsed = runner.gasUsed(result);

  const double compileMs = (*engine)->compileSeconds() * 1000;
  if (opts.json) {
    fmt::print("{{\"engine\":\"{}\",\"status\":\"{}\",\"gasUsed\":{},\"output\":\"0x{}\","
               "\"timeMs\":{:.3f},\"compileMs\":{:.3f}}}\n",
               opts.engine, statusName(result.status), gasUsed, toHex(result.output), ms,
               compileMs);
  } else {
    fmt::print("engine:   {}\nstatus:   {}\ngas used: {}\noutput:   0x{}\ntime:     {:.3f} ms\n",
               opts.engine, statusName(result.status), gasUsed, toHex(result.output), ms);
    if ((*engine)->executor())
      fmt::print("compile:  {:.1f} ms\n", compileMs);
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
    auto hex = decodeHexNotation(*text, HexPrefix::Optional);
    if (auto *e = std::get_if<HexNotationError>(&hex)) {
      fmt::print(stderr, "error: {}: {}\n", path, e->message());
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

std::optional<Bytes> loadCalldata(const std::string &arg) {
  std::string source = "--calldata", text = arg;
  if (arg.starts_with("@")) {
    std::string error;
    source = arg.substr(1);
    auto file = readInput(source, error);
    if (!file) {
      fmt::print(stderr, "{}\n", error);
      return std::nullopt;
    }
    text = std::move(*file);
  }
  auto hex = decodeHexNotation(text, HexPrefix::Optional);
  if (auto *e = std::get_if<HexNotationError>(&hex)) {
    fmt::print(stderr, "error: {}: {}\n", source, e->message());
    return std::nullopt;
  }
  return std::move(std::get<Bytes>(hex));
}

struct LiftCommandOptions {
  std::string input;
  std::string output = "-";
  std::string emit = "mlir";
  unsigned optLevel = 2;
  std::string inputFormat = "hex";
  std::string name;
  bool debugInfo = false;
  bool stats = false;
  bool timing = false;
  uint32_t regionSize = kDefaultRegionInstructions;
  std::string level = "default";
  std::string llvmPasses;
  std::vector<std::string> disabledPasses;
};

int compileCommand(const LiftCommandOptions &opts) {
  auto code = loadCode(opts.input, opts.inputFormat);
  if (!code)
    return 1;
  if (opts.emit != "mlir") {
    if (opts.output == "-" && (opts.emit == "obj" || opts.emit == "so")) {
      fmt::print(stderr, "error: --emit={} needs an output file (-o)\n", opts.emit);
      return 1;
    }
    CompileOptions options;
    if (!applyLevel(opts.level, options))
      return 1;
    options.llvmPasses = opts.llvmPasses;
    options.lowering.disabledPasses.insert(opts.disabledPasses.begin(), opts.disabledPasses.end());
    options.llvmOptLevel = opts.optLevel;
    options.timing = opts.timing;
    options.regions.maxInstructions = opts.regionSize;
    options.lowering.optLevel = opts.optLevel;
    options.name = opts.name.empty() ? "contract" : opts.name;
    EmitKind kind = opts.emit == "llvm"  ? EmitKind::LLVMIR
                    : opts.emit == "asm" ? EmitKind::Assembly
                    : opts.emit == "obj" ? EmitKind::Object
                                         : EmitKind::SharedLibrary;
    if (auto err = emitContract(*code, kind, opts.output, options)) {
      fmt::print(stderr, "error: {}: {}\n", opts.input, llvm::toString(std::move(err)));
      return 1;
    }
    return 0;
  }
  frontend::ContractAnalysis analysis(*code);
  if (opts.stats)
    fmt::print(stderr, "{}: {}\n", opts.input, frontend::formatStats(analysis.stats()));

  mlir::MLIRContext ctx;
  frontend::LiftOptions lift;
  lift.regions.maxInstructions = opts.regionSize;
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
  // LLVM's own options (-time-passes, -print-after=...), as `clang -mllvm` passes them.
  const char *self[] = {argv[0]};
  llvm::cl::ParseCommandLineOptions(1, self, "", nullptr, "METISC_LLVM_OPTIONS");
  // `metisc run ...` runs; anything else compiles.
  if (argc < 2 || std::string_view(argv[1]) != "run") {
    CLI::App app{"metisc: lift EVM bytecode to the metis dialect, or compile it to LLVM IR, "
                 "assembly, an object file or a shared library."};
    LiftCommandOptions opts;
    app.add_option("input", opts.input,
                   "bytecode file (hex, or raw with --input-format=bin; - for stdin)")
        ->required();
    app.add_option("-o", opts.output, "output file (default: stdout)");
    app.add_option("--emit", opts.emit,
                   "mlir (the lifted dialect), llvm (LLVM IR), asm, obj or so (a shared "
                   "library metis can load)")
        ->check(CLI::IsMember({"mlir", "llvm", "asm", "obj", "so"}));
    app.add_option("--level", opts.level,
                   "compile level: fast (first compiles) or default (docs/compile-levels.md)");
    app.add_option("-O", opts.optLevel,
                   "code generation level 0-3 at the default level (default 2; 0: no "
                   "optimisation at all)")
        ->check(CLI::Range(0, 3));
    app.add_option("--llvm-passes", opts.llvmPasses,
                   "LLVM IR pipeline instead of the level's, as opt -passes= takes it");
    app.add_option("--input-format", opts.inputFormat, "hex or bin")
        ->check(CLI::IsMember({"hex", "bin"}));
    app.add_option("--disable-pass", opts.disabledPasses,
                   "leave this metis pass out of the pipeline (repeatable), to bisect a "
                   "miscompile")
        ->check(CLI::IsMember(optionalPassNames()));
    app.add_option("--name", opts.name,
                   "contract name for the symbol and locations (default: the file name)");
    app.add_flag("--mlir-print-debuginfo", opts.debugInfo, "print locations (bytecode offsets)");
    app.add_option("--region-size", opts.regionSize,
                   "instructions per region, the compile unit (default " +
                       std::to_string(kDefaultRegionInstructions) + "; 0: the whole contract)");
    app.add_flag("--stats", opts.stats, "print the analysis statistics to stderr");
    app.add_flag("--timing", opts.timing, "print MLIR and LLVM pass timings to stderr");
    app.footer("Run bytecode with: metisc run INPUT [--calldata HEX|@FILE] [--gas N] "
               "[--engine interp|jit|aot] [--json]");
    CLI11_PARSE(app, argc, argv);
    int rc = compileCommand(opts);
    if (llvm::TimePassesIsEnabled)
      llvm::reportAndResetTimings();
    return rc;
  }

  CLI::App app{"metis: compile and run EVM bytecode."};
  app.require_subcommand(1);
  RunOptions run;
  CLI::App *runCmd = app.add_subcommand("run", "run bytecode against an empty state");
  runCmd
      ->add_option("input", run.input,
                   "bytecode file (hex, or raw with --input-format=bin; - for stdin)")
      ->required();
  runCmd->add_option("--input-format", run.inputFormat, "hex or bin")
      ->check(CLI::IsMember({"hex", "bin"}));
  runCmd->add_option("--calldata", run.calldata,
                     "calldata as hex (evmone's notation), or @FILE to read it from FILE");
  runCmd->add_option("--gas", run.gas, "gas limit of the call")->check(CLI::PositiveNumber);
  runCmd->add_option("--engine", run.engine, "interp, jit or aot");
  runCmd->add_option("--level", run.level,
                     "compile level of jit and aot: fast, default, or baseline (jit only)");
  runCmd->add_option("--llvm-passes", run.llvmPasses,
                     "LLVM IR pipeline instead of the level's, as opt -passes= takes it");
  runCmd
      ->add_option("--disable-pass", run.disabledPasses,
                   "leave this metis pass out of the pipeline (repeatable)")
      ->check(CLI::IsMember(optionalPassNames()));
  runCmd->add_option("--so", run.library, "with --engine=aot: a library made by --emit=so");
  runCmd->add_option("--repeat", run.repeat, "run N times and report the mean time");
  runCmd->add_flag("--json", run.json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);
  if (runCmd->parsed())
    return runCommand(run);
  return 0;
}
