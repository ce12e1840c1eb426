//===- Engine.h - The execution tiers by name ---------------------*- C++ -*-===//
//
// What the tools mean by --engine: "interp" (the reference interpreter, no executor),
// "jit" (ORC, in memory), "aot" (shared libraries compiled into a temporary folder that
// is removed with the engine) or "mixed" (the JIT with small regions, a seeded random half of
// them compiled and the rest interpreted: one frame crosses between the tiers many times);
// code spells them Engine::kInterp, kJit, kAot and kMixed. Every frame
// then runs on that tier; the counters say how much was compiled and whether any frame had to
// fall back to the interpreter.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TARGET_ENGINE_H
#define METIS_TARGET_ENGINE_H

#include "metis/Target/AOT.h"
#include "metis/Target/JIT.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace metis {

class Engine {
public:
  /// The engines' names: the one place they are spelled. Tools and tests take them from here.
  static constexpr std::string_view kInterp = "interp";
  static constexpr std::string_view kJit = "jit";
  static constexpr std::string_view kAot = "aot";
  static constexpr std::string_view kMixed = "mixed";
  /// The mixed engine's region size, small so that frames cross between tiers often.
  static constexpr uint32_t kMixedRegionInstructions = 32;
  /// Every engine's name, the reference interpreter first.
  static std::vector<std::string> names();
  /// The compiled tiers' names: every engine but the interpreter.
  static std::vector<std::string> compiledNames();

  /// The engine called `name`, or an error listing the names there are. The mixed engine
  /// takes its seed from `options.mixedSeed` (1 if that is 0).
  static llvm::Expected<std::unique_ptr<Engine>> create(llvm::StringRef name,
                                                        CompileOptions options = {});
  ~Engine();

  llvm::StringRef name() const { return name_; }
  /// Null for the interpreter. An Executor pointer (not the CachingExecutor), which is what
  /// libmetis-engines.so hands to the EVMC library.
  Executor *executor() const { return executor_.get(); }
  size_t compiledCount() const;
  double compileSeconds() const;
  /// Frames interpreted because their code failed to compile or load.
  size_t fallbackCount() const;
  /// The first compile or load error seen, empty if none.
  std::string firstError() const;

private:
  Engine() = default;
  std::string name_;
  /// The compiled tier (Jit or AotExecutor); null for the interpreter.
  std::unique_ptr<CachingExecutor> executor_;
  std::string aotDir_;
};

} // namespace metis

#endif // METIS_TARGET_ENGINE_H
