//===- Rlp.cpp - RLP encoding and strict decoding -------------------------===//
#include "metis/runtime/Rlp.h"

namespace metis::rlp {

// Short forms carry the length in the prefix byte up to 55; longer payloads put
// the big-endian length (1..8 bytes) after a prefix that says how many bytes it
// takes.
static constexpr size_t kMaxShortLength = 55;
static constexpr uint8_t kStringBase = 0x80, kListBase = 0xc0;

static size_t byteLength(uint64_t v) noexcept {
  size_t n = 0;
  for (; v; v >>= 8)
    ++n;
  return n;
}

static void appendBigEndian(Bytes &out, uint64_t v, size_t n) {
  for (size_t i = n; i-- > 0;)
    out.push_back(uint8_t(v >> (8 * i)));
}

static void appendHeader(Bytes &out, size_t length, uint8_t base) {
  if (length <= kMaxShortLength) {
    out.push_back(uint8_t(base + length));
    return;
  }
  size_t n = byteLength(length);
  out.push_back(uint8_t(base + kMaxShortLength + n));
  appendBigEndian(out, length, n);
}

void appendStringHeader(Bytes &out, size_t length) { appendHeader(out, length, kStringBase); }
void appendListHeader(Bytes &out, size_t length) { appendHeader(out, length, kListBase); }

size_t headerSize(size_t length) noexcept {
  return length <= kMaxShortLength ? 1 : 1 + byteLength(length);
}

void appendString(Bytes &out, BytesView s) {
  if (s.size() == 1 && s[0] < kStringBase) {
    out.push_back(s[0]);
    return;
  }
  appendStringHeader(out, s.size());
  out.insert(out.end(), s.begin(), s.end());
}

void appendUint(Bytes &out, uint64_t v) {
  if (v && v < kStringBase) {
    out.push_back(uint8_t(v));
    return;
  }
  size_t n = byteLength(v);
  out.push_back(uint8_t(kStringBase + n));
  appendBigEndian(out, v, n);
}

void appendUint(Bytes &out, BytesView bigEndian) {
  size_t skip = 0;
  while (skip < bigEndian.size() && bigEndian[skip] == 0)
    ++skip;
  appendString(out, bigEndian.subspan(skip));
}

Bytes encodeString(BytesView s) {
  Bytes out;
  out.reserve(headerSize(s.size()) + s.size());
  appendString(out, s);
  return out;
}

Bytes encodeUint(uint64_t v) {
  Bytes out;
  appendUint(out, v);
  return out;
}

Bytes encodeUint(BytesView bigEndian) {
  Bytes out;
  appendUint(out, bigEndian);
  return out;
}

Bytes encodeList(std::span<const Bytes> encodedItems) {
  size_t length = 0;
  for (const Bytes &item : encodedItems)
    length += item.size();
  Bytes out;
  out.reserve(headerSize(length) + length);
  appendListHeader(out, length);
  for (const Bytes &item : encodedItems)
    out.insert(out.end(), item.begin(), item.end());
  return out;
}

static DecodeError error(std::string message, size_t offset) {
  return DecodeError{std::move(message), offset};
}

std::variant<Item, DecodeError> decodeItem(BytesView in, size_t &offset) {
  size_t start = offset;
  if (start >= in.size())
    return error("unexpected end of input", start);
  uint8_t prefix = in[start];
  size_t remaining = in.size() - start - 1;

  if (prefix < kStringBase) {
    offset = start + 1;
    return Item{false, in.subspan(start, 1)};
  }

  bool isList = prefix >= kListBase;
  uint8_t shortForm = prefix - (isList ? kListBase : kStringBase);
  size_t headerLength = 1, length;
  if (shortForm <= kMaxShortLength) {
    length = shortForm;
  } else {
    size_t lengthBytes = shortForm - kMaxShortLength;
    if (lengthBytes > remaining)
      return error("truncated length", start);
    if (in[start + 1] == 0)
      return error("length with leading zero", start);
    length = 0;
    for (size_t i = 0; i < lengthBytes; ++i)
      length = length << 8 | in[start + 1 + i];
    if (length <= kMaxShortLength)
      return error("long form for a short length", start);
    headerLength += lengthBytes;
    remaining -= lengthBytes;
  }
  if (length > remaining)
    return error(isList ? "truncated list" : "truncated string", start);

  BytesView payload = in.subspan(start + headerLength, length);
  if (!isList && length == 1 && payload[0] < kStringBase)
    return error("single byte below 0x80 encoded as a string", start);
  offset = start + headerLength + length;
  return Item{isList, payload};
}

std::variant<Item, DecodeError> decode(BytesView in) {
  size_t offset = 0;
  auto item = decodeItem(in, offset);
  if (std::holds_alternative<Item>(item) && offset != in.size())
    return error("trailing bytes after item", offset);
  return item;
}

std::variant<std::vector<Item>, DecodeError> decodeList(BytesView listPayload) {
  std::vector<Item> items;
  size_t offset = 0;
  while (offset < listPayload.size()) {
    auto item = decodeItem(listPayload, offset);
    if (auto *err = std::get_if<DecodeError>(&item))
      return std::move(*err);
    items.push_back(std::get<Item>(item));
  }
  return items;
}

std::optional<uint64_t> decodeUint(BytesView payload) noexcept {
  if (payload.size() > 8 || (!payload.empty() && payload[0] == 0))
    return std::nullopt;
  uint64_t v = 0;
  for (uint8_t b : payload)
    v = v << 8 | b;
  return v;
}

} // namespace metis::rlp
