//===- RlpFuzzer.cpp - RLP decoding against re-encoding ------------------===//
//
// The decoder accepts only canonical RLP (Rlp.h), so everything it accepts must re-encode to
// exactly the bytes it consumed: a string through encodeString, a list through encodeList of
// its re-encoded items (or, when its payload is not a list of items, its header and payload).
// The input is read as a sequence of items, each checked recursively; a decode error must
// leave the offset where it was and point inside the input. A mismatch aborts.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Rlp.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace metis;

namespace {

/// Deeper lists are checked only at their top: the fuzzer's own recursion must not overflow
/// the stack on an input of nested list headers (the decoder itself does not recurse).
constexpr unsigned kMaxDepth = 200;

BytesView gInput;

[[noreturn]] void fail(const std::string &what, BytesView item) {
  std::fprintf(stderr, "RlpFuzzer: %s\nitem: 0x%s\ninput: 0x%s\n", what.c_str(),
               toHex(item).c_str(), toHex(gInput).c_str());
  std::abort();
}

/// Re-encodes the item `encoded` (which decodeItem read as `item`) and checks it.
Bytes reencode(const rlp::Item &item, BytesView encoded, unsigned depth) {
  Bytes out;
  if (!item.isList) {
    out = rlp::encodeString(item.payload);
    // A payload that is a canonical integer re-encodes the same way as that integer.
    if (auto v = rlp::decodeUint(item.payload)) {
      if (rlp::encodeUint(*v) != out)
        fail("decodeUint/encodeUint disagree with encodeString", encoded);
      if (rlp::encodeUint(item.payload) != out)
        fail("encodeUint(bytes) disagrees with encodeString", encoded);
    } else if (item.payload.size() <= 8 && (item.payload.empty() || item.payload[0] != 0)) {
      fail("decodeUint rejected a canonical integer", encoded);
    }
  } else {
    auto items = depth < kMaxDepth ? rlp::decodeList(item.payload)
                                   : std::variant<std::vector<rlp::Item>, rlp::DecodeError>(
                                         rlp::DecodeError{"too deep", 0});
    if (auto *list = std::get_if<std::vector<rlp::Item>>(&items)) {
      std::vector<Bytes> encodedItems;
      const uint8_t *at = item.payload.data();
      for (const rlp::Item &sub : *list) {
        // Each item's encoding is the payload's next bytes.
        size_t n = size_t(sub.payload.data() + sub.payload.size() - at);
        encodedItems.push_back(reencode(sub, BytesView(at, n), depth + 1));
        at += n;
      }
      if (at != item.payload.data() + item.payload.size())
        fail("decodeList did not fill the payload", encoded);
      out = rlp::encodeList(encodedItems);
    } else {
      rlp::appendListHeader(out, item.payload.size());
      out.insert(out.end(), item.payload.begin(), item.payload.end());
    }
  }
  if (out.size() != encoded.size() || !std::equal(out.begin(), out.end(), encoded.begin()))
    fail("re-encoding gives 0x" + toHex(out), encoded);
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  BytesView in(data, size);
  gInput = in;
  size_t offset = 0;
  while (offset < in.size()) {
    size_t start = offset;
    auto item = rlp::decodeItem(in, offset);
    if (auto *err = std::get_if<rlp::DecodeError>(&item)) {
      if (offset != start)
        fail("decodeItem moved the offset on error: " + err->message, in.subspan(start));
      if (err->offset > in.size())
        fail("error offset past the input: " + err->message, in.subspan(start));
      break;
    }
    if (offset <= start || offset > in.size())
      fail("decodeItem did not advance within the input", in.subspan(start));
    reencode(std::get<rlp::Item>(item), in.subspan(start, offset - start), 0);
  }
  // decode() takes exactly one item: it succeeds iff the first item fills the input.
  size_t first = 0;
  bool one = std::holds_alternative<rlp::Item>(rlp::decodeItem(in, first)) && first == size;
  if (std::holds_alternative<rlp::Item>(rlp::decode(in)) != one)
    fail("decode() and decodeItem() disagree", in);
  return 0;
}
