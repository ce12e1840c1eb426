//===- Engine.cpp - The execution tiers by name -----------------------------===//
#include "metis/Target/Engine.h"

#include "llvm/Support/FileSystem.h"

namespace metis {

llvm::Expected<std::unique_ptr<Engine>> Engine::create(llvm::StringRef name,
                                                       CompileOptions options) {
  std::unique_ptr<Engine> engine(new Engine);
  engine->name_ = name.str();
  if (name == "jit") {
    auto jit = Jit::create(std::move(options));
    if (!jit)
      return jit.takeError();
    engine->executor_ = std::move(*jit);
  } else if (name == "aot") {
    llvm::SmallString<128> dir;
    if (auto ec = llvm::sys::fs::createUniqueDirectory("metis-aot", dir))
      return llvm::createStringError(ec, "cannot create a temporary folder: " + ec.message());
    engine->aotDir_ = std::string(dir);
    engine->executor_ = std::make_unique<AotExecutor>(engine->aotDir_, std::move(options));
  } else if (name != "interp") {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unknown engine '" + name.str() +
                                       "' (available: interp, jit, aot)");
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
