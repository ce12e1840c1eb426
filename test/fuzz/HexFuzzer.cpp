//===- HexFuzzer.cpp - evmone's hex notation and .inputs files -----------===//
//
// The bytes as text for decodeHexNotation (hex, whitespace, `(NxHEX)` repetition, with and
// without an optional 0x prefix) and bench::parseInputs (the .inputs records built from it).
// Neither may crash on any text; when the notation parses, its bytes written as plain hex must
// parse back to the same bytes, through the notation and through fromHex, and with a 0x
// prefix allowed the text must decode the same. A mismatch aborts.
//
//===----------------------------------------------------------------------===//
#include "metis/harness/BenchInputs.h"
#include "metis/runtime/HexNotation.h"

#include <cstdio>
#include <cstdlib>

using namespace metis;

namespace {

/// Outputs above this skip the round trip: `(NxHEX)` reaches 64 MiB from a few bytes, and
/// re-parsing that much plain hex on every such input would only slow the search.
constexpr size_t kMaxRoundTrip = 1 << 20;

[[noreturn]] void fail(std::string_view text, const std::string &what) {
  std::fprintf(stderr, "HexFuzzer: %s\ntext (%zu bytes): '%.*s'\n", what.c_str(), text.size(),
               int(std::min<size_t>(text.size(), 4096)), text.data());
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  (void)bench::parseInputs(text, "fuzz.inputs");

  auto parsed = decodeHexNotation(text);
  auto prefixed = decodeHexNotation(text, HexPrefix::Optional);
  auto *bytes = std::get_if<Bytes>(&parsed);
  if (bytes && (!std::holds_alternative<Bytes>(prefixed) || std::get<Bytes>(prefixed) != *bytes))
    fail(text, "decodes differently when a 0x prefix is allowed");
  if (!bytes || bytes->size() > kMaxRoundTrip)
    return 0;
  std::string hex = toHex(*bytes);
  auto again = decodeHexNotation(hex);
  if (auto *err = std::get_if<HexNotationError>(&again))
    fail(text, "its plain hex does not parse: " + err->message());
  if (std::get<Bytes>(again) != *bytes)
    fail(text, "its plain hex parses to other bytes");
  auto viaFromHex = fromHex(hex);
  if (!viaFromHex || *viaFromHex != *bytes)
    fail(text, "fromHex disagrees on its plain hex");
  return 0;
}
