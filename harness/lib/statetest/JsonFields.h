//===- JsonFields.h - Typed fields of the JSON fixtures ---------*- C++ -*-===//
//
// The state tests and the mainnet blocks write numbers, byte strings, addresses and
// accounts the same way; both loaders read them through these helpers, which throw a
// FieldError naming the field at fault.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_LIB_STATETEST_JSONFIELDS_H
#define METIS_LIB_STATETEST_JSONFIELDS_H

#include "metis/runtime/State.h"
#include "metis/runtime/Transaction.h"

#include <nlohmann/json.hpp>
#include <string>

namespace metis::fixtures {

using json = nlohmann::json;

/// A field that cannot be parsed; caught per test and turned into a LoadError.
struct FieldError {
  std::string message;
};

inline const json &field(const json &obj, const char *name) {
  auto it = obj.find(name);
  if (it == obj.end())
    throw FieldError{std::string("missing field '") + name + "'"};
  return *it;
}

inline const std::string &str(const json &j, const char *what) {
  if (!j.is_string())
    throw FieldError{std::string("'") + what + "' is not a string"};
  return j.get_ref<const std::string &>();
}

inline Word parseWord(const json &j, const char *what) {
  auto w = Word::fromHex(str(j, what));
  if (!w)
    throw FieldError{std::string("'") + what + "' is not a 256-bit hex number: " + str(j, what)};
  return *w;
}

inline uint64_t parseU64(const json &j, const char *what) {
  Word w = parseWord(j, what);
  if (!w.fitsUint64())
    throw FieldError{std::string("'") + what + "' does not fit in 64 bits"};
  return w.low64();
}

/// Gas limits above int64 cannot be paid for; clamp so validation rejects them.
inline int64_t parseGas(const json &j, const char *what) {
  Word w = parseWord(j, what);
  if (!w.fitsUint64() || w.low64() > uint64_t(INT64_MAX))
    return INT64_MAX;
  return int64_t(w.low64());
}

inline Bytes parseBytes(const json &j, const char *what) {
  auto b = fromHex(str(j, what));
  if (!b)
    throw FieldError{std::string("'") + what + "' is not valid hex (odd length or bad digit)"};
  return std::move(*b);
}

inline Address parseAddress(const json &j, const char *what) {
  auto a = addressFromHex(str(j, what));
  if (!a)
    throw FieldError{std::string("'") + what + "' is not an address"};
  return *a;
}

inline Bytes32 parseHash(const json &j, const char *what) {
  auto h = bytes32FromHex(str(j, what));
  if (!h)
    throw FieldError{std::string("'") + what + "' is not a 32-byte hash"};
  return *h;
}

/// An EIP-2930 access list: [{address, storageKeys: [...]}, ...].
std::vector<state::AccessListEntry> parseAccessList(const json &list);

/// The accounts of a `pre` object: balance, nonce, code and storage, as both formats write them.
state::State parsePre(const json &pre);

} // namespace metis::fixtures

#endif // METIS_LIB_STATETEST_JSONFIELDS_H
