//===- Vm.cpp - The metis EVMC VM (libmetis.so) ---------------------------===//
//
// The evmc_vm object and its five entry points. Only Cancun is implemented, so
// any other revision is answered with EVMC_REJECTED: EVMC defines that status
// as "this VM will not run this", letting a host fall back to another VM,
// whereas running older or newer rules with Cancun's gas schedule would
// silently produce wrong results.
//
//===----------------------------------------------------------------------===//
#include "EvmcHost.h"
#include "metis/evmc/metis.h"
#include "metis/runtime/Interpreter.h"
#include "metis/runtime/NativeStack.h"

#include <cstring>
#include <new>
#include <optional>
#include <type_traits>

namespace metis::evmc {
namespace {

constexpr const char *kName = "metis";
constexpr const char *kVersion = "0.1.0";

/// Which tier runs the code. Only the interpreter exists yet; "jit" and "aot"
/// come later.
enum class Engine : uint8_t { Interp };

/// evmc_vm first, so the evmc_vm* the host holds converts back to MetisVm*.
struct MetisVm {
  evmc_vm base;
  Engine engine = Engine::Interp;
};
static_assert(std::is_standard_layout_v<MetisVm>);

MetisVm *self(evmc_vm *vm) noexcept { return reinterpret_cast<MetisVm *>(vm); }

void destroy(evmc_vm *vm) noexcept { delete self(vm); }

evmc_capabilities_flagset getCapabilities(evmc_vm *) noexcept {
  // Precompiles stay with the host: a CALL to 0x01..0x0a goes out through
  // host->call.
  return EVMC_CAPABILITY_EVM1;
}

evmc_set_option_result setOption(evmc_vm *vm, const char *name,
                                 const char *value) noexcept {
  if (std::strcmp(name, "engine") == 0) {
    if (std::strcmp(value, "interp") == 0) {
      self(vm)->engine = Engine::Interp;
      return EVMC_SET_OPTION_SUCCESS;
    }
    return EVMC_SET_OPTION_INVALID_VALUE;
  }
  return EVMC_SET_OPTION_INVALID_NAME;
}

void releaseResult(const evmc_result *result) noexcept {
  delete[] result->output_data;
}

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

evmc_result execute(evmc_vm * /*vm*/, const evmc_host_interface *host,
                    evmc_host_context *context, evmc_revision rev,
                    const evmc_message *msg, const uint8_t *code,
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
  // Engine::Interp is the only engine so far; the JIT and AOT tiers will branch
  // here on self(vm)->engine.
  // The client's host runs nested calls by calling back in here: see NativeStack.h.
  return toEvmcResult(withNativeStackRoom(
      [&] { return metis::execute(h, *m, BytesView(code, code ? codeSize : 0)); }));
}

} // namespace
} // namespace metis::evmc

extern "C" evmc_vm *evmc_create_metis(void) {
  using namespace metis::evmc;
  return &(new MetisVm{{EVMC_ABI_VERSION, kName, kVersion, destroy, execute,
                        getCapabilities, setOption}})
              ->base;
}
