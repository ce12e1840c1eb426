//===- Bytes.cpp - Hex conversion ------------------------------------------===//
#include "metis/runtime/Bytes.h"

namespace metis {

std::optional<Bytes> fromHex(std::string_view hex) {
  hex = stripHexPrefix(hex);
  if (hex.size() % 2)
    return std::nullopt;
  Bytes out(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hexDigit(hex[2 * i]), lo = hexDigit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    out[i] = uint8_t(hi << 4 | lo);
  }
  return out;
}

std::string toHex(BytesView bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s(bytes.size() * 2, '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    s[2 * i] = digits[bytes[i] >> 4];
    s[2 * i + 1] = digits[bytes[i] & 0xf];
  }
  return s;
}

template <typename T> static std::optional<T> fixedFromHex(std::string_view hex) {
  auto raw = fromHex(hex);
  if (!raw || raw->size() > T::size())
    return std::nullopt;
  T out;
  std::copy(raw->begin(), raw->end(), out.bytes.begin() + (T::size() - raw->size()));
  return out;
}

std::optional<Address> addressFromHex(std::string_view hex) { return fixedFromHex<Address>(hex); }
std::optional<Bytes32> bytes32FromHex(std::string_view hex) { return fixedFromHex<Bytes32>(hex); }

} // namespace metis
