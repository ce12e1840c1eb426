//===- TrieTest.cpp - Merkle Patricia Trie roots --------------------------===//
//
// Known roots from ethereum/tests TrieTests (trieanyorder.json, trietest.json,
// hex_encoded_securetrie_test.json) and a mainnet block's withdrawals root,
// then random tries checked against a deliberately naive reference built node
// by node.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Trie.h"

#include "metis/runtime/Keccak.h"
#include "metis/runtime/Rlp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>

using namespace metis;

namespace {

Bytes hex(std::string_view s) {
  auto b = fromHex(s);
  EXPECT_TRUE(b) << s;
  return b ? *b : Bytes{};
}

Bytes32 hash(std::string_view s) {
  auto h = bytes32FromHex(s);
  EXPECT_TRUE(h) << s;
  return h ? *h : Bytes32{};
}

/// ethereum/tests convention: a 0x prefix means hex, anything else is the
/// string's bytes.
Bytes testBytes(std::string_view s) {
  if (s.starts_with("0x"))
    return hex(s);
  return Bytes(s.begin(), s.end());
}

using StringPairs = std::vector<std::pair<std::string_view, std::string_view>>;

std::vector<std::pair<Bytes, Bytes>> entriesOf(const StringPairs &pairs) {
  std::vector<std::pair<Bytes, Bytes>> entries;
  for (auto [k, v] : pairs)
    entries.emplace_back(testBytes(k), testBytes(v));
  return entries;
}

// An explicit order for map keys: GCC 12 warns spuriously (-Wstringop-overread)
// about the memcmp inside vector's operator<=>.
struct BytesLess {
  bool operator()(const Bytes &a, const Bytes &b) const {
    size_t n = std::min(a.size(), b.size());
    int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
    return c ? c < 0 : a.size() < b.size();
  }
};

Bytes32 rootOf(const StringPairs &pairs) { return trie::root(entriesOf(pairs)); }

//===-- A naive reference trie --------------------------------------------===//
//
// Explicit nibble vectors, one heap node per call, grouping with std::map: a
// different shape of code from the library's sorted-run recursion, so the two
// are unlikely to share a bug.

using Nibbles = std::vector<uint8_t>;
using RefEntries = std::vector<std::pair<Nibbles, Bytes>>;

Bytes refHexPrefix(const Nibbles &path, bool leaf) {
  Bytes out;
  bool odd = path.size() % 2;
  out.push_back(uint8_t((leaf ? 2 : 0) + odd) << 4 | (odd ? path[0] : 0));
  for (size_t i = odd; i < path.size(); i += 2)
    out.push_back(uint8_t(path[i] << 4 | path[i + 1]));
  return out;
}

Bytes refEncode(const RefEntries &entries);

// What a parent holds for a child node: its RLP if short, else the hash as a
// string.
Bytes refReference(const RefEntries &entries) {
  Bytes enc = refEncode(entries);
  if (enc.size() < 32)
    return enc;
  Bytes32 h = keccak256(enc);
  return rlp::encodeString(h);
}

Bytes refEncode(const RefEntries &entries) {
  if (entries.size() == 1)
    return rlp::encodeList({rlp::encodeString(refHexPrefix(entries[0].first, true)),
                            rlp::encodeString(entries[0].second)});
  size_t common = 0;
  for (;; ++common) {
    const Nibbles &first = entries[0].first;
    bool same = first.size() > common;
    for (const auto &e : entries)
      same = same && e.first.size() > common && e.first[common] == first[common];
    if (!same)
      break;
  }
  if (common > 0) {
    RefEntries rest;
    for (const auto &e : entries)
      rest.emplace_back(Nibbles(e.first.begin() + common, e.first.end()), e.second);
    Nibbles path(entries[0].first.begin(), entries[0].first.begin() + common);
    return rlp::encodeList({rlp::encodeString(refHexPrefix(path, false)), refReference(rest)});
  }
  std::map<uint8_t, RefEntries> children;
  Bytes value;
  for (const auto &e : entries) {
    if (e.first.empty())
      value = e.second;
    else
      children[e.first[0]].emplace_back(Nibbles(e.first.begin() + 1, e.first.end()), e.second);
  }
  std::vector<Bytes> items;
  for (uint8_t n = 0; n < 16; ++n) {
    auto it = children.find(n);
    items.push_back(it == children.end() ? rlp::encodeString({}) : refReference(it->second));
  }
  items.push_back(rlp::encodeString(value));
  return rlp::encodeList(items);
}

Bytes32 refRoot(const std::vector<std::pair<Bytes, Bytes>> &entries) {
  if (entries.empty())
    return keccak256(rlp::encodeString({}));
  RefEntries nibbled;
  for (const auto &[key, value] : entries) {
    Nibbles n;
    for (uint8_t b : key) {
      n.push_back(b >> 4);
      n.push_back(b & 0xf);
    }
    nibbled.emplace_back(std::move(n), value);
  }
  return keccak256(refEncode(nibbled));
}

/// Distinct random keys of mixed lengths drawn from a small alphabet, so that
/// prefixes, shared paths, extensions and values inside branches all occur.
std::vector<std::pair<Bytes, Bytes>> randomEntries(std::mt19937_64 &rng, size_t count,
                                                   size_t maxKey, size_t maxValue) {
  std::map<Bytes, Bytes, BytesLess> unique;
  std::uniform_int_distribution<size_t> keyLen(0, maxKey), valueLen(1, maxValue);
  std::uniform_int_distribution<int> alphabet(0, 3), byte(0, 255);
  const uint8_t symbols[] = {0x00, 0x01, 0x10, 0xff};
  while (unique.size() < count) {
    Bytes key(keyLen(rng));
    for (uint8_t &b : key)
      b = symbols[alphabet(rng)];
    Bytes value(valueLen(rng));
    for (uint8_t &b : value)
      b = uint8_t(byte(rng));
    unique[key] = value;
  }
  return {unique.begin(), unique.end()};
}

} // namespace

TEST(Trie, EmptyRoot) {
  EXPECT_EQ(trie::kEmptyRoot, keccak256(rlp::encodeString({})));
  EXPECT_EQ(trie::kEmptyRoot,
            hash("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
  EXPECT_EQ(trie::root({}), trie::kEmptyRoot);
  EXPECT_EQ(trie::orderedRoot({}), trie::kEmptyRoot);
  EXPECT_EQ(trie::rootFromViews({}), trie::kEmptyRoot);
}

// trieanyorder.json
TEST(Trie, AnyOrderVectors) {
  EXPECT_EQ(rootOf({{"A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}),
            hash("d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab"));
  EXPECT_EQ(rootOf({{"doe", "reindeer"}, {"dog", "puppy"}, {"dogglesworth", "cat"}}),
            hash("8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));
  EXPECT_EQ(rootOf({{"do", "verb"}, {"horse", "stallion"}, {"doge", "coin"}, {"dog", "puppy"}}),
            hash("5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"));
  EXPECT_EQ(rootOf({{"foo", "bar"}, {"food", "bass"}}),
            hash("17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3"));
  EXPECT_EQ(rootOf({{"be", "e"}, {"dog", "puppy"}, {"bed", "d"}}),
            hash("3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b"));
  EXPECT_EQ(rootOf({{"test", "test"}, {"te", "testy"}}),
            hash("8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928"));
  EXPECT_EQ(rootOf({{"0x0045", "0x0123456789"}, {"0x4500", "0x9876543210"}}),
            hash("285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503"));
}

// Intermediate roots that ethereum's client test suites check while inserting.
TEST(Trie, SmallTries) {
  EXPECT_EQ(rootOf({{"doe", "reindeer"}}),
            hash("11a0327cfcc5b7689b6b6d727e1f5f8846c1137caaa9fc871ba31b7cce1b703e"));
  EXPECT_EQ(rootOf({{"doe", "reindeer"}, {"dog", "puppy"}}),
            hash("05ae693aac2107336a79309e0c60b24a7aac6aa3edecaef593921500d33c63c4"));
  EXPECT_EQ(rootOf({{"test", "test"}}),
            hash("85d106d4edff3b7a4889e91251d0a87d7c17a1dda648ebdba8c6060825be23b8"));
}

// trietest.json, with its sequence of updates and deletions resolved to the
// final contents.
TEST(Trie, TrieTestVectors) {
  EXPECT_EQ(rootOf({
                {"0x0000000000000000000000000000000000000000000000000000000000000045",
                 "0x22b224a1420a802ab51d326e29fa98e34c4f24ea"},
                {"0x0000000000000000000000000000000000000000000000000000000000000046",
                 "0x67706c207633000000000000000000000000000000000000000000000000000"
                 "0"},
                {"0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6",
                 "0x6f6f6f6820736f2067726561742c207265616c6c6c793f00000000000000000"
                 "0"},
                {"0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2",
                 "0x465547415600000000000000000000000000000000000000000000000000000"
                 "0"},
                {"0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1",
                 "0x4e616d655265670000000000000000000000000000000000000000000000000"
                 "0"},
                {"0x4655474156000000000000000000000000000000000000000000000000000000",
                 "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2"},
                {"0x4e616d6552656700000000000000000000000000000000000000000000000000",
                 "0xec4f34c97e43fbb2816cfd95e388353c7181dab1"},
                {"0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000",
                 "0x697c7b8c961b56f675d570498424ac8de1a918f6"},
            }),
            hash("9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100"));
  EXPECT_EQ(rootOf({{"key1aa", "0123456789012345678901234567890123456789xxx"},
                    {"key1", "0123456789012345678901234567890123456789Very_Long"},
                    {"key2bb", "aval3"},
                    {"key2", "short"},
                    {"key3cc", "aval3"},
                    {"key3", "1234567890123456789012345678901"}}),
            hash("cb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89"));
}

// Outside the contract the inputs read as a sequence of inserts: the last of a
// repeated key wins and an empty value deletes. trietest.json's "jeff" and
// "emptyValues", verbatim.
TEST(Trie, UpdateSequenceSemantics) {
  StringPairs jeff = {
      {"0x0000000000000000000000000000000000000000000000000000000000000045",
       "0x22b224a1420a802ab51d326e29fa98e34c4f24ea"},
      {"0x0000000000000000000000000000000000000000000000000000000000000046",
       "0x67706c2076330000000000000000000000000000000000000000000000000000"},
      {"0x0000000000000000000000000000000000000000000000000000001234567890",
       "0x697c7b8c961b56f675d570498424ac8de1a918f6"},
      {"0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x1234567890"},
      {"0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2",
       "0x4655474156000000000000000000000000000000000000000000000000000000"},
      {"0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1",
       "0x4e616d6552656700000000000000000000000000000000000000000000000000"},
      {"0x4655474156000000000000000000000000000000000000000000000000000000",
       "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2"},
      {"0x4e616d6552656700000000000000000000000000000000000000000000000000",
       "0xec4f34c97e43fbb2816cfd95e388353c7181dab1"},
      {"0x0000000000000000000000000000000000000000000000000000001234567890", ""},
      {"0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6",
       "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000"},
      {"0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000",
       "0x697c7b8c961b56f675d570498424ac8de1a918f6"},
  };
  EXPECT_EQ(rootOf(jeff), hash("9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100"));
  EXPECT_EQ(rootOf({{"do", "verb"},
                    {"ether", "wookiedoo"},
                    {"horse", "stallion"},
                    {"shaman", "horse"},
                    {"doge", "coin"},
                    {"ether", ""},
                    {"dog", "puppy"},
                    {"shaman", ""}}),
            hash("5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"));
  EXPECT_EQ(rootOf({{"a", "1"}, {"b", ""}}), rootOf({{"a", "1"}}));
  EXPECT_EQ(rootOf({{"a", "1"}, {"a", ""}}), trie::kEmptyRoot);

  // Enough repeats that an unstable sort would lose track of which came last.
  std::vector<std::pair<Bytes, Bytes>> updates, final;
  for (uint8_t round = 0; round < 3; ++round)
    for (uint8_t k = 0; k < 100; ++k)
      updates.push_back({Bytes{k}, Bytes{uint8_t(k + 1), round}});
  for (uint8_t k = 0; k < 100; ++k)
    final.push_back({Bytes{k}, Bytes{uint8_t(k + 1), 2}});
  EXPECT_EQ(trie::root(updates), trie::root(final));
}

// hex_encoded_securetrie_test.json: account RLP keyed by keccak256(address).
TEST(Trie, SecureTrie) {
  const std::pair<const char *, const char *> accounts[] = {
      {"a94f5374fce5edbc8e2a8697c15331677e6ebf0b",
       "f848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622"
       "fb5e363b421a0c5"
       "d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
      {"095e7baea6a6c7c4c2dfeb977efac326af552d87",
       "f8440101a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b"
       "421a004bccc5d94f4"
       "d1f99aab44369a910179931772f2a5c001c3229f57831c102769"},
      {"d2571607e241ecf590ed94b12d87c94babe36db6",
       "f8440180a0ba4b47865c55a341a4a78759bb913cd15c3ee8eaf30a62fa8d1c8863113d8"
       "4e8a0c5d2460186f7"
       "233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
      {"62c01474f089b07dae603491675dc5b5748f7049",
       "f8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b"
       "421a0c5d2460186f7"
       "233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
      {"2adc25665018aa1fe0e6bc666dac8fc2697ff9ba",
       "f8478083019a59a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb"
       "5e363b421a0c5d246"
       "0186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
  };
  std::vector<std::pair<Bytes, Bytes>> entries;
  for (auto [address, account] : accounts) {
    Bytes32 key = keccak256(hex(address));
    entries.emplace_back(Bytes(key.bytes.begin(), key.bytes.end()), hex(account));
  }
  EXPECT_EQ(trie::root(entries),
            hash("730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797"));

  // The account RLP above is what the state layer will build: nonce, balance,
  // storage root, code hash.
  EXPECT_EQ(
      rlp::encodeList({rlp::encodeUint(1), rlp::encodeUint(0x05f446a7),
                       rlp::encodeString(trie::kEmptyRoot), rlp::encodeString(kEmptyCodeHash)}),
      hex(accounts[0].second));
}

// Mainnet block 19933122: its 16 withdrawals give the header's withdrawalsRoot.
TEST(Trie, OrderedRootWithdrawals) {
  struct Withdrawal {
    uint64_t index, validator;
    const char *address;
    uint64_t amount;
  };
  const char *a = "2296e122c1a20fca3cac3371357bdad3be0df079";
  const char *b = "6bd1027ca34b1fa22659f704bf91e1174323f518";
  const Withdrawal withdrawals[] = {
      {0x2c38f0b, 0x47318, a, 0x11e82c9}, {0x2c38f0c, 0x47319, a, 0x11e4739},
      {0x2c38f0d, 0x4731b, a, 0x3c699fb}, {0x2c38f0e, 0x4731c, a, 0x11ddf1d},
      {0x2c38f0f, 0x4731d, a, 0x11d402e}, {0x2c38f10, 0x4731e, a, 0x11deaaa},
      {0x2c38f11, 0x4731f, a, 0x11e05bb}, {0x2c38f12, 0x47320, a, 0x11ea102},
      {0x2c38f13, 0x47322, a, 0x11d232b}, {0x2c38f14, 0x4734d, b, 0x119e496},
      {0x2c38f15, 0x4734e, b, 0x118de59}, {0x2c38f16, 0x47350, b, 0x11913a1},
      {0x2c38f17, 0x47356, b, 0x1196fb9}, {0x2c38f18, 0x4735a, b, 0x118a33b},
      {0x2c38f19, 0x4735c, b, 0x11a72d3}, {0x2c38f1a, 0x4735e, b, 0x118d8ab},
  };
  std::vector<Bytes> values;
  for (const Withdrawal &w : withdrawals)
    values.push_back(
        rlp::encodeList({rlp::encodeUint(w.index), rlp::encodeUint(w.validator),
                         rlp::encodeString(hex(w.address)), rlp::encodeUint(w.amount)}));
  Bytes32 expected = hash("1729eaf40f84794a3766f2304185f54a793d70ecead51699b17c6ecfc77e61dd");
  EXPECT_EQ(trie::orderedRoot(values), expected);
  // Swapping two values is a different trie.
  std::swap(values[0], values[1]);
  EXPECT_NE(trie::orderedRoot(values), expected);
}

TEST(Trie, OrderedRootMatchesRlpKeys) {
  for (size_t count : {1u, 2u, 16u, 127u, 128u, 129u, 300u, 70000u}) {
    std::vector<Bytes> values;
    std::vector<std::pair<Bytes, Bytes>> entries;
    for (size_t i = 0; i < count; ++i) {
      Bytes v = rlp::encodeUint(i * 7919 + 1);
      values.push_back(v);
      entries.emplace_back(rlp::encodeUint(i), v);
    }
    Bytes32 ordered = trie::orderedRoot(values);
    EXPECT_EQ(ordered, trie::root(entries)) << count;
    if (count <= 300)
      EXPECT_EQ(ordered, refRoot(entries)) << count;
  }
}

TEST(Trie, MatchesReference) {
  std::mt19937_64 rng(20240501);
  for (int round = 0; round < 300; ++round) {
    size_t count = 1 + round % 40;
    // Tiny values make inline nodes; large ones force hashing everywhere.
    size_t maxValue = round % 3 == 0 ? 2 : round % 3 == 1 ? 40 : 300;
    auto entries = randomEntries(rng, count, 6, maxValue);
    ASSERT_EQ(trie::root(entries), refRoot(entries)) << "round " << round;
  }
}

TEST(Trie, MatchesReferenceSecureShape) {
  // 32-byte hashed keys and account-sized values, as in state and storage
  // tries.
  std::mt19937_64 rng(7);
  for (size_t count : {1u, 2u, 3u, 17u, 256u, 2000u}) {
    std::vector<std::pair<Bytes, Bytes>> entries;
    for (size_t i = 0; i < count; ++i) {
      Bytes32 key = keccak256(rlp::encodeUint(i));
      entries.emplace_back(Bytes(key.bytes.begin(), key.bytes.end()),
                           rlp::encodeUint(rng() >> (rng() % 64)));
    }
    EXPECT_EQ(trie::root(entries), refRoot(entries)) << count;
  }
}

TEST(Trie, IndependentOfInputOrder) {
  std::mt19937_64 rng(99);
  for (int round = 0; round < 50; ++round) {
    auto entries = randomEntries(rng, 2 + round * 3, 5, 50);
    Bytes32 expected = trie::root(entries);
    for (int shuffle = 0; shuffle < 5; ++shuffle) {
      std::shuffle(entries.begin(), entries.end(), rng);
      ASSERT_EQ(trie::root(entries), expected) << round;
    }
    std::reverse(entries.begin(), entries.end());
    ASSERT_EQ(trie::root(entries), expected) << round;
    // Any change to a value or a key is a different root.
    auto changed = entries;
    changed[round % changed.size()].second.push_back(0x01);
    EXPECT_NE(trie::root(changed), expected) << round;
    changed = entries;
    changed[round % changed.size()].first.push_back(0x42);
    std::map<Bytes, int, BytesLess> seen;
    bool distinct = true;
    for (const auto &[k, v] : changed)
      distinct &= ++seen[k] == 1;
    if (distinct)
      EXPECT_NE(trie::root(changed), expected) << round;
  }
}

TEST(Trie, RootFromViewsMatchesRoot) {
  std::mt19937_64 rng(3);
  auto entries = randomEntries(rng, 100, 8, 64);
  std::vector<std::pair<BytesView, BytesView>> views;
  for (const auto &[k, v] : entries)
    views.emplace_back(k, v);
  std::reverse(views.begin(), views.end());
  EXPECT_EQ(trie::rootFromViews(views), trie::root(entries));
}

TEST(Trie, LargeValuesAndKeys) {
  // Values past 55 and 65535 bytes need long RLP headers in leaves and
  // branches; keys past 108 nibbles need a long hex-prefix string.
  std::vector<std::pair<Bytes, Bytes>> entries = {
      {Bytes(60, 0x11), Bytes(70000, 0xaa)}, {Bytes(61, 0x11), Bytes(56, 0xbb)},
      {Bytes(200, 0x11), Bytes(1, 0x01)},    {Bytes(59, 0x11), Bytes(300, 0xcc)},
      {Bytes{0x12}, Bytes(1, 0x02)},
  };
  EXPECT_EQ(trie::root(entries), refRoot(entries));
  entries.resize(1);
  EXPECT_EQ(trie::root(entries), refRoot(entries));
}
