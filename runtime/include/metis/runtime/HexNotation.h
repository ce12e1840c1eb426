//===- HexNotation.h - evmone's hex notation for bytecode -------*- C++ -*-===//
//
// Bytecode and benchmark inputs are written in evmone's hex notation: hex digits with any
// whitespace between them, and `(NxHEX)` for HEX repeated N times. metisc reads code in it and
// the benchmark loaders read their inputs in it, so the decoder lives here, beside the plain
// hex of Bytes.h.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_HEXNOTATION_H
#define METIS_RUNTIME_HEXNOTATION_H

#include "metis/runtime/Bytes.h"

#include <string>
#include <string_view>
#include <variant>

namespace metis {

/// What is wrong with a text and where: `offset` is a byte offset into it.
struct HexNotationError {
  size_t offset = 0;
  std::string what;

  /// "column N: WHAT", N 1-based: how the tools report an error in one line of notation.
  std::string message() const { return "column " + std::to_string(offset + 1) + ": " + what; }
};

/// Whether the text may start (after whitespace) with a 0x prefix, as Ethereum tools print
/// code. evmone's own files never carry one.
enum class HexPrefix { Rejected, Optional };

/// Decodes evmone's hex notation. Output larger than 64 MiB is refused (a repetition count
/// that large is a typo, not code).
std::variant<Bytes, HexNotationError> decodeHexNotation(std::string_view text,
                                                        HexPrefix prefix = HexPrefix::Rejected);

/// "FILE:LINE:COLUMN: WHAT" for an error at byte `offset` of a file's `text` (both 1-based).
std::string locateInText(std::string_view fileName, std::string_view text, size_t offset,
                         std::string_view what);

} // namespace metis

#endif // METIS_RUNTIME_HEXNOTATION_H
