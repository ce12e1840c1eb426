//===- BaselineJit.cpp - The baseline tier in memory ------------------------===//
#include "metis/Target/BaselineJit.h"
#include "metis/Baseline/Emitter.h"

#include "llvm/Support/Memory.h"

#include <chrono>
#include <cstring>

namespace metis {

llvm::Expected<CompiledContract> loadMachineCode(llvm::ArrayRef<uint8_t> bytes) {
  std::error_code ec;
  llvm::sys::MemoryBlock block = llvm::sys::Memory::allocateMappedMemory(
      bytes.size(), nullptr, llvm::sys::Memory::MF_READ | llvm::sys::Memory::MF_WRITE, ec);
  if (ec)
    return llvm::createStringError(ec, "cannot map memory for compiled code: " + ec.message());
  std::memcpy(block.base(), bytes.data(), bytes.size());
  ec = llvm::sys::Memory::protectMappedMemory(block, llvm::sys::Memory::MF_READ |
                                                         llvm::sys::Memory::MF_EXEC);
  if (ec) {
    (void)llvm::sys::Memory::releaseMappedMemory(block);
    return llvm::createStringError(ec, "cannot make compiled code executable: " + ec.message());
  }
  llvm::sys::Memory::InvalidateInstructionCache(block.base(), bytes.size());
  CompiledContract compiled;
  compiled.entry = reinterpret_cast<metis_contract_fn>(block.base());
  compiled.owner = std::shared_ptr<const void>(block.base(), [block](const void *) mutable {
    (void)llvm::sys::Memory::releaseMappedMemory(block);
  });
  return compiled;
}

llvm::Expected<CompiledContract> BaselineJit::compileCode(BytesView code, const Bytes32 &) {
  auto start = std::chrono::steady_clock::now();
  llvm::Expected<baseline::EmittedCode> emitted = baseline::emitContract(code);
  if (!emitted)
    return emitted.takeError();
  llvm::Expected<CompiledContract> compiled = loadMachineCode(emitted->bytes);
  if (compiled)
    compiled->compileSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return compiled;
}

} // namespace metis
