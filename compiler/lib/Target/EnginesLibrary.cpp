//===- EnginesLibrary.cpp - libmetis-engines.so, the compiled tiers for EVMC --===//
//
// The C entry points of runtime/include/metis/evmc/engines.h over Engine.
//
//===----------------------------------------------------------------------===//
#include "metis/Target/Engine.h"
#include "metis/evmc/engines.h"

#include <algorithm>
#include <cstring>

struct metis_engine {
  std::unique_ptr<metis::Engine> engine;
};

extern "C" {

int metis_engines_interface_version(void) { return METIS_ENGINES_INTERFACE_VERSION; }

metis_engine *metis_engine_create(const char *name, char *error, size_t error_size) {
  auto engine = metis::Engine::create(name ? name : "");
  if (!engine || !(*engine)->executor()) {
    std::string message = engine ? std::string("engine '") + name + "' is not a compiled tier"
                                 : llvm::toString(engine.takeError());
    if (error && error_size > 0) {
      size_t n = std::min(message.size(), error_size - 1);
      std::memcpy(error, message.data(), n);
      error[n] = '\0';
    }
    return nullptr;
  }
  return new metis_engine{std::move(*engine)};
}

void *metis_engine_executor(metis_engine *engine) { return engine->engine->executor(); }

void metis_engine_destroy(metis_engine *engine) { delete engine; }

} // extern "C"
