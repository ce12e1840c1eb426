//===- JIT.cpp - ORC JIT for contracts --------------------------------------===//
#include "metis/Target/JIT.h"
#include "metis/runtime/abi.h"

#include "llvm/ExecutionEngine/Orc/CompileUtils.h"

#include <chrono>

namespace metis {

namespace {

/// Every builtin of abi.h, bound by address.
llvm::orc::SymbolMap builtinSymbols(llvm::orc::LLJIT &jit) {
  llvm::orc::SymbolMap map;
  auto add = [&](const char *name, void *fn) {
    map[jit.mangleAndIntern(name)] = llvm::orc::ExecutorSymbolDef(
        llvm::orc::ExecutorAddr::fromPtr(fn), llvm::JITSymbolFlags::Exported);
  };
#define METIS_BUILTIN(name) add(#name, reinterpret_cast<void *>(&name))
  METIS_BUILTIN(metis_rt_memory_grow);
  METIS_BUILTIN(metis_rt_udiv);
  METIS_BUILTIN(metis_rt_sdiv);
  METIS_BUILTIN(metis_rt_urem);
  METIS_BUILTIN(metis_rt_smod);
  METIS_BUILTIN(metis_rt_addmod);
  METIS_BUILTIN(metis_rt_mulmod);
  METIS_BUILTIN(metis_rt_exp);
  METIS_BUILTIN(metis_rt_keccak256);
  METIS_BUILTIN(metis_rt_env);
  METIS_BUILTIN(metis_rt_read);
  METIS_BUILTIN(metis_rt_copy);
  METIS_BUILTIN(metis_rt_sstore);
  METIS_BUILTIN(metis_rt_tstore);
  METIS_BUILTIN(metis_rt_log);
  METIS_BUILTIN(metis_rt_call);
  METIS_BUILTIN(metis_rt_return);
  METIS_BUILTIN(metis_rt_selfdestruct);
#undef METIS_BUILTIN
  return map;
}

} // namespace

llvm::Expected<std::unique_ptr<Jit>> Jit::create(CompileOptions options) {
  initializeNativeTarget();
  auto jit = llvm::orc::LLJITBuilder().create();
  if (!jit)
    return jit.takeError();
  if (auto err =
          (*jit)->getMainJITDylib().define(llvm::orc::absoluteSymbols(builtinSymbols(**jit))))
    return std::move(err);
  return std::unique_ptr<Jit>(new Jit(std::move(*jit), std::move(options)));
}

Jit::Jit(std::unique_ptr<llvm::orc::LLJIT> jit, CompileOptions options)
    : jit_(std::move(jit)), options_(std::move(options)) {}

llvm::Expected<CompiledContract> Jit::compileCode(BytesView code, const Bytes32 &codeHash) {
  auto start = std::chrono::steady_clock::now();
  CompileOptions options = options_;
  options.name = "0x" + toHex(codeHash);
  auto object = compileToObject(code, options);
  if (!object)
    return object.takeError();

  // One JITDylib per contract: every contract defines the same entry symbol.
  auto dylib = jit_->createJITDylib("contract-" + toHex(codeHash));
  if (!dylib)
    return dylib.takeError();
  dylib->addToLinkOrder(jit_->getMainJITDylib());
  if (auto err = jit_->addObjectFile(*dylib, std::move(*object)))
    return std::move(err);
  auto entry = jit_->lookup(*dylib, METIS_CONTRACT_ENTRY);
  if (!entry)
    return entry.takeError();

  CompiledContract compiled;
  compiled.entry = entry->toPtr<metis_contract_fn>();
  compiled.compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return compiled;
}

} // namespace metis
