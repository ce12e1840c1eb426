//===- CachingExecutor.cpp - Compiled code cached by code hash --------------===//
#include "metis/Target/CachingExecutor.h"

namespace metis {

CachingExecutor::~CachingExecutor() = default;

llvm::Expected<const CachingExecutor::CodeEntry *>
CachingExecutor::getOrCompile(BytesView code, const Bytes32 &codeHash) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = cache_.find(codeHash); it != cache_.end())
    return it->second.get();
  auto compiled = compileCode(code, codeHash);
  if (!compiled)
    return compiled.takeError();
  compileSeconds_ += compiled->compileSeconds;
  auto entry = std::make_unique<CodeEntry>(code, std::move(*compiled));
  return cache_.emplace(codeHash, std::move(entry)).first->second.get();
}

Result CachingExecutor::execute(Host &host, const Message &msg, BytesView code,
                                const Bytes32 &codeHash) noexcept {
  auto entry = getOrCompile(code, codeHash);
  if (!entry) {
    // A contract that cannot be compiled is interpreted, and counted so callers see it.
    std::string message = llvm::toString(entry.takeError());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (firstError_.empty())
        firstError_ = std::move(message);
    }
    ++fallbacks_;
    return metis::execute(host, msg, code);
  }
  return executeCompiled(host, msg, (*entry)->analysis, (*entry)->compiled.entry);
}

size_t CachingExecutor::compiledCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return cache_.size();
}

double CachingExecutor::compileSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return compileSeconds_;
}

std::string CachingExecutor::firstError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return firstError_;
}

} // namespace metis
