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
    engine->jit_ = std::move(*jit);
  } else if (name == "aot") {
    llvm::SmallString<128> dir;
    if (auto ec = llvm::sys::fs::createUniqueDirectory("metis-aot", dir))
      return llvm::createStringError(ec, "cannot create a temporary folder: " + ec.message());
    engine->aotDir_ = std::string(dir);
    engine->aot_ = std::make_unique<AotExecutor>(engine->aotDir_, std::move(options));
  } else if (name != "interp") {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unknown engine '" + name.str() +
                                       "' (available: interp, jit, aot)");
  }
  return engine;
}

Engine::~Engine() {
  aot_.reset(); // unloads the libraries before their files go
  if (!aotDir_.empty())
    (void)llvm::sys::fs::remove_directories(aotDir_);
}

Executor *Engine::executor() const {
  if (jit_)
    return jit_.get();
  return aot_.get();
}

size_t Engine::compiledCount() const {
  return jit_ ? jit_->compiledCount() : aot_ ? aot_->compiledCount() : 0;
}

double Engine::compileSeconds() const {
  return jit_ ? jit_->compileSeconds() : aot_ ? aot_->compileSeconds() : 0;
}

size_t Engine::fallbackCount() const {
  return jit_ ? jit_->fallbackCount() : aot_ ? aot_->fallbackCount() : 0;
}

std::string Engine::firstError() const {
  return jit_ ? jit_->firstError() : aot_ ? aot_->firstError() : std::string();
}

} // namespace metis
