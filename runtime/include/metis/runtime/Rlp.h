//===- Rlp.h - Recursive Length Prefix encoding -----------------*- C++ -*-===//
//
// RLP, Ethereum's serialisation (yellow paper, appendix B): byte strings and
// lists of items, each prefixed by its length. Encoding appends to byte
// buffers; decoding is strict and accepts only the canonical form, because
// transactions and blocks are hashed as received and a second spelling of the
// same value would be a second identity.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_RLP_H
#define METIS_RUNTIME_RLP_H

#include "metis/runtime/Bytes.h"

#include <initializer_list>
#include <string>
#include <variant>

namespace metis::rlp {

//===-- Encoding ----------------------------------------------------------===//

/// Appends the string header for a payload of `length` bytes. A caller that
/// writes the payload itself must not use it for a single byte below 0x80,
/// which encodes as itself (no header).
void appendStringHeader(Bytes &out, size_t length);
/// Appends the list header for a payload (the concatenated encoded items) of
/// `length` bytes.
void appendListHeader(Bytes &out, size_t length);
/// The size of the header that precedes a payload of `length` bytes (string or
/// list).
[[nodiscard]] size_t headerSize(size_t length) noexcept;

/// Appends `s` as an RLP string; a single byte below 0x80 encodes as itself.
void appendString(Bytes &out, BytesView s);
/// Appends `v` as a minimal big-endian integer (no leading zeros; 0 is the
/// empty string, 0x80).
void appendUint(Bytes &out, uint64_t v);
/// Appends a big-endian integer of any width (e.g. a 256-bit word) with its
/// leading zero bytes stripped, so it encodes exactly as the same value would
/// through appendUint.
void appendUint(Bytes &out, BytesView bigEndian);

[[nodiscard]] Bytes encodeString(BytesView s);
[[nodiscard]] Bytes encodeUint(uint64_t v);
[[nodiscard]] Bytes encodeUint(BytesView bigEndian);
/// Wraps already-encoded items in a list header.
[[nodiscard]] Bytes encodeList(std::span<const Bytes> encodedItems);
[[nodiscard]] inline Bytes encodeList(std::initializer_list<Bytes> encodedItems) {
  return encodeList(std::span<const Bytes>(encodedItems.begin(), encodedItems.size()));
}

//===-- Decoding ----------------------------------------------------------===//

/// One decoded item: a string's bytes or a list's payload (its encoded items,
/// see decodeList). The payload views the decoded input, which must outlive it.
struct Item {
  bool isList;
  BytesView payload;
};

struct DecodeError {
  std::string message;
  /// Where in the decoded buffer the offending item starts.
  size_t offset;
};

/// Reads one item starting at `offset` of `in` and advances `offset` past it.
/// Bytes after the item are left for the caller; rejects truncation and every
/// non-canonical header, leaving `offset` unchanged.
[[nodiscard]] std::variant<Item, DecodeError> decodeItem(BytesView in, size_t &offset);
/// Decodes `in` as exactly one item: trailing bytes are an error.
[[nodiscard]] std::variant<Item, DecodeError> decode(BytesView in);
/// Splits a list payload into its items; they must fill it exactly.
[[nodiscard]] std::variant<std::vector<Item>, DecodeError> decodeList(BytesView listPayload);
/// Reads a string payload as a canonical unsigned integer: at most 8 bytes and
/// no leading zero byte (zero is the empty string). nullopt otherwise.
[[nodiscard]] std::optional<uint64_t> decodeUint(BytesView payload) noexcept;

} // namespace metis::rlp

#endif // METIS_RUNTIME_RLP_H
