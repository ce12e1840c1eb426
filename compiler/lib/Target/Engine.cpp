//===- Engine.cpp - The execution tiers by name -----------------------------===//
#include "metis/Target/Engine.h"
#ifndef METIS_ENGINE_WITHOUT_BASELINE
#include "metis/Target/BaselineJit.h"
#endif

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

namespace metis {

std::vector<std::string> Engine::names() {
  return {std::string(kInterp), std::string(kJit), std::string(kAot), std::string(kMixed)};
}

std::vector<std::string> Engine::compiledNames() {
  return {std::string(kJit), std::string(kAot), std::string(kMixed)};
}

llvm::Expected<std::unique_ptr<Engine>> Engine::create(llvm::StringRef name,
                                                       CompileOptions options) {
  std::unique_ptr<Engine> engine(new Engine);
  engine->name_ = name.str();
  const std::string_view id = name;
  if (id == kMixed) {
    options.regions.maxInstructions = kMixedRegionInstructions;
    if (options.mixedSeed == 0)
      options.mixedSeed = 1;
  }
  if (options.level == CompileLevel::Baseline && id != kInterp) {
    // The baseline emitter compiles whole contracts: no regions to mix, no library yet.
    if (id != kJit)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "the baseline level runs on the jit engine only, not on '" +
                                         name.str() + "'");
#ifdef METIS_ENGINE_WITHOUT_BASELINE
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "this build has no baseline tier (libmetis-engines.so: the "
                                   "assembler library is not position-independent)");
#else
    engine->executor_ = std::make_unique<BaselineJit>();
#endif
  } else if (id == kJit || id == kMixed) {
    auto jit = Jit::create(std::move(options));
    if (!jit)
      return jit.takeError();
    engine->executor_ = std::move(*jit);
  } else if (id == kAot) {
    llvm::SmallString<128> dir;
    if (auto ec = llvm::sys::fs::createUniqueDirectory("metis-aot", dir))
      return llvm::createStringError(ec, "cannot create a temporary folder: " + ec.message());
    engine->aotDir_ = std::string(dir);
    engine->executor_ = std::make_unique<AotExecutor>(engine->aotDir_, std::move(options));
  } else if (id != kInterp) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unknown engine '" + name.str() +
                                       "' (available: " + llvm::join(names(), ", ") + ")");
  }
  return engine;
}

Engine::~Engine() {
  executor_.reset(); // unloads the libraries before their files go
  if (!aotDir_.empty())
    (void)llvm::sys::fs::remove_directories(aotDir_);
}

size_t Engine::compiledCount() const { return executor_ ? executor_->compiledCount() : 0; }

double Engine::compileSeconds() const { return executor_ ? executor_->compileSeconds() : 0; }

size_t Engine::fallbackCount() const { return executor_ ? executor_->fallbackCount() : 0; }

std::string Engine::firstError() const {
  return executor_ ? executor_->firstError() : std::string();
}

} // namespace metis
