//===- AOT.cpp - Ahead-of-time compilation and loading ----------------------===//
#include "metis/Target/AOT.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/abi.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"

#include <dlfcn.h>

#include <chrono>

namespace metis {

namespace {

llvm::Error error(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Error writeMachineCode(const OptimizedModule &module, llvm::TargetMachine &tm,
                             llvm::CodeGenFileType type, const std::string &path) {
  std::error_code ec;
  llvm::ToolOutputFile out(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return error(path + ": cannot write: " + ec.message());
  // The register allocator is chosen while the passes are added.
  bool emitted = false;
  runCodegen(module, [&] {
    llvm::legacy::PassManager pm;
    if (tm.addPassesToEmitFile(pm, out.os(), nullptr, type))
      return;
    pm.run(*module.module);
    emitted = true;
  });
  if (!emitted)
    return error("the target cannot emit this kind of file");
  out.keep();
  return llvm::Error::success();
}

/// Links an object into a shared library with the system compiler driver.
llvm::Error linkSharedLibrary(const std::string &object, const std::string &path) {
  auto cc = llvm::sys::findProgramByName("cc");
  if (!cc)
    return error("cannot find the system linker driver 'cc' to build " + path);
  std::string errMsg;
  llvm::StringRef args[] = {*cc, "-shared", "-o", path, object};
  int rc = llvm::sys::ExecuteAndWait(*cc, args, std::nullopt, {}, 0, 0, &errMsg);
  if (rc != 0)
    return error("linking " + path + " failed" + (errMsg.empty() ? "" : ": " + errMsg));
  return llvm::Error::success();
}

} // namespace

llvm::Error emitContract(BytesView code, EmitKind kind, const std::string &path,
                         const CompileOptions &options) {
  llvm::LLVMContext ctx;
  auto host = compileForHost(code, ctx, options);
  if (!host)
    return host.takeError();
  const OptimizedModule &module = host->optimized;
  llvm::TargetMachine *tm = host->targetMachine.get();
  switch (kind) {
  case EmitKind::LLVMIR: {
    std::error_code ec;
    llvm::ToolOutputFile out(path, ec, llvm::sys::fs::OF_Text);
    if (ec)
      return error(path + ": cannot write: " + ec.message());
    module.module->print(out.os(), nullptr);
    out.keep();
    return llvm::Error::success();
  }
  case EmitKind::Assembly:
    return writeMachineCode(module, *tm, llvm::CodeGenFileType::AssemblyFile, path);
  case EmitKind::Object:
    return writeMachineCode(module, *tm, llvm::CodeGenFileType::ObjectFile, path);
  case EmitKind::SharedLibrary: {
    std::string object = path + ".o";
    if (auto err = writeMachineCode(module, *tm, llvm::CodeGenFileType::ObjectFile, object))
      return err;
    llvm::Error err = linkSharedLibrary(object, path);
    llvm::sys::fs::remove(object);
    return err;
  }
  }
  return error("unknown output kind");
}

llvm::Expected<std::unique_ptr<LoadedContract>> LoadedContract::load(const std::string &path,
                                                                     BytesView code) {
  std::unique_ptr<LoadedContract> contract(new LoadedContract);
  // dlopen searches the library path for a name without a slash: make it a path.
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  contract->handle_ = dlopen(absolute.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!contract->handle_)
    return error(path + ": cannot load: " + dlerror());
  auto *info =
      static_cast<const metis_contract_info *>(dlsym(contract->handle_, METIS_CONTRACT_INFO));
  if (!info)
    return error(path + ": not a metis contract library (no " METIS_CONTRACT_INFO ")");
  if (std::string why = checkContractInfo(*info, code); !why.empty())
    return error(path + ": refusing to run: " + why);
  contract->entry_ =
      reinterpret_cast<metis_contract_fn>(dlsym(contract->handle_, METIS_CONTRACT_ENTRY));
  if (!contract->entry_)
    return error(path + ": no " METIS_CONTRACT_ENTRY);
  return contract;
}

LoadedContract::~LoadedContract() {
  if (handle_)
    dlclose(handle_);
}

AotExecutor::AotExecutor(std::string cacheDir, CompileOptions options)
    : cacheDir_(std::move(cacheDir)), options_(std::move(options)) {}

llvm::Expected<CompiledContract> AotExecutor::compileCode(BytesView code, const Bytes32 &codeHash) {
  CompiledContract compiled;
  std::string path = cacheDir_ + "/" + toHex(codeHash) + ".so";
  if (!llvm::sys::fs::exists(path)) {
    auto start = std::chrono::steady_clock::now();
    CompileOptions options = options_;
    options.name = "0x" + toHex(codeHash);
    if (auto err = emitContract(code, EmitKind::SharedLibrary, path, options))
      return std::move(err);
    compiled.compileSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  auto loaded = LoadedContract::load(path, code);
  if (!loaded)
    return loaded.takeError();
  compiled.entry = (*loaded)->entry();
  compiled.owner = std::shared_ptr<const LoadedContract>(std::move(*loaded));
  return compiled;
}

} // namespace metis
