//===- Bytecode.h - A small EVM bytecode builder for tests ------*- C++ -*-===//
//
// Tests spell their programs as expressions rather than hex strings:
//
//   Bytecode code = push(1) + push(2) + OP_ADD + retTop();
//
// `push` picks the shortest encoding (PUSH0 for zero), and the helpers take
// their operands in the order the EVM pops them, each operand being anything
// that pushes one word: a number, a Word, an Address, an opcode such as
// OP_CALLVALUE, or a Bytecode fragment. Operands are emitted last-popped first,
// so `mstore(0, 5)` is `PUSH1 5 PUSH0 MSTORE`.
//
// Bytecode has no implicit conversion from integers: `OP_PUSH0 + OP_ADD` is an
// int and does not compile where a Bytecode is expected. Start an expression
// with a Bytecode (a helper or `Bytecode(OP_X)`).
//
//===----------------------------------------------------------------------===//
#ifndef METIS_TEST_UNITTESTS_SUPPORT_BYTECODE_H
#define METIS_TEST_UNITTESTS_SUPPORT_BYTECODE_H

#include "metis/runtime/Bytes.h"
#include "metis/runtime/Opcodes.h"
#include "metis/runtime/Word.h"

#include <algorithm>
#include <concepts>
#include <cstring>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace metis::test {

/// A sequence of code bytes.
class Bytecode {
public:
  Bytecode() = default;
  /// One opcode byte.
  Bytecode(Opcode op) : bytes_{uint8_t(op)} {}
  explicit Bytecode(Bytes bytes) : bytes_(std::move(bytes)) {}

  /// Raw bytes from hex (0x optional); throws on a malformed string, which
  /// fails the test.
  static Bytecode fromHex(std::string_view hex) {
    std::optional<Bytes> bytes = metis::fromHex(hex);
    if (!bytes)
      throw std::invalid_argument("malformed hex: " + std::string(hex));
    return Bytecode(std::move(*bytes));
  }

  const Bytes &bytes() const noexcept { return bytes_; }
  size_t size() const noexcept { return bytes_.size(); }
  const uint8_t *data() const noexcept { return bytes_.data(); }
  operator BytesView() const noexcept { return bytes_; }

  Bytecode &operator+=(const Bytecode &other) {
    bytes_.insert(bytes_.end(), other.bytes_.begin(), other.bytes_.end());
    return *this;
  }

  friend bool operator==(const Bytecode &, const Bytecode &) = default;

private:
  Bytes bytes_;
};

inline Bytecode operator+(Bytecode lhs, const Bytecode &rhs) {
  lhs += rhs;
  return lhs;
}

/// `n` copies of `code`.
inline Bytecode operator*(size_t n, const Bytecode &code) {
  Bytecode out;
  for (size_t i = 0; i < n; ++i)
    out += code;
  return out;
}

/// PUSHn with exactly `data` as its immediate (PUSH0 for empty data); for
/// tests that need a particular width.
inline Bytecode pushBytes(BytesView data) {
  if (data.size() > 32)
    throw std::invalid_argument("a push carries at most 32 bytes");
  Bytes out;
  out.push_back(data.empty() ? uint8_t(OP_PUSH0) : uint8_t(OP_PUSH1 + data.size() - 1));
  out.insert(out.end(), data.begin(), data.end());
  return Bytecode(std::move(out));
}

/// The shortest push of `value`: PUSH0 for zero, else PUSHn with n the
/// value's significant bytes.
inline Bytecode push(const Word &value) {
  uint8_t buf[32];
  value.toBigEndian(buf);
  const unsigned n = value.byteLength();
  return pushBytes(BytesView(buf + 32 - n, n));
}
inline Bytecode push(uint64_t value) { return push(Word(value)); }
/// PUSH20 of the address, whatever its leading zeros.
inline Bytecode push(const Address &addr) { return pushBytes(addr); }

/// Anything that pushes one word; what the helpers below take.
class Operand {
public:
  template <std::integral T> Operand(T value) : code_(push(uint64_t(value))) {}
  Operand(const Word &value) : code_(push(value)) {}
  Operand(const Address &addr) : code_(push(addr)) {}
  /// An opcode that pushes its result, e.g. OP_CALLVALUE or OP_GAS.
  Operand(Opcode op) : code_(op) {}
  Operand(Bytecode code) : code_(std::move(code)) {}

  const Bytecode &code() const noexcept { return code_; }

private:
  Bytecode code_;
};

/// The operands' code, last-popped first, then `op`.
inline Bytecode emit(Opcode op, std::initializer_list<Operand> popOrder) {
  Bytecode out;
  for (auto it = std::rbegin(popOrder); it != std::rend(popOrder); ++it)
    out += it->code();
  return out + op;
}

//===- Memory, storage, flow ----------------------------------------------===//

inline Bytecode mload(Operand offset) { return emit(OP_MLOAD, {offset}); }
/// MSTORE of the value already on the stack.
inline Bytecode mstore(Operand offset) { return emit(OP_MSTORE, {offset}); }
inline Bytecode mstore(Operand offset, Operand value) { return emit(OP_MSTORE, {offset, value}); }
inline Bytecode mstore8(Operand offset, Operand value) { return emit(OP_MSTORE8, {offset, value}); }
inline Bytecode mcopy(Operand dst, Operand src, Operand size) {
  return emit(OP_MCOPY, {dst, src, size});
}
inline Bytecode sload(Operand key) { return emit(OP_SLOAD, {key}); }
inline Bytecode sstore(Operand key, Operand value) { return emit(OP_SSTORE, {key, value}); }
inline Bytecode tload(Operand key) { return emit(OP_TLOAD, {key}); }
inline Bytecode tstore(Operand key, Operand value) { return emit(OP_TSTORE, {key, value}); }
inline Bytecode calldataload(Operand offset) { return emit(OP_CALLDATALOAD, {offset}); }
inline Bytecode balance(Operand addr) { return emit(OP_BALANCE, {addr}); }
inline Bytecode returndatacopy(Operand dst, Operand src, Operand size) {
  return emit(OP_RETURNDATACOPY, {dst, src, size});
}
inline Bytecode jump(Operand dest) { return emit(OP_JUMP, {dest}); }
inline Bytecode jumpi(Operand dest, Operand condition) { return emit(OP_JUMPI, {dest, condition}); }
/// JUMPI on the condition already on the stack.
inline Bytecode jumpi(Operand dest) { return emit(OP_JUMPI, {dest}); }
inline Bytecode ret(Operand offset, Operand size) { return emit(OP_RETURN, {offset, size}); }
inline Bytecode revert(Operand offset, Operand size) { return emit(OP_REVERT, {offset, size}); }
/// Returns the top of the stack as one 32-byte word through memory [0, 32):
/// PUSH0 MSTORE PUSH1 32 PUSH0 RETURN, 13 gas when memory is still empty and
/// 10 once it holds a word.
inline Bytecode retTop() { return mstore(0) + ret(0, 32); }
inline Bytecode selfdestruct(Operand beneficiary) { return emit(OP_SELFDESTRUCT, {beneficiary}); }
inline Bytecode create(Operand value, Operand offset, Operand size) {
  return emit(OP_CREATE, {value, offset, size});
}
inline Bytecode create2(Operand value, Operand offset, Operand size, Operand salt) {
  return emit(OP_CREATE2, {value, offset, size, salt});
}

/// Code that writes `data` to memory at `offset`, one MSTORE of a PUSH32 per
/// 32 bytes (the last one zero-padded on the right).
inline Bytecode storeInMemory(uint64_t offset, BytesView data) {
  Bytecode out;
  for (size_t i = 0; i < data.size(); i += 32) {
    uint8_t chunk[32] = {};
    std::memcpy(chunk, data.data() + i, std::min<size_t>(32, data.size() - i));
    out += mstore(offset + i, pushBytes(BytesView(chunk, 32)));
  }
  return out;
}

//===- Calls --------------------------------------------------------------===//

/// CALL, CALLCODE, DELEGATECALL and STATICCALL with named arguments:
///
///   call(addr).gas(1000).value(1).input(0, 32).output(0, 32)
///
/// Unset arguments are zero, except the gas, which defaults to GAS (all that
/// is left, capped by EIP-150).
class CallBuilder {
public:
  CallBuilder(Opcode op, Operand addr) : op_(op), addr_(std::move(addr)) {}

  CallBuilder &gas(Operand gas) {
    gas_ = std::move(gas);
    return *this;
  }
  CallBuilder &value(Operand value) {
    if (op_ != OP_CALL && op_ != OP_CALLCODE)
      throw std::logic_error("only CALL and CALLCODE take a value");
    value_ = std::move(value);
    return *this;
  }
  CallBuilder &input(Operand offset, Operand size) {
    inOffset_ = std::move(offset);
    inSize_ = std::move(size);
    return *this;
  }
  CallBuilder &output(Operand offset, Operand size) {
    outOffset_ = std::move(offset);
    outSize_ = std::move(size);
    return *this;
  }

  operator Bytecode() const {
    if (op_ == OP_CALL || op_ == OP_CALLCODE)
      return emit(op_, {gas_, addr_, value_, inOffset_, inSize_, outOffset_, outSize_});
    return emit(op_, {gas_, addr_, inOffset_, inSize_, outOffset_, outSize_});
  }

private:
  Opcode op_;
  Operand addr_;
  Operand gas_ = OP_GAS;
  Operand value_ = 0;
  Operand inOffset_ = 0, inSize_ = 0, outOffset_ = 0, outSize_ = 0;
};

inline CallBuilder call(Operand addr) { return {OP_CALL, std::move(addr)}; }
inline CallBuilder callcode(Operand addr) { return {OP_CALLCODE, std::move(addr)}; }
inline CallBuilder delegatecall(Operand addr) { return {OP_DELEGATECALL, std::move(addr)}; }
inline CallBuilder staticcall(Operand addr) { return {OP_STATICCALL, std::move(addr)}; }

} // namespace metis::test

#endif // METIS_TEST_UNITTESTS_SUPPORT_BYTECODE_H
