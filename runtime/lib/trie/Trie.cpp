//===- Trie.cpp - Merkle Patricia Trie root from sorted entries -----------===//
//
// The trie is never materialised. With the entries sorted by key, the keys
// under any node form a contiguous run that shares the node's path, so one
// recursion over runs emits each node's RLP exactly once, children before
// parents, into a single scratch buffer: a child leaves its reference (inline
// RLP or hash) where the parent's payload is being assembled.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Trie.h"

#include "metis/runtime/Keccak.h"
#include "metis/runtime/Rlp.h"

#include <algorithm>
#include <cstring>

namespace metis::trie {

namespace {

using Entry = std::pair<BytesView, BytesView>;

constexpr uint8_t kEmptyString = 0x80;
constexpr uint8_t kHashReference = 0x80 + 32;
// A list header is at most a prefix byte and an 8-byte length.
constexpr size_t kHeaderReserve = 9;
// Nodes whose RLP is shorter than a hash sit inline in their parent.
constexpr size_t kInlineLimit = 32;

uint8_t nibble(BytesView key, size_t i) noexcept {
  uint8_t b = key[i / 2];
  return i & 1 ? b & 0x0f : b >> 4;
}

size_t nibbleCount(BytesView key) noexcept { return key.size() * 2; }

bool keyLess(BytesView a, BytesView b) noexcept {
  // Hashed keys nearly always differ in their first 8 bytes: settle those
  // inline, as one big-endian word, rather than through a memcmp call.
  if (a.size() >= 8 && b.size() >= 8) {
    uint64_t x, y;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, b.data(), 8);
    if (x != y)
      return __builtin_bswap64(x) < __builtin_bswap64(y);
  }
  size_t n = std::min(a.size(), b.size());
  int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
  return c ? c < 0 : a.size() < b.size();
}

bool keyEqual(BytesView a, BytesView b) noexcept {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

class RootBuilder {
public:
  explicit RootBuilder(std::span<const Entry> entries) : entries(entries) {}

  /// Requires sorted, distinct keys and at least one entry.
  Bytes32 build() {
    buf.reserve(1024);
    appendNode(0, entries.size(), 0);
    // The root was forced to a hash reference: 0xa0 and the hash.
    Bytes32 out;
    std::memcpy(out.data(), buf.data() + 1, 32);
    return out;
  }

private:
  /// Appends the reference to the node holding entries [lo, hi), whose keys all
  /// agree on their first `depth` nibbles.
  void appendNode(size_t lo, size_t hi, size_t depth) {
    if (hi - lo == 1) {
      BytesView key = entries[lo].first;
      size_t mark = beginList();
      appendHexPrefix(key, depth, nibbleCount(key), /*isLeaf=*/true);
      rlp::appendString(buf, entries[lo].second);
      endList(mark);
      return;
    }
    // In sorted order the run's common prefix is that of its first and last
    // keys.
    BytesView first = entries[lo].first, last = entries[hi - 1].first;
    size_t limit = std::min(nibbleCount(first), nibbleCount(last));
    size_t split = depth;
    while (split < limit && nibble(first, split) == nibble(last, split))
      ++split;
    if (split == depth) {
      appendBranch(lo, hi, depth);
      return;
    }
    size_t mark = beginList();
    appendHexPrefix(first, depth, split, /*isLeaf=*/false);
    appendBranch(lo, hi, split);
    endList(mark);
  }

  void appendBranch(size_t lo, size_t hi, size_t depth) {
    size_t mark = beginList();
    // A key that ends here is a prefix of the others, so it sorts first.
    std::optional<BytesView> value;
    if (nibbleCount(entries[lo].first) == depth)
      value = entries[lo++].second;
    for (uint8_t n = 0; n < 16; ++n) {
      size_t end = lo;
      while (end < hi && nibble(entries[end].first, depth) == n)
        ++end;
      if (end == lo)
        buf.push_back(kEmptyString);
      else
        appendNode(lo, end, depth + 1);
      lo = end;
    }
    if (value)
      rlp::appendString(buf, *value);
    else
      buf.push_back(kEmptyString);
    endList(mark);
  }

  /// Appends nibbles [begin, end) of `key` hex-prefix encoded, as an RLP
  /// string.
  void appendHexPrefix(BytesView key, size_t begin, size_t end, bool isLeaf) {
    size_t count = end - begin;
    bool odd = count & 1;
    uint8_t flags = uint8_t((isLeaf ? 0x20 : 0x00) | (odd ? 0x10 : 0x00));
    uint8_t firstByte = odd ? uint8_t(flags | nibble(key, begin)) : flags;
    size_t length = count / 2 + 1;
    // The flag byte is below 0x80, so a lone one is its own encoding.
    if (length > 1)
      rlp::appendStringHeader(buf, length);
    buf.push_back(firstByte);
    size_t from = begin + odd;
    if (from % 2 == 0) {
      // Byte-aligned (always so for leaves): copy whole bytes.
      BytesView whole = key.subspan(from / 2, count / 2);
      buf.insert(buf.end(), whole.begin(), whole.end());
      return;
    }
    for (size_t i = from; i < end; i += 2)
      buf.push_back(uint8_t(nibble(key, i) << 4 | nibble(key, i + 1)));
  }

  /// Leaves room for the list header in front of the payload about to be
  /// appended.
  size_t beginList() {
    size_t mark = buf.size();
    buf.resize(mark + kHeaderReserve);
    return mark;
  }

  /// Puts the header before the payload appended since `mark` and replaces the
  /// node by its reference. The root is the only node starting at 0 and is
  /// always hashed.
  void endList(size_t mark) {
    size_t payloadBegin = mark + kHeaderReserve;
    size_t payloadLength = buf.size() - payloadBegin;
    size_t headerLength = rlp::headerSize(payloadLength);
    size_t begin = payloadBegin - headerLength;
    if (headerLength == 1) {
      buf[begin] = uint8_t(0xc0 + payloadLength);
    } else {
      size_t lengthBytes = headerLength - 1;
      buf[begin] = uint8_t(0xf7 + lengthBytes);
      for (size_t i = 0; i < lengthBytes; ++i)
        buf[begin + 1 + i] = uint8_t(payloadLength >> (8 * (lengthBytes - 1 - i)));
    }
    size_t length = headerLength + payloadLength;
    if (length < kInlineLimit && mark != 0) {
      std::memmove(buf.data() + mark, buf.data() + begin, length);
      buf.resize(mark + length);
      return;
    }
    Bytes32 hash = keccak256(BytesView(buf).subspan(begin, length));
    buf.resize(mark);
    buf.push_back(kHashReference);
    buf.insert(buf.end(), hash.bytes.begin(), hash.bytes.end());
  }

  std::span<const Entry> entries;
  Bytes buf;
};

} // namespace

Bytes32 rootFromViews(std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry &a, const Entry &b) { return keyLess(a.first, b.first); });
  // Keep the last of equal keys and drop empty values, as a trie that saw these
  // as inserts.
  size_t kept = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && keyEqual(entries[i].first, entries[i + 1].first))
      continue;
    if (entries[i].second.empty())
      continue;
    entries[kept++] = entries[i];
  }
  entries.resize(kept);
  if (entries.empty())
    return kEmptyRoot;
  return RootBuilder(entries).build();
}

Bytes32 root(std::vector<std::pair<Bytes, Bytes>> entries) {
  std::vector<Entry> views;
  views.reserve(entries.size());
  for (const auto &[key, value] : entries)
    views.emplace_back(key, value);
  return rootFromViews(std::move(views));
}

Bytes32 orderedRoot(std::span<const Bytes> values) {
  // All keys in one buffer, sized up front so the views into it stay valid.
  Bytes keys;
  keys.reserve(values.size() * kHeaderReserve);
  std::vector<size_t> ends;
  ends.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    rlp::appendUint(keys, uint64_t(i));
    ends.push_back(keys.size());
  }
  std::vector<Entry> views;
  views.reserve(values.size());
  size_t begin = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    views.emplace_back(BytesView(keys).subspan(begin, ends[i] - begin), values[i]);
    begin = ends[i];
  }
  return rootFromViews(std::move(views));
}

} // namespace metis::trie
