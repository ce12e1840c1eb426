//===- Bytes.h - Byte strings, addresses and 32-byte hashes -----*- C++ -*-===//
//
// The plain value types every runtime component shares. Addresses and hashes are fixed-size
// byte arrays (big-endian, as on the wire), comparable and hashable so they key maps directly.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_BYTES_H
#define METIS_RUNTIME_BYTES_H

#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace metis {

using Bytes = std::vector<uint8_t>;
using BytesView = std::span<const uint8_t>;

/// A fixed-size big-endian byte array: the base of Address (20) and Bytes32 (32).
template <size_t N> struct FixedBytes {
  std::array<uint8_t, N> bytes{};

  static constexpr size_t size() { return N; }
  const uint8_t *data() const { return bytes.data(); }
  uint8_t *data() { return bytes.data(); }
  uint8_t operator[](size_t i) const { return bytes[i]; }
  uint8_t &operator[](size_t i) { return bytes[i]; }
  operator BytesView() const { return {bytes.data(), N}; }
  bool isZero() const {
    for (uint8_t b : bytes)
      if (b)
        return false;
    return true;
  }
  friend auto operator<=>(const FixedBytes &, const FixedBytes &) = default;
  friend bool operator==(const FixedBytes &, const FixedBytes &) = default;
};

struct Address : FixedBytes<20> {
  /// The address whose last 8 bytes are `v` big-endian (precompiles are 0x01..0x0a).
  static Address fromUint64(uint64_t v) {
    Address a;
    for (int i = 0; i < 8; ++i)
      a.bytes[19 - i] = uint8_t(v >> (8 * i));
    return a;
  }
};

struct Bytes32 : FixedBytes<32> {};

/// The value of one hex digit (either case), or -1 for any other character.
constexpr int hexDigit(char c) noexcept {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/// `hex` without a leading "0x" or "0X", if it has one.
constexpr std::string_view stripHexPrefix(std::string_view hex) noexcept {
  if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
    hex.remove_prefix(2);
  return hex;
}

/// Decodes hex with an optional 0x prefix; whitespace is not accepted here (callers that allow
/// it strip it first). Returns nullopt on an odd length or a non-hex digit.
std::optional<Bytes> fromHex(std::string_view hex);
/// Lower-case hex without prefix.
std::string toHex(BytesView bytes);
/// Parses exactly N bytes of hex (0x optional); shorter input is left-padded with zeros.
std::optional<Address> addressFromHex(std::string_view hex);
std::optional<Bytes32> bytes32FromHex(std::string_view hex);

} // namespace metis

template <size_t N> struct std::hash<metis::FixedBytes<N>> {
  size_t operator()(const metis::FixedBytes<N> &b) const noexcept {
    // Addresses and hashes are already well mixed; fold the leading 8 bytes.
    uint64_t h;
    std::memcpy(&h, b.bytes.data(), 8);
    return size_t(h ^ (h >> 29));
  }
};
template <> struct std::hash<metis::Address> : std::hash<metis::FixedBytes<20>> {};
template <> struct std::hash<metis::Bytes32> : std::hash<metis::FixedBytes<32>> {};

#endif // METIS_RUNTIME_BYTES_H
