//===- IrFuzzer.cpp - The bytes as MLIR text with the metis dialect -------===//
//
// Parses the bytes as a module with every dialect metis-opt loads (InitAllDialects.h), then
// verifies it: custom parsers, attribute and type parsers and op verifiers must reject bad
// text with a diagnostic, never crash. Diagnostics are swallowed. What verifies is printed
// and must parse back (custom printers and parsers agree); if not, this aborts with the
// printed form.
//
// Text that uses a value before defining it is skipped: MLIR 19's parser writes to freed
// memory when a block that defines a value fails to parse after an earlier operation referred
// to it (llvm/llvm-project#128011 and #127778, fixed in LLVM 21; reproducer:
// `%w = arith.addi %c0, %c0 : i64` then `func.func @f() {` and `%c0 = arith.constant 0 : i64`
// with no closing brace). The fuzzer found it within a second; it is not ours to fix, and
// it would hide everything behind it. IR that metis prints defines every value first.
//
//===----------------------------------------------------------------------===//
#include "metis/InitAllDialects.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

/// A context replaced now and then, so the identifiers, types and attributes that fuzzed
/// text interns do not pile up over a long run.
mlir::MLIRContext &context() {
  static std::unique_ptr<mlir::MLIRContext> ctx;
  static unsigned uses = 0;
  if (!ctx || ++uses > 5000) {
    mlir::DialectRegistry registry;
    metis::registerAllDialects(registry);
    ctx = std::make_unique<mlir::MLIRContext>(registry, mlir::MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    uses = 0;
  }
  return *ctx;
}

bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '$' || c == '.' || c == '_' ||
         c == '-';
}

/// The end of the SSA name or label whose first character is at `i` (after `%` or `^`).
size_t nameEnd(std::string_view text, size_t i) {
  while (i < text.size() && isNameChar(text[i]))
    ++i;
  return i;
}

size_t skipSpace(std::string_view text, size_t i) {
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
    ++i;
  return i;
}

/// How the `%name` ending at `i` occurs.
enum class Occurrence {
  Use,
  Definition,     ///< `%a =`, `%a:2 =`, `%a, %b =`, or a block argument `^bb(%a: t):`.
  RegionArgument, ///< `@f(%a: t)`: defined in the region that follows.
};

/// Classifies the `%name` ending at `i`, where `open` is the innermost open parenthesis (or
/// npos).
Occurrence classify(std::string_view text, size_t i, size_t open) {
  for (size_t j = i;;) {
    if (j + 1 < text.size() && text[j] == ':' &&
        std::isdigit(static_cast<unsigned char>(text[j + 1])))
      while (++j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
        ;
    j = skipSpace(text, j);
    if (j < text.size() && text[j] == '=')
      return j + 1 < text.size() && text[j + 1] == '=' ? Occurrence::Use : Occurrence::Definition;
    if (j >= text.size() || text[j] != ',')
      break;
    j = skipSpace(text, j + 1);
    if (j + 1 >= text.size() || text[j] != '%' || !isNameChar(text[j + 1]))
      break;
    j = nameEnd(text, j + 1);
  }
  size_t j = skipSpace(text, i);
  if (open == std::string_view::npos || j >= text.size() || text[j] != ':')
    return Occurrence::Use;
  // What names the parenthesis: `^label(` or `@symbol(`.
  size_t k = open;
  while (k > 0 && std::isspace(static_cast<unsigned char>(text[k - 1])))
    --k;
  size_t start = k;
  while (start > 0 && isNameChar(text[start - 1]))
    --start;
  if (start == k || start == 0)
    return Occurrence::Use;
  if (text[start - 1] == '@')
    return Occurrence::RegionArgument;
  if (text[start - 1] != '^')
    return Occurrence::Use;
  // A block header ends `):`; a successor's operands `^bb1(%a : i256)` do not.
  int depth = 0;
  for (size_t m = open; m < text.size(); ++m) {
    if (text[m] == '(') {
      ++depth;
    } else if (text[m] == ')' && --depth == 0) {
      m = skipSpace(text, m + 1);
      return m < text.size() && text[m] == ':' ? Occurrence::Definition : Occurrence::Use;
    }
  }
  return Occurrence::Use;
}

/// Whether some `%name` is used where no definition is visible and defined later in the text
/// (comments and string literals aside); a name never defined after its use is only an error
/// the parser reports. Every `{` is taken as an isolated scope, which sees neither outer nor
/// sibling definitions, so this errs towards yes: such input is skipped (file comment).
bool hasForwardReference(std::string_view text) {
  std::vector<std::unordered_set<std::string_view>> scopes(1);
  // Arguments of `@f(%a: t)`: defined in the region that follows.
  std::unordered_set<std::string_view> signature, unresolved;
  std::vector<size_t> parens;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else if (c == '"') {
      while (++i < text.size() && text[i] != '"' && text[i] != '\n')
        if (text[i] == '\\')
          ++i;
    } else if (c == '(') {
      parens.push_back(i);
    } else if (c == ')') {
      if (!parens.empty())
        parens.pop_back();
    } else if (c == '{') {
      scopes.push_back(std::move(signature));
      signature.clear();
    } else if (c == '}') {
      if (scopes.size() > 1)
        scopes.pop_back();
    } else if (c == '%' && i + 1 < text.size() && isNameChar(text[i + 1])) {
      size_t end = nameEnd(text, i + 1);
      std::string_view name = text.substr(i + 1, end - i - 1);
      Occurrence o = classify(text, end, parens.empty() ? std::string_view::npos : parens.back());
      if (o == Occurrence::Use) {
        if (!scopes.back().contains(name))
          unresolved.insert(name);
      } else if (unresolved.contains(name)) {
        return true;
      } else {
        (o == Occurrence::RegionArgument ? signature : scopes.back()).insert(name);
      }
      i = end - 1;
    }
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (hasForwardReference(std::string_view(reinterpret_cast<const char *>(data), size)))
    return 0;
  mlir::MLIRContext &ctx = context();
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Error) {
      llvm::raw_string_ostream os(diagnostics);
      os << diag.getLocation() << ": " << diag.str() << "\n";
    }
    return mlir::success();
  });

  // A std::string, for the NUL after the end that MLIR's lexer expects of its buffer.
  const std::string text(reinterpret_cast<const char *>(data), size);
  mlir::ParserConfig config(&ctx, /*verifyAfterParse=*/false);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(text, config, "fuzz");
  if (!module || mlir::failed(mlir::verify(*module)))
    return 0;

  std::string printed;
  llvm::raw_string_ostream(printed) << *module;
  diagnostics.clear();
  if (!mlir::parseSourceString<mlir::ModuleOp>(printed, &ctx, "printed")) {
    std::fprintf(stderr, "IrFuzzer: the printed form of verified IR does not parse:\n%s\n%s\n",
                 diagnostics.c_str(), printed.c_str());
    std::abort();
  }
  return 0;
}
