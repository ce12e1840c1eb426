//===- Vm.cpp - The metis EVMC VM (libmetis.so) ---------------------------===//
//
// The evmc_vm object and its five entry points; engine=jit|aot loads the compiled tiers
// from libmetis-engines.so (engines.h). Only Cancun is implemented, so
// any other revision is answered with EVMC_REJECTED: EVMC defines that status
// as "this VM will not run this", letting a host fall back to another VM,
// whereas running older or newer rules with Cancun's gas schedule would
// silently produce wrong results.
//
//===----------------------------------------------------------------------===//
#include "EvmcHost.h"
#include "metis/evmc/engines.h"
#include "metis/evmc/metis.h"
#include "metis/runtime/Executor.h"
#include "metis/runtime/Interpreter.h"
#include "metis/runtime/Keccak.h"
#include "metis/runtime/NativeStack.h"

#include <dlfcn.h>

#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <type_traits>

namespace metis::evmc {
namespace {

constexpr const char *kName = "metis";
constexpr const char *kVersion = "0.1.0";

/// libmetis-engines.so's entry points (engines.h), loaded once per process.
struct EnginesLibrary {
  decltype(&metis_engine_create) create = nullptr;
  decltype(&metis_engine_executor) executor = nullptr;
  decltype(&metis_engine_destroy) destroy = nullptr;
};

/// Loads libmetis-engines.so from the folder libmetis.so was loaded from; null if it is
/// missing or from another build. It stays loaded: compiled code may outlive any VM.
const EnginesLibrary *enginesLibrary() noexcept {
  static const EnginesLibrary *library = []() -> const EnginesLibrary * {
    Dl_info info;
    if (!dladdr(reinterpret_cast<void *>(&evmc_create_metis), &info) || !info.dli_fname)
      return nullptr;
    std::string path = info.dli_fname;
    path = path.substr(0, path.find_last_of('/') + 1) + "libmetis-engines.so";
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (!handle)
      return nullptr;
    auto version = reinterpret_cast<decltype(&metis_engines_interface_version)>(
        dlsym(handle, "metis_engines_interface_version"));
    auto *lib = new EnginesLibrary;
    lib->create = reinterpret_cast<decltype(lib->create)>(dlsym(handle, "metis_engine_create"));
    lib->executor =
        reinterpret_cast<decltype(lib->executor)>(dlsym(handle, "metis_engine_executor"));
    lib->destroy = reinterpret_cast<decltype(lib->destroy)>(dlsym(handle, "metis_engine_destroy"));
    if (!version || version() != METIS_ENGINES_INTERFACE_VERSION || !lib->create ||
        !lib->executor || !lib->destroy) {
      delete lib;
      return nullptr;
    }
    return lib;
  }();
  return library;
}

/// evmc_vm first, so the evmc_vm* the host holds converts back to MetisVm*.
struct MetisVm {
  evmc_vm base;
  /// The compiled tier, or null for the interpreter.
  metis_engine *engine = nullptr;
  Executor *executor = nullptr;

  void setEngine(metis_engine *e) noexcept {
    if (engine)
      enginesLibrary()->destroy(engine);
    engine = e;
    executor = e ? static_cast<Executor *>(enginesLibrary()->executor(e)) : nullptr;
  }
};
static_assert(std::is_standard_layout_v<MetisVm>);

MetisVm *self(evmc_vm *vm) noexcept { return reinterpret_cast<MetisVm *>(vm); }

void destroy(evmc_vm *vm) noexcept {
  self(vm)->setEngine(nullptr);
  delete self(vm);
}

evmc_capabilities_flagset getCapabilities(evmc_vm *) noexcept {
  // Precompiles stay with the host: a CALL to 0x01..0x0a goes out through
  // host->call.
  return EVMC_CAPABILITY_EVM1;
}

evmc_set_option_result setOption(evmc_vm *vm, const char *name, const char *value) noexcept {
  if (std::strcmp(name, "engine") == 0) {
    if (std::strcmp(value, "interp") == 0) {
      self(vm)->setEngine(nullptr);
      return EVMC_SET_OPTION_SUCCESS;
    }
    if (std::strcmp(value, "jit") != 0 && std::strcmp(value, "aot") != 0)
      return EVMC_SET_OPTION_INVALID_VALUE;
    const EnginesLibrary *lib = enginesLibrary();
    char error[256];
    metis_engine *engine = lib ? lib->create(value, error, sizeof error) : nullptr;
    if (!engine)
      return EVMC_SET_OPTION_INVALID_VALUE;
    self(vm)->setEngine(engine);
    return EVMC_SET_OPTION_SUCCESS;
  }
  return EVMC_SET_OPTION_INVALID_NAME;
}

void releaseResult(const evmc_result *result) noexcept { delete[] result->output_data; }

evmc_result makeResult(evmc_status_code status) noexcept {
  evmc_result r{};
  r.status_code = status;
  return r;
}

evmc_result toEvmcResult(const Result &result) noexcept {
  evmc_result r{};
  r.status_code = toEvmc(result.status);
  r.gas_left = result.gasLeft;
  r.gas_refund = result.gasRefund;
  r.create_address = toEvmc(result.createAddress);
  if (!result.output.empty()) {
    // The host frees the output through release() long after this frame's
    // vector is gone.
    uint8_t *out = new (std::nothrow) uint8_t[result.output.size()];
    if (!out)
      return makeResult(EVMC_OUT_OF_MEMORY);
    std::memcpy(out, result.output.data(), result.output.size());
    r.output_data = out;
    r.output_size = result.output.size();
    r.release = releaseResult;
  }
  return r;
}

evmc_result execute(evmc_vm *vm, const evmc_host_interface *host, evmc_host_context *context,
                    evmc_revision rev, const evmc_message *msg, const uint8_t *code,
                    size_t codeSize) noexcept {
  if (rev != EVMC_CANCUN)
    return makeResult(EVMC_REJECTED);
  // A host is mandatory for a VM without EVMC_CAPABILITY_PRECOMPILES.
  if (!host || !msg)
    return makeResult(EVMC_INTERNAL_ERROR);
  std::optional<Message> m = messageFromEvmc(*msg);
  if (!m)
    return makeResult(EVMC_REJECTED);

  EvmcHost h(*host, context);
  BytesView bytes(code, code ? codeSize : 0);
  Executor *executor = self(vm)->executor;
  // The client's host runs nested calls by calling back in here: see NativeStack.h.
  return toEvmcResult(withNativeStackRoom([&] {
    return executor ? executor->execute(h, *m, bytes, keccak256(bytes))
                    : metis::execute(h, *m, bytes);
  }));
}

} // namespace
} // namespace metis::evmc

extern "C" evmc_vm *evmc_create_metis(void) {
  using namespace metis::evmc;
  return &(new MetisVm{
               {EVMC_ABI_VERSION, kName, kVersion, destroy, execute, getCapabilities, setOption}})
              ->base;
}
