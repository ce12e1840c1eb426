//===- JsonFields.cpp - Typed fields of the JSON fixtures -------------------===//
#include "JsonFields.h"
#include "metis/runtime/Keccak.h"

namespace metis::fixtures {

state::State parsePre(const json &pre) {
  state::State s;
  for (const auto &[addrHex, acc] : pre.items()) {
    auto addr = addressFromHex(addrHex);
    if (!addr)
      throw FieldError{"pre-state key is not an address: " + addrHex};
    state::Account a;
    a.nonce = parseU64(field(acc, "nonce"), "nonce");
    a.balance = parseWord(field(acc, "balance"), "balance");
    Bytes code = parseBytes(field(acc, "code"), "code");
    if (!code.empty()) {
      a.codeHash = keccak256(code);
      a.code = std::make_shared<const Bytes>(std::move(code));
    }
    for (const auto &[k, v] : field(acc, "storage").items()) {
      auto key = Word::fromHex(k);
      if (!key)
        throw FieldError{"storage key is not a 256-bit number: " + k};
      Word value = parseWord(v, "storage value");
      if (!value.isZero())
        a.storage[*key] = state::StorageSlot{value, value};
    }
    s.insert(*addr, std::move(a));
  }
  return s;
}

std::vector<state::AccessListEntry> parseAccessList(const json &list) {
  std::vector<state::AccessListEntry> entries;
  for (const json &entry : list) {
    state::AccessListEntry e;
    e.address = parseAddress(field(entry, "address"), "accessList address");
    for (const json &k : field(entry, "storageKeys"))
      e.keys.push_back(parseWord(k, "storageKeys"));
    entries.push_back(std::move(e));
  }
  return entries;
}

} // namespace metis::fixtures
