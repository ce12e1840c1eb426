//===- DiffFuzzer.cpp - Generated programs: the compiled tier against the interpreter -===//
//
// The input drives a generator of valid-looking programs rather than being the code itself,
// so that mutations reach what random bytes rarely do: loops with counters in memory, internal
// calls through a return address on the stack, dynamic jumps through memory, storage,
// transient storage, logs, calls to the contract itself and to precompiles, reverts, and gas
// running out part-way (the gas limit comes from the input too). Each program runs as a
// depth-0 call on the interpreter and on the JIT; status, gas left and output must agree, and
// for a call that succeeds the refund, the logs and every account's storage and balance too,
// or the run aborts with the program in hex.
// (The regions issue adds the JIT's levels and a mixed mode to the tiers compared here.)
//
//===----------------------------------------------------------------------===//
#include "engines/SharedEngines.h"
#include "metis/Target/Engine.h"
#include "metis/runtime/MessageRunner.h"
#include "metis/runtime/Opcodes.h"
#include "support/Bytecode.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

using namespace metis;

namespace {

/// Reads the fuzz input as a stream of choices; past its end every choice is 0.
class Choices {
public:
  explicit Choices(BytesView data) : data_(data) {}
  uint8_t byte() { return pos_ < data_.size() ? data_[pos_++] : 0; }
  unsigned below(unsigned n) { return byte() % n; }
  uint16_t u16() { return uint16_t(byte() << 8 | byte()); }

private:
  BytesView data_;
  size_t pos_ = 0;
};

/// Bytecode with labels, on the unit tests' bytecode builder (support/Bytecode.h): a jump
/// target is pushed as a PUSH2 placeholder, patched once every label's offset is known.
class Assembler {
public:
  void op(uint8_t opcode) { code_.push_back(opcode); }
  void push(uint64_t v) { append(test::push(v)); }
  void pushWord(const Bytes &word32) { append(test::pushBytes(word32)); }
  void pushLabel(unsigned label) {
    op(OP_PUSH2);
    fixups_.emplace_back(code_.size(), label);
    code_.push_back(0);
    code_.push_back(0);
  }
  /// Places `label` here, as a JUMPDEST.
  void place(unsigned label) {
    labels_[label] = code_.size();
    op(OP_JUMPDEST);
  }
  Bytes finish() {
    for (auto [at, label] : fixups_) {
      size_t target = labels_.count(label) ? labels_[label] : 0;
      code_[at] = uint8_t(target >> 8);
      code_[at + 1] = uint8_t(target);
    }
    return code_;
  }

private:
  void append(const test::Bytecode &code) {
    code_.insert(code_.end(), code.bytes().begin(), code.bytes().end());
  }

  Bytes code_;
  std::vector<std::pair<size_t, unsigned>> fixups_;
  std::map<unsigned, size_t> labels_;
};

constexpr uint8_t kBinaryOps[] = {OP_ADD, OP_MUL,        OP_SUB, OP_DIV,  OP_SDIV, OP_MOD, OP_SMOD,
                                  OP_EXP, OP_SIGNEXTEND, OP_LT,  OP_GT,   OP_SLT,  OP_SGT, OP_EQ,
                                  OP_AND, OP_OR,         OP_XOR, OP_BYTE, OP_SHL,  OP_SHR, OP_SAR};
constexpr uint8_t kEnvOps[] = {OP_ADDRESS,        OP_CALLER,      OP_CALLVALUE, OP_CALLDATASIZE,
                               OP_CODESIZE,       OP_GAS,         OP_MSIZE,     OP_PC,
                               OP_RETURNDATASIZE, OP_SELFBALANCE, OP_NUMBER,    OP_TIMESTAMP};

/// Memory words 0..7 hold results (returned at the end); word 8 is the loop counter, word 9 a
/// stored jump target.
constexpr unsigned kCounter = 8 * 32, kStoredTarget = 9 * 32;

struct Program {
  Bytes code;
  int64_t gas;
};

Program generate(BytesView data) {
  Choices in(data);
  Assembler a;
  Program p;
  p.gas = 3000 + int64_t(in.u16()) * 4; // from "runs out at once" to ~265k
  const unsigned blocks = 2 + in.below(6);
  const unsigned function = blocks; // a label past the blocks: the internal function
  unsigned nextLabel = blocks + 1;
  auto result = [&] { return 32 * in.below(8); };
  auto constant = [&] {
    switch (in.below(4)) {
    case 0:
      return a.push(in.below(4));
    case 1:
      return a.push(in.byte());
    case 2:
      return a.push(uint64_t(in.u16()) << 48 | in.u16());
    default: {
      Bytes w(32, 0);
      for (uint8_t &b : w)
        b = in.below(3) ? 0xff : in.byte();
      return a.pushWord(w);
    }
    }
  };

  for (unsigned b = 0; b < blocks; ++b) {
    if (b)
      a.place(b);
    const unsigned statements = 1 + in.below(10);
    for (unsigned s = 0; s < statements; ++s) {
      switch (in.below(14)) {
      case 0: // arithmetic into a result word
      case 1:
        constant();
        constant();
        a.op(kBinaryOps[in.below(std::size(kBinaryOps))]);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      case 2: // ADDMOD / MULMOD, ISZERO / NOT
        constant();
        constant();
        constant();
        a.op(in.below(2) ? OP_ADDMOD : OP_MULMOD);
        a.op(in.below(2) ? OP_ISZERO : OP_NOT);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      case 3: // storage: write a slot, read one back into memory
        constant();
        a.push(in.below(4));
        a.op(in.below(4) ? OP_SSTORE : OP_TSTORE);
        a.push(in.below(4));
        a.op(in.below(2) ? OP_SLOAD : OP_TLOAD);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      case 4: // bytes into memory, a word back out
        constant();
        a.push(in.below(128));
        a.op(OP_MSTORE8);
        a.push(in.below(128));
        a.op(OP_MLOAD);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      case 5: { // LOGn with topics
        unsigned n = in.below(3);
        for (unsigned t = 0; t < n; ++t)
          constant();
        a.push(in.below(64));
        a.push(in.below(96));
        a.op(uint8_t(OP_LOG0 + n));
        break;
      }
      case 6: // environment, hashes
        a.op(kEnvOps[in.below(std::size(kEnvOps))]);
        a.push(result());
        a.op(OP_MSTORE);
        a.push(in.below(100));
        a.push(in.below(64));
        a.op(OP_KECCAK256);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      case 7: { // a loop back to this block while the counter is below a bound
        a.push(kCounter);
        a.op(OP_MLOAD);
        a.push(1);
        a.op(OP_ADD);
        a.op(OP_DUP1);
        a.push(kCounter);
        a.op(OP_MSTORE);
        a.push(1 + in.below(40));
        a.op(OP_GT); // bound > counter
        a.pushLabel(b ? b : 1 + in.below(blocks - 1));
        a.op(OP_JUMPI);
        break;
      }
      case 8: { // an internal call: the return address on the stack, the function jumps back
        unsigned back = nextLabel++;
        a.pushLabel(back);
        a.pushLabel(function);
        a.op(OP_JUMP);
        a.place(back);
        break;
      }
      case 9: { // a call to the contract itself or to a precompile, its status kept
        bool isStatic = in.below(3) == 0;
        a.push(32);           // ret size
        a.push(result());     // ret offset
        a.push(in.below(64)); // args size
        a.push(0);            // args offset
        if (!isStatic)
          a.push(in.below(3) ? 0 : 1); // value (the contract has none: that call fails)
        a.push(in.below(2) ? 0xc0de : 1 + in.below(4));
        a.push(in.below(4) ? 2000 + in.byte() * 40 : 0xffffff);
        a.op(isStatic ? OP_STATICCALL : OP_CALL);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      }
      case 10: // a dynamic jump through memory to a later block
        if (b + 1 < blocks) {
          a.pushLabel(b + 1 + in.below(blocks - b - 1));
          a.push(kStoredTarget);
          a.op(OP_MSTORE);
          a.push(kStoredTarget);
          a.op(OP_MLOAD);
          a.op(OP_JUMP);
        }
        break;
      case 11: // a conditional jump forward on a result word
        if (b + 1 < blocks) {
          a.push(result());
          a.op(OP_MLOAD);
          a.pushLabel(b + 1 + in.below(blocks - b - 1));
          a.op(OP_JUMPI);
        }
        break;
      case 12: // stack shuffles
        constant();
        constant();
        a.op(uint8_t(OP_DUP1 + in.below(2)));
        a.op(OP_SWAP2);
        a.op(OP_SUB);
        a.op(OP_ADD);
        a.push(result());
        a.op(OP_MSTORE);
        break;
      default: // an early end, now and then
        switch (in.below(8)) {
        case 0:
          a.push(32);
          a.push(result());
          a.op(OP_REVERT);
          break;
        case 1:
          a.op(OP_INVALID);
          break;
        case 2:
          a.push(3); // not a JUMPDEST
          a.op(OP_JUMP);
          break;
        case 3:
          a.op(OP_POP); // underflows when the stack is empty
          break;
        default:
          break;
        }
      }
    }
  }
  // The end: return the result words.
  a.push(8 * 32);
  a.push(0);
  a.op(OP_RETURN);
  // The internal function: some work, then back to the address on the stack.
  a.place(function);
  a.push(kCounter);
  a.op(OP_MLOAD);
  a.push(7);
  a.op(OP_MUL);
  a.push(7 * 32);
  a.op(OP_MSTORE);
  a.op(OP_JUMP);
  p.code = a.finish();
  return p;
}

/// What a call returns, as text for a readable diff.
std::string describe(const Result &r) {
  std::string refund =
      r.status == Status::Success ? " refund=" + std::to_string(r.gasRefund) : std::string();
  return std::string(statusName(r.status)) + " gasLeft=" + std::to_string(r.gasLeft) + refund +
         " output=" + toHex(r.output) + "\n";
}

/// Every account's balance and storage, and the logs, in a fixed order.
std::string describeState(state::State &st) {
  std::string s;
  std::map<Address, const state::Account *> accounts;
  for (const auto &[addr, account] : st.accounts())
    accounts[addr] = &account;
  for (const auto &[addr, account] : accounts) {
    s += "account " + toHex(addr) + " balance=" + account->balance.toHex() + "\n";
    std::map<std::string, std::string> slots;
    for (const auto &[key, slot] : account->storage)
      slots[key.toHex()] = slot.current.toHex();
    for (const auto &[key, value] : slots)
      s += "  " + key + " = " + value + "\n";
  }
  for (const state::Log &log : st.logs()) {
    s += "log " + toHex(log.address);
    for (const Bytes32 &t : log.topics)
      s += " " + toHex(t);
    s += " data=" + toHex(log.data) + "\n";
  }
  return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Program p = generate(BytesView(data, size));
  MessageSetup setup;
  setup.code = std::make_shared<const Bytes>(p.code);
  setup.contract = Address::fromUint64(0xc0de);
  setup.sender = Address::fromUint64(0xca11e7);
  setup.input = Bytes(data, data + std::min<size_t>(size, 64));
  setup.gas = p.gas;

  std::string interpState;
  MessageRunner interp(setup);
  // Everything a call leaves that the tiers must agree on.
  // The state and the refund only count when the call succeeds: a caller (the transaction, or
  // the frame above) rolls back a frame that fails or reverts, so a compiled tier may stop such
  // a frame at a different instruction of the same block (docs/compiled-code.md).
  Result ri = interp.run([&](state::State &st) { interpState = describeState(st); });
  std::string expected = describe(ri) + (ri.status == Status::Success ? interpState : "");
  // The JIT compiles the whole program, at each level; the mixed engine cuts it into small
  // regions and interprets a random half, so frames hand over at every kind of edge.
  struct Tier {
    std::string_view engine;
    CompileLevel level;
  };
  for (Tier t :
       {Tier{Engine::kJit, CompileLevel::Default}, Tier{Engine::kJit, CompileLevel::Fast},
        Tier{Engine::kJit, CompileLevel::Baseline}, Tier{Engine::kMixed, CompileLevel::Default}}) {
    Engine &tier = test::sharedEngine(std::string(t.engine), t.level);
    const std::string name =
        std::string(t.engine) + " (" + compileLevelName(t.level).str() + " level)";
    size_t fallbacks = tier.fallbackCount();
    std::string compiledState;
    MessageRunner compiled(setup, tier.executor());
    Result rc = compiled.run([&](state::State &st) { compiledState = describeState(st); });
    std::string actual = describe(rc) + (rc.status == Status::Success ? compiledState : "");
    if (tier.fallbackCount() != fallbacks || expected != actual) {
      std::fprintf(
          stderr,
          "DiffFuzzer: the %s engine disagrees with the interpreter%s\ncode: 0x%s\n"
          "gas: %lld\ninterpreter:\n%s\n%s:\n%s",
          name.c_str(), tier.fallbackCount() != fallbacks ? " (it could not compile the code)" : "",
          toHex(p.code).c_str(), (long long)p.gas, expected.c_str(), name.c_str(), actual.c_str());
      std::abort();
    }
  }
  // METIS_DIFF_VERBOSE=1: one line per program, to see what the generator reaches.
  static const bool verbose = std::getenv("METIS_DIFF_VERBOSE") != nullptr;
  if (verbose)
    std::fprintf(stderr, "%zu bytes, gas %lld: %s", p.code.size(), (long long)p.gas,
                 describe(ri).c_str());
  return 0;
}
