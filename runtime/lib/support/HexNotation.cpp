//===- HexNotation.cpp - evmone's hex notation for bytecode ---------------===//
#include "metis/runtime/HexNotation.h"

#include <algorithm>
#include <cstdio>

namespace metis {

namespace {

/// A repetition larger than this is surely a typo; refuse it rather than exhaust memory.
constexpr size_t kMaxDecodedSize = size_t(64) << 20;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string describe(char c) {
  if (c >= 0x21 && c < 0x7f)
    return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%02x", unsigned(uint8_t(c)));
  return buf;
}

/// Hex digits from `pos` up to `end` (whitespace skipped) appended as bytes to `out`. Digits
/// must pair up within the run: a run cannot share a byte with a repetition next to it.
std::optional<HexNotationError> decodeRun(std::string_view text, size_t &pos, char end,
                                          Bytes &out) {
  int pending = -1;
  size_t pendingAt = 0;
  for (; pos < text.size() && text[pos] != end; ++pos) {
    char c = text[pos];
    if (isSpace(c))
      continue;
    int d = hexDigit(c);
    if (d < 0)
      return HexNotationError{pos, "unexpected character " + describe(c)};
    if (pending < 0) {
      pending = d;
      pendingAt = pos;
    } else {
      out.push_back(uint8_t(pending << 4 | d));
      pending = -1;
    }
  }
  if (pending >= 0)
    return HexNotationError{pendingAt, "odd number of hex digits"};
  return std::nullopt;
}

} // namespace

std::variant<Bytes, HexNotationError> decodeHexNotation(std::string_view text, HexPrefix prefix) {
  Bytes out;
  size_t pos = 0;
  if (prefix == HexPrefix::Optional) {
    // Skipped rather than cut, so that error offsets still count from the start of the text.
    while (pos < text.size() && isSpace(text[pos]))
      ++pos;
    std::string_view rest = text.substr(pos);
    pos += rest.size() - stripHexPrefix(rest).size();
  }
  while (pos < text.size()) {
    if (auto err = decodeRun(text, pos, '(', out))
      return *err;
    if (pos == text.size())
      break;
    const size_t open = pos++;
    size_t count = 0;
    const size_t digitsAt = pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      count = count * 10 + size_t(text[pos] - '0');
      if (count > kMaxDecodedSize)
        return HexNotationError{digitsAt, "repetition count too large"};
    }
    if (pos == digitsAt || pos == text.size() || text[pos] != 'x')
      return HexNotationError{open, "expected '(<count>x<hex>)'"};
    ++pos;
    Bytes unit;
    if (auto err = decodeRun(text, pos, ')', unit))
      return *err;
    if (pos == text.size())
      return HexNotationError{open, "unclosed '('"};
    ++pos; // ')'
    if (unit.empty())
      return HexNotationError{open, "empty repetition"};
    if (count * unit.size() > kMaxDecodedSize - out.size())
      return HexNotationError{open, "repetition too large"};
    for (size_t i = 0; i < count; ++i)
      out.insert(out.end(), unit.begin(), unit.end());
  }
  return out;
}

std::string locateInText(std::string_view fileName, std::string_view text, size_t offset,
                         std::string_view what) {
  offset = std::min(offset, text.size());
  size_t line = 1 + size_t(std::count(text.begin(), text.begin() + offset, '\n'));
  size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  lineStart = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
  return std::string(fileName) + ":" + std::to_string(line) + ":" +
         std::to_string(offset - lineStart + 1) + ": " + std::string(what);
}

} // namespace metis
