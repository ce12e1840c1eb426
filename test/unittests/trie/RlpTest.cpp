//===- RlpTest.cpp - RLP encoding and strict decoding ---------------------===//
//
// Vectors from the yellow paper, the Ethereum wiki and ethereum/tests RLPTests
// (rlptest.json, invalidRLPTest.json).
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Rlp.h"

#include <gtest/gtest.h>

using namespace metis;

namespace {

Bytes hex(std::string_view s) {
  auto b = fromHex(s);
  EXPECT_TRUE(b) << s;
  return b ? *b : Bytes{};
}

BytesView str(std::string_view s) {
  return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

Bytes encStr(std::string_view s) { return rlp::encodeString(str(s)); }

const char *kLorem56 = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

/// Decodes `in` fully and encodes it again, recursing into lists; nullopt on
/// any error.
std::optional<Bytes> reencode(BytesView in);

std::optional<Bytes> reencodeItem(const rlp::Item &item) {
  if (!item.isList)
    return rlp::encodeString(item.payload);
  auto items = rlp::decodeList(item.payload);
  if (!std::holds_alternative<std::vector<rlp::Item>>(items))
    return std::nullopt;
  std::vector<Bytes> encoded;
  for (const rlp::Item &child : std::get<std::vector<rlp::Item>>(items)) {
    auto e = reencodeItem(child);
    if (!e)
      return std::nullopt;
    encoded.push_back(std::move(*e));
  }
  return rlp::encodeList(encoded);
}

std::optional<Bytes> reencode(BytesView in) {
  auto item = rlp::decode(in);
  if (!std::holds_alternative<rlp::Item>(item))
    return std::nullopt;
  return reencodeItem(std::get<rlp::Item>(item));
}

std::string decodeError(BytesView in) {
  auto item = rlp::decode(in);
  if (auto *err = std::get_if<rlp::DecodeError>(&item))
    return err->message;
  // A top-level string decodes; a malformed list only fails when split.
  if (!reencodeItem(std::get<rlp::Item>(item)))
    return "nested";
  return "";
}

} // namespace

TEST(RlpEncode, Strings) {
  EXPECT_EQ(encStr(""), hex("80"));
  EXPECT_EQ(encStr(std::string_view("\0", 1)), hex("00"));
  EXPECT_EQ(encStr("\x01"), hex("01"));
  EXPECT_EQ(encStr("\x7f"), hex("7f"));
  EXPECT_EQ(encStr("\x80"), hex("8180"));
  EXPECT_EQ(encStr("dog"), hex("83646f67"));
  // 55 bytes: the longest short form.
  EXPECT_EQ(encStr("Lorem ipsum dolor sit amet, consectetur adipisicing eli"),
            hex("b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f"
                "6e73656374"
                "65747572206164697069736963696e6720656c69"));
  // 56 bytes: the shortest long form.
  EXPECT_EQ(encStr(kLorem56), hex("b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c2063"
                                  "6f6e7365"
                                  "637465747572206164697069736963696e6720656c6974"));
  Bytes kb(1024, 'x');
  Bytes enc = rlp::encodeString(kb);
  ASSERT_EQ(enc.size(), 1027u);
  EXPECT_EQ(Bytes(enc.begin(), enc.begin() + 3), hex("b90400"));
  EXPECT_EQ(Bytes(enc.begin() + 3, enc.end()), kb);
}

TEST(RlpEncode, Integers) {
  EXPECT_EQ(rlp::encodeUint(0), hex("80"));
  EXPECT_EQ(rlp::encodeUint(1), hex("01"));
  EXPECT_EQ(rlp::encodeUint(15), hex("0f"));
  EXPECT_EQ(rlp::encodeUint(16), hex("10"));
  EXPECT_EQ(rlp::encodeUint(79), hex("4f"));
  EXPECT_EQ(rlp::encodeUint(127), hex("7f"));
  EXPECT_EQ(rlp::encodeUint(128), hex("8180"));
  EXPECT_EQ(rlp::encodeUint(1000), hex("8203e8"));
  EXPECT_EQ(rlp::encodeUint(1024), hex("820400"));
  EXPECT_EQ(rlp::encodeUint(100000), hex("830186a0"));
  EXPECT_EQ(rlp::encodeUint(UINT64_MAX), hex("88ffffffffffffffff"));
}

TEST(RlpEncode, WideIntegers) {
  // Leading zeros are stripped; the value encodes as it would through the
  // uint64 overload.
  EXPECT_EQ(rlp::encodeUint(Bytes32{}), hex("80"));
  EXPECT_EQ(rlp::encodeUint(BytesView{}), hex("80"));
  EXPECT_EQ(rlp::encodeUint(hex("00000400")), rlp::encodeUint(1024));
  EXPECT_EQ(rlp::encodeUint(hex("007f")), hex("7f"));
  EXPECT_EQ(rlp::encodeUint(hex("0080")), hex("8180"));
  // rlptest.json mediumint4 and bigint (2^256).
  EXPECT_EQ(rlp::encodeUint(hex("102030405060708090a0b0c0d0e0f2")),
            hex("8f102030405060708090a0b0c0d0e0f2"));
  Bytes twoTo256(33, 0);
  twoTo256[0] = 1;
  EXPECT_EQ(rlp::encodeUint(twoTo256), hex("a1010000000000000000000000000000000000000000000000"
                                           "000000000000000000"));
  Bytes32 word;
  word[31] = 0x45;
  word[30] = 0x01;
  EXPECT_EQ(rlp::encodeUint(word), hex("820145"));
}

TEST(RlpEncode, Lists) {
  EXPECT_EQ(rlp::encodeList(std::span<const Bytes>{}), hex("c0"));
  EXPECT_EQ(rlp::encodeList({encStr("cat"), encStr("dog")}), hex("c88363617483646f67"));
  EXPECT_EQ(rlp::encodeList({encStr("dog"), encStr("god"), encStr("cat")}),
            hex("cc83646f6783676f6483636174"));
  // [ "zw", [ 4 ], 1 ]
  EXPECT_EQ(
      rlp::encodeList({encStr("zw"), rlp::encodeList({rlp::encodeUint(4)}), rlp::encodeUint(1)}),
      hex("c6827a77c10401"));
  // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
  Bytes empty = rlp::encodeList({});
  Bytes one = rlp::encodeList({empty});
  Bytes two = rlp::encodeList({empty, one});
  EXPECT_EQ(rlp::encodeList({empty, one, two}), hex("c7c0c1c0c3c0c1c0"));
  EXPECT_EQ(rlp::encodeList({rlp::encodeList({empty, empty}), empty}), hex("c4c2c0c0c0"));

  // A payload of exactly 55 bytes stays short; 64 needs the long form.
  std::vector<Bytes> words;
  for (const char *w :
       {"asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer"})
    words.push_back(encStr(w));
  EXPECT_EQ(rlp::encodeList(words),
            hex("f784617364668471776572847a78637684617364668471776572847a786376"
                "84617364668"
                "471776572847a78637684617364668471776572"));
  Bytes triple = rlp::encodeList({encStr("asdf"), encStr("qwer"), encStr("zxcv")});
  EXPECT_EQ(triple, hex("cf84617364668471776572847a786376"));
  std::vector<Bytes> four(4, triple);
  Bytes longList = rlp::encodeList(four);
  EXPECT_EQ(Bytes(longList.begin(), longList.begin() + 2), hex("f840"));
  std::vector<Bytes> many(32, triple);
  Bytes longerList = rlp::encodeList(many);
  ASSERT_EQ(longerList.size(), 3u + 512u);
  EXPECT_EQ(Bytes(longerList.begin(), longerList.begin() + 3), hex("f90200"));

  // dictTest1
  std::vector<Bytes> dict;
  for (int i = 1; i <= 4; ++i) {
    std::string k = "key" + std::to_string(i), v = "val" + std::to_string(i);
    dict.push_back(rlp::encodeList({encStr(k), encStr(v)}));
  }
  EXPECT_EQ(rlp::encodeList(dict), hex("ecca846b6579318476616c31ca846b6579328476616c32ca846b"
                                       "6579338476616c33ca846b6579348476616c34"));
}

TEST(RlpEncode, AppendMatchesEncode) {
  Bytes out;
  rlp::appendString(out, str("dog"));
  rlp::appendUint(out, 1024);
  rlp::appendString(out, str("\x05"));
  EXPECT_EQ(out, hex("83646f6782040005"));

  Bytes list;
  rlp::appendListHeader(list, 8);
  rlp::appendString(list, str("cat"));
  rlp::appendString(list, str("dog"));
  EXPECT_EQ(list, rlp::encodeList({encStr("cat"), encStr("dog")}));

  EXPECT_EQ(rlp::headerSize(0), 1u);
  EXPECT_EQ(rlp::headerSize(55), 1u);
  EXPECT_EQ(rlp::headerSize(56), 2u);
  EXPECT_EQ(rlp::headerSize(255), 2u);
  EXPECT_EQ(rlp::headerSize(256), 3u);
}

TEST(RlpDecode, Items) {
  Bytes dog = hex("83646f67");
  auto item = rlp::decode(dog);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  EXPECT_FALSE(std::get<rlp::Item>(item).isList);
  EXPECT_EQ(
      Bytes(std::get<rlp::Item>(item).payload.begin(), std::get<rlp::Item>(item).payload.end()),
      Bytes(str("dog").begin(), str("dog").end()));

  // A single byte below 0x80 is its own payload.
  Bytes small = hex("0f");
  item = rlp::decode(small);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  EXPECT_EQ(std::get<rlp::Item>(item).payload.size(), 1u);
  EXPECT_EQ(std::get<rlp::Item>(item).payload[0], 0x0f);
  EXPECT_EQ(rlp::decodeUint(std::get<rlp::Item>(item).payload), 15u);

  Bytes catDog = hex("c88363617483646f67");
  item = rlp::decode(catDog);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  const rlp::Item &list = std::get<rlp::Item>(item);
  EXPECT_TRUE(list.isList);
  EXPECT_EQ(list.payload.size(), 8u);
  auto items = rlp::decodeList(list.payload);
  ASSERT_TRUE(std::holds_alternative<std::vector<rlp::Item>>(items));
  const auto &parts = std::get<std::vector<rlp::Item>>(items);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_FALSE(parts[0].isList);
  EXPECT_EQ(std::string(parts[0].payload.begin(), parts[0].payload.end()), "cat");
  EXPECT_EQ(std::string(parts[1].payload.begin(), parts[1].payload.end()), "dog");
  // The payload views the input rather than a copy.
  EXPECT_EQ(parts[1].payload.data(), catDog.data() + 6);

  // Empty string and empty list.
  Bytes e = hex("80");
  item = rlp::decode(e);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  EXPECT_FALSE(std::get<rlp::Item>(item).isList);
  EXPECT_TRUE(std::get<rlp::Item>(item).payload.empty());
  Bytes el = hex("c0");
  item = rlp::decode(el);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  EXPECT_TRUE(std::get<rlp::Item>(item).isList);
  EXPECT_TRUE(std::get<rlp::Item>(item).payload.empty());
}

TEST(RlpDecode, ItemAdvancesOffset) {
  Bytes seq = hex("83646f6782040005c0");
  size_t offset = 0;
  auto a = rlp::decodeItem(seq, offset);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(a));
  EXPECT_EQ(offset, 4u);
  auto b = rlp::decodeItem(seq, offset);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(b));
  EXPECT_EQ(offset, 7u);
  EXPECT_EQ(rlp::decodeUint(std::get<rlp::Item>(b).payload), 1024u);
  auto c = rlp::decodeItem(seq, offset);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(c));
  EXPECT_EQ(offset, 8u);
  auto d = rlp::decodeItem(seq, offset);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(d));
  EXPECT_TRUE(std::get<rlp::Item>(d).isList);
  EXPECT_EQ(offset, 9u);
  auto end = rlp::decodeItem(seq, offset);
  ASSERT_TRUE(std::holds_alternative<rlp::DecodeError>(end));
  EXPECT_EQ(std::get<rlp::DecodeError>(end).offset, 9u);
  EXPECT_EQ(offset, 9u);
}

TEST(RlpDecode, RoundTrips) {
  std::vector<Bytes> valid = {
      hex("80"),
      hex("00"),
      hex("7f"),
      hex("8180"),
      hex("83646f67"),
      hex("c0"),
      hex("c88363617483646f67"),
      hex("c6827a77c10401"),
      hex("c7c0c1c0c3c0c1c0"),
      hex("c4c2c0c0c0"),
      hex("88ffffffffffffffff"),
      hex("f784617364668471776572847a78637684617364668471776572847a786376846173"
          "64668471776572"
          "847a78637684617364668471776572"),
      hex("a101000000000000000000000000000000000000000000000000000000000000000"
          "0"),
      rlp::encodeString(str(kLorem56)),
      rlp::encodeString(Bytes(1024, 0xab)),
      rlp::encodeString(Bytes(70000, 0x01)),
      rlp::encodeList(std::vector<Bytes>(32, hex("c3010203"))),
      rlp::encodeList(std::vector<Bytes>(20000, hex("c3010203")))};
  for (const Bytes &v : valid) {
    auto again = reencode(v);
    ASSERT_TRUE(again) << toHex(v);
    EXPECT_EQ(*again, v) << toHex(v);
  }
}

TEST(RlpDecode, RejectsNonCanonical) {
  // invalidRLPTest.json
  for (const char *in : {
           "8100", // bytesShouldBeSingleByte00
           "8101", // bytesShouldBeSingleByte01
           "817f", // bytesShouldBeSingleByte7F
           "b800", // leadingZerosInLongLengthArray2
           "f800", // leadingZerosInLongLengthList2
           "b90040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e"
           "1f202122232425"
           "262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f", // leadingZerosInLong...1
           "fb00000040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c"
           "1d1e1f20212223"
           "2425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f", // leadingZeros...List1
           "b81000112233445566778899aabbccddeeff",                     // nonOptimalLongLengthArray1
           "b801ff",                                                   // nonOptimalLongLengthArray2
           "f810000102030405060708090a0b0c0d0e0f",                     // nonOptimalLongLengthList1
           "f803112233",                                               // nonOptimalLongLengthList2
           "f80180",                                                   // wrongSizeList
           "f80100",                                                   // wrongSizeList2
           "b837"
           "00000000000000000000000000000000000000000000000000000000000000000000"
           "000000"
           "000000000000000000000000000000000000", // 55 bytes in long form
       }) {
    EXPECT_NE(decodeError(hex(in)), "") << in;
  }
  // Non-canonical inside a list is caught when the list is split.
  EXPECT_EQ(decodeError(hex("c28100")), "nested");
  // The specific diagnostics.
  EXPECT_EQ(decodeError(hex("8100")), "single byte below 0x80 encoded as a string");
  EXPECT_EQ(decodeError(hex("b800")), "length with leading zero");
  EXPECT_EQ(decodeError(hex("b801ff")), "long form for a short length");
}

TEST(RlpDecode, RejectsTruncated) {
  for (const char *in : {
           "",                       // nothing at all
           "83646f",                 // string shorter than its header says
           "c88363617483646f",       // list shorter than its header says
           "b8",                     // missing length byte
           "b9ff",                   // missing second length byte
           "f9",                     // list missing length bytes
           "bf0f000000000000021111", // int32Overflow: a huge length
           "ff0f000000000000021111", // int32Overflow2
           "b9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b05"
           "65df0",
       })
    EXPECT_NE(decodeError(hex(in)), "") << in;
  // randomRLP: the outer list is fine, an inner item is non-canonical or runs
  // past its list.
  EXPECT_NE(decodeError(hex("f861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea211"
                            "0e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd1"
                            "7be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab3"
                            "31")),
            "");
  // An item that overruns its enclosing list: the list holds 2 bytes, the
  // string claims 3.
  Bytes overrun = hex("c28364");
  auto item = rlp::decode(overrun);
  ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
  auto items = rlp::decodeList(std::get<rlp::Item>(item).payload);
  ASSERT_TRUE(std::holds_alternative<rlp::DecodeError>(items));
  EXPECT_EQ(std::get<rlp::DecodeError>(items).message, "truncated string");
  EXPECT_EQ(std::get<rlp::DecodeError>(items).offset, 0u);
}

TEST(RlpDecode, RejectsTrailing) {
  Bytes trailing = hex("83646f6700");
  auto item = rlp::decode(trailing);
  ASSERT_TRUE(std::holds_alternative<rlp::DecodeError>(item));
  EXPECT_EQ(std::get<rlp::DecodeError>(item).offset, 4u);
  EXPECT_NE(decodeError(hex("c0c0")), "");
  EXPECT_NE(decodeError(hex("0000")), "");
  // decodeItem itself leaves what follows to the caller.
  size_t offset = 0;
  EXPECT_TRUE(std::holds_alternative<rlp::Item>(rlp::decodeItem(trailing, offset)));
  EXPECT_EQ(offset, 4u);
}

TEST(RlpDecode, Uint) {
  EXPECT_EQ(rlp::decodeUint({}), 0u);
  EXPECT_EQ(rlp::decodeUint(hex("7f")), 127u);
  EXPECT_EQ(rlp::decodeUint(hex("0400")), 1024u);
  EXPECT_EQ(rlp::decodeUint(hex("ffffffffffffffff")), UINT64_MAX);
  EXPECT_EQ(rlp::decodeUint(hex("00")), std::nullopt);
  EXPECT_EQ(rlp::decodeUint(hex("0001")), std::nullopt);
  EXPECT_EQ(rlp::decodeUint(hex("010000000000000000")), std::nullopt);
  for (uint64_t v :
       std::initializer_list<uint64_t>{0, 1, 127, 128, 255, 256, 65535, 1ull << 40, UINT64_MAX}) {
    Bytes enc = rlp::encodeUint(v);
    auto item = rlp::decode(enc);
    ASSERT_TRUE(std::holds_alternative<rlp::Item>(item));
    EXPECT_EQ(rlp::decodeUint(std::get<rlp::Item>(item).payload), v);
  }
}
