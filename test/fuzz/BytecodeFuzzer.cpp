//===- BytecodeFuzzer.cpp - Any bytes as EVM code: lift, verify, run ------===//
//
// Every byte string is a program: ContractAnalysis and the lifter promise to accept any of
// them, so the lifted module must verify for every input, and a module that does not aborts
// here with its diagnostics. The same bytes then run on the interpreter as a depth-0 call
// with 100k gas, over a state holding the code, a funded sender and the precompiles, with
// calldata that picks one of the code's PUSH4 selectors (so a Solidity dispatcher gets past
// its first branch). Only crashes matter there: every status is a valid outcome.
//
//===----------------------------------------------------------------------===//
#include "metis/Frontend/Lift.h"
#include "metis/runtime/Interpreter.h"
#include "metis/runtime/Precompiles.h"
#include "metis/runtime/StateHost.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace metis;

namespace {

constexpr int64_t kGas = 100'000;

/// The MLIR context, replaced now and then: lifted locations and constants stay uniqued in a
/// context for its lifetime and would pile up over a long run (as in metis-liftcheck).
mlir::MLIRContext &context() {
  static std::unique_ptr<mlir::MLIRContext> ctx;
  static unsigned uses = 0;
  if (!ctx || ++uses > 2000) {
    ctx = std::make_unique<mlir::MLIRContext>(mlir::MLIRContext::Threading::DISABLED);
    ctx->loadDialect<MetisDialect>();
    uses = 0;
  }
  return *ctx;
}

[[noreturn]] void fail(BytesView code, const std::string &what) {
  std::fprintf(stderr, "BytecodeFuzzer: %s\ncode (%zu bytes): 0x%s\n", what.c_str(), code.size(),
               toHex(code.subspan(0, std::min<size_t>(code.size(), 4096))).c_str());
  std::abort();
}

void liftAndVerify(const frontend::ContractAnalysis &analysis) {
  mlir::MLIRContext &ctx = context();
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &diag) {
    llvm::raw_string_ostream os(diagnostics);
    os << diag.getLocation() << ": " << diag.str() << "\n";
    return mlir::success();
  });
  frontend::LiftOptions options;
  options.name = "fuzz";
  mlir::OwningOpRef<mlir::ModuleOp> module = frontend::liftToModule(ctx, analysis, options);
  if (!module)
    fail(analysis.code(), "liftToModule returned no module");
  if (mlir::failed(mlir::verify(*module)))
    fail(analysis.code(), "the lifted module does not verify:\n" + diagnostics);
  const frontend::AnalysisStats &s = analysis.stats();
  // Guards only exist where a dynamic jump does (without one, every target is exact).
  if (s.staticJumps + s.dynamicJumps != s.jumps || s.guardedJumps > s.staticJumps ||
      (s.guardedJumps && !s.dynamicJumps))
    fail(analysis.code(), "inconsistent stats: " + frontend::formatStats(s));
}

/// A PUSH4 immediate of the code chosen by the input, then up to 64 bytes of the input's tail
/// as arguments.
Bytes calldataFor(const frontend::ContractAnalysis &analysis) {
  std::vector<BytesView> selectors;
  for (const Instruction &inst : analysis.instructions())
    if (inst.opcode == 0x63 && inst.immediate.size() == 4)
      selectors.push_back(inst.immediate);
  BytesView code = analysis.code();
  Bytes calldata;
  if (!selectors.empty()) {
    BytesView sel = selectors[code.size() % selectors.size()];
    calldata.assign(sel.begin(), sel.end());
  }
  size_t tail = std::min<size_t>(code.size(), 64);
  calldata.insert(calldata.end(), code.end() - ptrdiff_t(tail), code.end());
  return calldata;
}

void run(const frontend::ContractAnalysis &analysis) {
  const Address contract = Address::fromUint64(0xc0de);
  const Address sender = Address::fromUint64(0xca11e7);
  Bytes code(analysis.code().begin(), analysis.code().end());
  Bytes calldata = calldataFor(analysis);

  state::State st;
  state::Account from;
  from.balance = Word(1'000'000'000'000'000'000ull);
  st.insert(sender, std::move(from));
  state::Account to;
  to.nonce = 1;
  to.balance = Word(1000);
  to.code = std::make_shared<const Bytes>(code);
  to.codeHash = keccak256(code);
  st.insert(contract, std::move(to));

  state::BlockInfo block;
  block.number = 1;
  block.timestamp = 1;
  block.gasLimit = 30'000'000;
  block.blockHash = [](int64_t n) { return keccak256(std::to_string(n)); };
  TxContext tx;
  tx.origin = sender;
  tx.number = block.number;
  tx.timestamp = block.timestamp;
  tx.gasLimit = block.gasLimit;
  tx.chainId = block.chainId;
  tx.blobBaseFee = state::blobBaseFee(0);
  tx.blobHashes.push_back(keccak256(calldata)); // BLOBHASH 0 reads something
  state::StateHost host(st, block, std::move(tx), nullptr);

  // What a transaction warms (EIP-2929, EIP-3651).
  st.warmAccount(sender);
  st.warmAccount(contract);
  st.warmAccount(block.coinbase);
  for (unsigned id = 1; id <= precompiles::kNumPrecompiles; ++id)
    st.warmAccount(Address::fromUint64(id));

  Message msg;
  msg.gas = kGas;
  msg.recipient = contract;
  msg.codeAddress = contract;
  msg.sender = sender;
  msg.input = calldata;
  msg.value = Word(code.empty() ? 0 : code[0]);
  Result r = execute(host, msg, code);
  if (r.gasLeft < 0 || r.gasLeft > kGas)
    fail(analysis.code(), "gas left out of range: " + std::to_string(r.gasLeft));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  frontend::ContractAnalysis analysis(BytesView(data, size));
  liftAndVerify(analysis);
  run(analysis);
  return 0;
}
