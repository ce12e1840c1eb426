//===- EvmcTest.cpp - libmetis.so seen from an EVMC host ------------------===//
//
// Loads the built libmetis.so with dlopen() exactly as an EVMC client would and
// drives it through a small map-backed host written here in C style. Nothing
// from the metis runtime is linked in: the only contract is the EVMC C ABI, so
// a layout or mapping mistake in the binding shows up as a wrong gas number,
// status or output below. Every expected gas figure is worked out by hand in
// the comments (Cancun schedule: EIP-2929 cold costs, EIP-2200 / EIP-3529
// SSTORE pricing, 3 gas per memory word for small memories).
//
//===----------------------------------------------------------------------===//
#include "metis/evmc/evmc.h"
#include "metis/runtime/Bytes.h" // hexDigit only: this test links no runtime

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <array>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;
using AddrKey = std::array<uint8_t, 20>;
using WordKey = std::array<uint8_t, 32>;

Bytes hex(std::string_view s) {
  Bytes out;
  EXPECT_EQ(s.size() % 2, 0u) << "odd hex in test: " << s;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    int hi = metis::hexDigit(s[i]), lo = metis::hexDigit(s[i + 1]);
    EXPECT_TRUE(hi >= 0 && lo >= 0) << "bad hex in test: " << s;
    out.push_back(uint8_t(hi << 4 | lo));
  }
  return out;
}

evmc_address address(uint8_t last) {
  evmc_address a{};
  a.bytes[19] = last;
  return a;
}

/// A big-endian 32-byte word holding `v`.
evmc_bytes32 word(uint64_t v) {
  evmc_bytes32 w{};
  for (int i = 0; i < 8; ++i)
    w.bytes[31 - i] = uint8_t(v >> (8 * i));
  return w;
}

Bytes wordBytes(uint64_t v) {
  evmc_bytes32 w = word(v);
  return Bytes(w.bytes, w.bytes + 32);
}

AddrKey key(const evmc_address &a) {
  AddrKey k;
  std::memcpy(k.data(), a.bytes, 20);
  return k;
}
WordKey key(const evmc_bytes32 &w) {
  WordKey k;
  std::memcpy(k.data(), w.bytes, 32);
  return k;
}
evmc_bytes32 fromKey(const WordKey &k) {
  evmc_bytes32 w;
  std::memcpy(w.bytes, k.data(), 32);
  return w;
}
bool isZero(const WordKey &k) {
  for (uint8_t b : k)
    if (b)
      return false;
  return true;
}

// Addresses used throughout: the origin, the contract under test, a second
// contract it calls, and what the host answers for a create.
const evmc_address kOrigin = address(0x0a);
const evmc_address kContract = address(0xc0);
const evmc_address kCallee = address(0xc1);
const evmc_address kCreated = address(0xcc);

struct Slot {
  WordKey original{};
  WordKey current{};
};

struct Account {
  Bytes code;
  std::map<WordKey, Slot> storage;
  std::map<WordKey, WordKey> transient;
};

struct LogRecord {
  evmc_address address;
  Bytes data;
  std::vector<WordKey> topics;
};

/// A message as the host saw it, with the input copied out (the pointer dies
/// with the frame).
struct CallRecord {
  evmc_message msg;
  Bytes input;
};

/// The state and counters behind the C callbacks. `vm` is what nested calls
/// execute on.
struct TestHost {
  evmc_vm *vm = nullptr;
  std::map<AddrKey, Account> accounts;
  std::set<AddrKey> warmAccounts;
  std::set<std::pair<AddrKey, WordKey>> warmSlots;
  evmc_tx_context tx{};
  std::vector<evmc_bytes32> blobHashes;
  std::vector<LogRecord> logs;
  std::vector<CallRecord> calls;
  std::vector<evmc_status_code> callStatuses;
  int setStorageCalls = 0;
  int txContextCalls = 0;
  /// When set, set_storage answers this instead of the EIP-2200 classification.
  std::optional<evmc_storage_status> forcedStatus;
};

TestHost &self(evmc_host_context *c) { return *reinterpret_cast<TestHost *>(c); }

bool accountExists(evmc_host_context *c, const evmc_address *a) {
  return self(c).accounts.count(key(*a)) != 0;
}

evmc_bytes32 getStorage(evmc_host_context *c, const evmc_address *a, const evmc_bytes32 *k) {
  auto acc = self(c).accounts.find(key(*a));
  if (acc == self(c).accounts.end())
    return evmc_bytes32{};
  auto slot = acc->second.storage.find(key(*k));
  return slot == acc->second.storage.end() ? evmc_bytes32{} : fromKey(slot->second.current);
}

/// EIP-2200's classification from (original, current, new).
evmc_storage_status classify(const WordKey &orig, const WordKey &cur, const WordKey &val) {
  if (cur == val)
    return EVMC_STORAGE_ASSIGNED;
  if (orig == cur) {
    if (isZero(orig))
      return EVMC_STORAGE_ADDED;
    return isZero(val) ? EVMC_STORAGE_DELETED : EVMC_STORAGE_MODIFIED;
  }
  if (!isZero(orig) && isZero(cur))
    return val == orig ? EVMC_STORAGE_DELETED_RESTORED : EVMC_STORAGE_DELETED_ADDED;
  if (isZero(val))
    return isZero(orig) ? EVMC_STORAGE_ADDED_DELETED : EVMC_STORAGE_MODIFIED_DELETED;
  return val == orig ? EVMC_STORAGE_MODIFIED_RESTORED : EVMC_STORAGE_ASSIGNED;
}

evmc_storage_status setStorage(evmc_host_context *c, const evmc_address *a, const evmc_bytes32 *k,
                               const evmc_bytes32 *v) {
  TestHost &h = self(c);
  ++h.setStorageCalls;
  Slot &slot = h.accounts[key(*a)].storage[key(*k)];
  evmc_storage_status s = classify(slot.original, slot.current, key(*v));
  slot.current = key(*v);
  return h.forcedStatus.value_or(s);
}

evmc_bytes32 getTransientStorage(evmc_host_context *c, const evmc_address *a,
                                 const evmc_bytes32 *k) {
  Account &acc = self(c).accounts[key(*a)];
  auto it = acc.transient.find(key(*k));
  return it == acc.transient.end() ? evmc_bytes32{} : fromKey(it->second);
}

void setTransientStorage(evmc_host_context *c, const evmc_address *a, const evmc_bytes32 *k,
                         const evmc_bytes32 *v) {
  self(c).accounts[key(*a)].transient[key(*k)] = key(*v);
}

evmc_uint256be getBalance(evmc_host_context *, const evmc_address *) { return evmc_uint256be{}; }

size_t getCodeSize(evmc_host_context *c, const evmc_address *a) {
  auto it = self(c).accounts.find(key(*a));
  return it == self(c).accounts.end() ? 0 : it->second.code.size();
}

evmc_bytes32 getCodeHash(evmc_host_context *, const evmc_address *) { return evmc_bytes32{}; }

size_t copyCode(evmc_host_context *c, const evmc_address *a, size_t offset, uint8_t *out,
                size_t size) {
  auto it = self(c).accounts.find(key(*a));
  if (it == self(c).accounts.end() || offset >= it->second.code.size())
    return 0;
  size_t n = std::min(size, it->second.code.size() - offset);
  std::memcpy(out, it->second.code.data() + offset, n);
  return n;
}

bool selfdestruct(evmc_host_context *, const evmc_address *, const evmc_address *) { return true; }

// Results from metis carry metis's release function; the host swaps in this
// wrapper so the tests can see that the binding releases every nested result it
// is handed.
evmc_release_result_fn gInnerRelease = nullptr;
int gReleases = 0;

void countingRelease(const evmc_result *r) {
  ++gReleases;
  if (gInnerRelease)
    gInnerRelease(r);
}

evmc_result call(evmc_host_context *c, const evmc_message *msg);

evmc_tx_context getTxContext(evmc_host_context *c) {
  TestHost &h = self(c);
  ++h.txContextCalls;
  evmc_tx_context t = h.tx;
  t.blob_hashes = h.blobHashes.empty() ? nullptr : h.blobHashes.data();
  t.blob_hashes_count = h.blobHashes.size();
  return t;
}

evmc_bytes32 getBlockHash(evmc_host_context *, int64_t number) {
  return word(uint64_t(number) * 1000);
}

void emitLog(evmc_host_context *c, const evmc_address *a, const uint8_t *data, size_t size,
             const evmc_bytes32 topics[], size_t count) {
  LogRecord log{*a, Bytes(data, data + size), {}};
  for (size_t i = 0; i < count; ++i)
    log.topics.push_back(key(topics[i]));
  self(c).logs.push_back(std::move(log));
}

evmc_access_status accessAccount(evmc_host_context *c, const evmc_address *a) {
  return self(c).warmAccounts.insert(key(*a)).second ? EVMC_ACCESS_COLD : EVMC_ACCESS_WARM;
}

evmc_access_status accessStorage(evmc_host_context *c, const evmc_address *a,
                                 const evmc_bytes32 *k) {
  return self(c).warmSlots.insert({key(*a), key(*k)}).second ? EVMC_ACCESS_COLD : EVMC_ACCESS_WARM;
}

const evmc_host_interface kHostInterface = {
    accountExists,       getStorage, setStorage,    getBalance,    getCodeSize,
    getCodeHash,         copyCode,   selfdestruct,  call,          getTxContext,
    getBlockHash,        emitLog,    accessAccount, accessStorage, getTransientStorage,
    setTransientStorage,
};

/// Calls run the callee's code on the same VM, with the state rolled back on
/// failure; creates are not executed, only recorded, and answer kCreated with
/// all gas returned.
evmc_result call(evmc_host_context *c, const evmc_message *msg) {
  TestHost &h = self(c);
  h.calls.push_back({*msg, Bytes(msg->input_data, msg->input_data + msg->input_size)});
  if (msg->kind == EVMC_CREATE || msg->kind == EVMC_CREATE2) {
    evmc_result r{};
    r.status_code = EVMC_SUCCESS;
    r.gas_left = msg->gas;
    r.create_address = kCreated;
    return r;
  }
  auto it = h.accounts.find(key(msg->code_address));
  Bytes code = it == h.accounts.end() ? Bytes{} : it->second.code;
  auto snapshot = h.accounts;
  evmc_result r =
      h.vm->execute(h.vm, &kHostInterface, c, EVMC_CANCUN, msg, code.data(), code.size());
  if (r.status_code != EVMC_SUCCESS)
    h.accounts = std::move(snapshot);
  h.callStatuses.push_back(r.status_code);
  if (r.release) {
    gInnerRelease = r.release;
    r.release = countingRelease;
  }
  return r;
}

/// Owns an evmc_result the way an EVMC client must: release() exactly once.
struct ResultHolder {
  evmc_result r;
  explicit ResultHolder(evmc_result r) : r(r) {}
  ResultHolder(const ResultHolder &) = delete;
  ResultHolder &operator=(const ResultHolder &) = delete;
  ~ResultHolder() {
    if (r.release)
      r.release(&r);
  }
  Bytes output() const {
    return r.output_data ? Bytes(r.output_data, r.output_data + r.output_size) : Bytes{};
  }
};

using CreateFn = evmc_vm *(*)();

/// Every test runs on each engine libmetis.so offers (set_option "engine").
class EvmcTest : public ::testing::TestWithParam<std::string> {
protected:
  static void SetUpTestSuite() {
    handle_ = dlopen(METIS_LIBMETIS_PATH, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle_, nullptr) << dlerror();
    // The symbol name EVMC's loader derives from "libmetis.so".
    create_ = reinterpret_cast<CreateFn>(dlsym(handle_, "evmc_create_metis"));
    ASSERT_NE(create_, nullptr) << dlerror();
  }
  static void TearDownTestSuite() {
    if (handle_)
      dlclose(handle_);
    handle_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(create_, nullptr);
    vm_ = create_();
    ASSERT_NE(vm_, nullptr);
    ASSERT_EQ(vm_->set_option(vm_, "engine", GetParam().c_str()), EVMC_SET_OPTION_SUCCESS);
    host_.vm = vm_;
    gReleases = 0;
  }
  void TearDown() override {
    if (vm_)
      vm_->destroy(vm_);
  }

  /// Runs `code` as kContract called by kOrigin at depth 0.
  ResultHolder run(const Bytes &code, int64_t gas = 100000, uint32_t flags = 0,
                   evmc_revision rev = EVMC_CANCUN, const Bytes &input = {}, uint64_t value = 0) {
    evmc_message msg{};
    msg.kind = EVMC_CALL;
    msg.flags = flags;
    msg.gas = gas;
    msg.recipient = kContract;
    msg.code_address = kContract;
    msg.sender = kOrigin;
    msg.input_data = input.empty() ? nullptr : input.data();
    msg.input_size = input.size();
    msg.value = word(value);
    host_.accounts[key(kContract)].code = code;
    return ResultHolder(vm_->execute(vm_, &kHostInterface,
                                     reinterpret_cast<evmc_host_context *>(&host_), rev, &msg,
                                     code.data(), code.size()));
  }

  WordKey storageAt(const evmc_address &a, uint64_t k) {
    return host_.accounts[key(a)].storage[key(word(k))].current;
  }

  static inline void *handle_ = nullptr;
  static inline CreateFn create_ = nullptr;
  evmc_vm *vm_ = nullptr;
  TestHost host_;
};

TEST_P(EvmcTest, Identity) {
  EXPECT_EQ(vm_->abi_version, 12);
  EXPECT_STREQ(vm_->name, "metis");
  ASSERT_NE(vm_->version, nullptr);
  EXPECT_GT(std::strlen(vm_->version), 0u);
  ASSERT_NE(vm_->get_capabilities, nullptr);
  EXPECT_EQ(vm_->get_capabilities(vm_), evmc_capabilities_flagset(EVMC_CAPABILITY_EVM1));
}

TEST_P(EvmcTest, SetOption) {
  ASSERT_NE(vm_->set_option, nullptr);
  EXPECT_EQ(vm_->set_option(vm_, "engine", "interp"), EVMC_SET_OPTION_SUCCESS);
  EXPECT_EQ(vm_->set_option(vm_, "engine", "jit"), EVMC_SET_OPTION_SUCCESS);
  EXPECT_EQ(vm_->set_option(vm_, "engine", "aot"), EVMC_SET_OPTION_SUCCESS);
  EXPECT_EQ(vm_->set_option(vm_, "engine", "fast"), EVMC_SET_OPTION_INVALID_VALUE);
  EXPECT_EQ(vm_->set_option(vm_, "engine", ""), EVMC_SET_OPTION_INVALID_VALUE);
  EXPECT_EQ(vm_->set_option(vm_, "Engine", "interp"), EVMC_SET_OPTION_INVALID_NAME);
  EXPECT_EQ(vm_->set_option(vm_, "verbose", "1"), EVMC_SET_OPTION_INVALID_NAME);
  // Still usable after a rejected option.
  ResultHolder r = run(hex("00")); // STOP
  EXPECT_EQ(r.r.status_code, EVMC_SUCCESS);
}

TEST_P(EvmcTest, InstancesAreIndependent) {
  evmc_vm *other = create_();
  ASSERT_NE(other, nullptr);
  EXPECT_NE(other, vm_);
  other->destroy(other);
}

// Only Cancun is implemented: other revisions, older or newer, are
// EVMC_REJECTED so a host can fall back to another VM, and nothing is executed.
TEST_P(EvmcTest, OtherRevisionsAreRejected) {
  for (evmc_revision rev : {EVMC_FRONTIER, EVMC_LONDON, EVMC_SHANGHAI, EVMC_PRAGUE, EVMC_OSAKA}) {
    ResultHolder r = run(hex("602a600155"), 100000, 0, rev); // SSTORE(1, 42)
    EXPECT_EQ(r.r.status_code, EVMC_REJECTED) << "revision " << rev;
    EXPECT_EQ(r.r.gas_left, 0);
  }
  EXPECT_EQ(host_.setStorageCalls, 0);
}

TEST_P(EvmcTest, EofCreateKindIsRejected) {
  evmc_message msg{};
  msg.kind = EVMC_EOFCREATE;
  msg.gas = 100000;
  Bytes code = hex("00");
  ResultHolder r(vm_->execute(vm_, &kHostInterface, reinterpret_cast<evmc_host_context *>(&host_),
                              EVMC_CANCUN, &msg, code.data(), code.size()));
  EXPECT_EQ(r.r.status_code, EVMC_REJECTED);
}

TEST_P(EvmcTest, StoreLoadReturn) {
  // PUSH1 42 PUSH1 1 SSTORE   PUSH1 1 SLOAD PUSH1 0 MSTORE   PUSH1 32 PUSH1 0
  // RETURN
  //   2 PUSH1                          6
  //   SSTORE, cold slot, 0 -> 0 -> 42 (ADDED): 2100 + 20000   22100
  //   PUSH1, SLOAD warm (100)          103
  //   PUSH1, MSTORE 3 + one word of memory 3                   9
  //   2 PUSH1, RETURN (memory already paid)                    6
  // total 22224
  ResultHolder r = run(hex("602a600155"
                           "600154600052"
                           "60206000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 22224);
  EXPECT_EQ(r.r.gas_refund, 0);
  EXPECT_EQ(r.output(), wordBytes(42));
  EXPECT_EQ(host_.setStorageCalls, 1);
  EXPECT_EQ(storageAt(kContract, 1), key(word(42)));
  EXPECT_TRUE(host_.warmSlots.count({key(kContract), key(word(1))}));
}

TEST_P(EvmcTest, StoreDeletedEarnsRefund) {
  // Slot 1 holds 5 before the transaction; SSTORE(1, 0) is X -> X -> 0
  // (DELETED): 2 PUSH1 6 + cold 2100 + 2900 = 5006, refund 4800 (EIP-3529).
  Slot &slot = host_.accounts[key(kContract)].storage[key(word(1))];
  slot.original = slot.current = key(word(5));
  ResultHolder r = run(hex("6000600155"
                           "00"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 5006);
  EXPECT_EQ(r.r.gas_refund, 4800);
  EXPECT_EQ(storageAt(kContract, 1), key(word(0)));
}

// Every evmc_storage_status the host can answer, priced by the binding's
// mapping onto the interpreter's table: a warm SSTORE costs 6 (two PUSH1) + the
// EIP-2200 warm cost, and earns the EIP-3529 refund. A mapping off by one entry
// moves both numbers.
TEST_P(EvmcTest, EveryStorageStatusIsPricedRight) {
  struct Case {
    evmc_storage_status status;
    int64_t gas;
    int64_t refund;
  };
  const Case cases[] = {
      {EVMC_STORAGE_ASSIGNED, 100, 0},
      {EVMC_STORAGE_ADDED, 20000, 0},
      {EVMC_STORAGE_DELETED, 2900, 4800},
      {EVMC_STORAGE_MODIFIED, 2900, 0},
      {EVMC_STORAGE_DELETED_ADDED, 100, -4800},
      {EVMC_STORAGE_MODIFIED_DELETED, 100, 4800},
      {EVMC_STORAGE_DELETED_RESTORED, 100, -4800 + 2800},
      {EVMC_STORAGE_ADDED_DELETED, 100, 20000 - 100},
      {EVMC_STORAGE_MODIFIED_RESTORED, 100, 5000 - 2100 - 100},
  };
  for (const Case &c : cases) {
    host_ = TestHost{};
    host_.vm = vm_;
    host_.forcedStatus = c.status;
    host_.warmSlots.insert({key(kContract), key(word(1))});
    ResultHolder r = run(hex("6007600155"
                             "00")); // SSTORE(1, 7) STOP
    ASSERT_EQ(r.r.status_code, EVMC_SUCCESS) << "status " << c.status;
    EXPECT_EQ(r.r.gas_left, 100000 - 6 - c.gas) << "status " << c.status;
    EXPECT_EQ(r.r.gas_refund, c.refund) << "status " << c.status;
  }
}

TEST_P(EvmcTest, CallThroughHost) {
  // The callee returns the word 7:
  //   PUSH1 7 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
  //   3 + 3 + (3 + 3 memory) + 3 + 3 + 0 = 18
  host_.accounts[key(kCallee)].code = hex("6007600052"
                                          "60206000f3");
  // The caller: CALL(gas 10000, kCallee, value 0, in 0/0, out 0/32), then
  // stores the success flag at 32 and returns both words.
  //   PUSH1 32 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH20 callee PUSH2 10000   5*3
  //   + 3 + 3 = 21 CALL: 100 warm + 2500 cold surcharge + one word of output
  //   memory 3   2603 callee's frame: 10000 forwarded, 9982 returned 18 PUSH1
  //   32 MSTORE: 3 + 3 + second memory word 3                          9 PUSH1
  //   64 PUSH1 0 RETURN                                                6
  // total 2657
  ResultHolder r = run(hex("6020600060006000600073"
                           "00000000000000000000000000000000000000c1"
                           "612710f1"
                           "602052"
                           "60406000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 2657);
  Bytes expected = wordBytes(7);
  Bytes flag = wordBytes(1);
  expected.insert(expected.end(), flag.begin(), flag.end());
  EXPECT_EQ(r.output(), expected);

  ASSERT_EQ(host_.calls.size(), 1u);
  const evmc_message &m = host_.calls[0].msg;
  EXPECT_EQ(m.kind, EVMC_CALL);
  EXPECT_EQ(m.flags, 0u);
  EXPECT_EQ(m.depth, 1);
  EXPECT_EQ(m.gas, 10000);
  EXPECT_EQ(key(m.recipient), key(kCallee));
  EXPECT_EQ(key(m.code_address), key(kCallee));
  EXPECT_EQ(key(m.sender), key(kContract));
  EXPECT_EQ(key(m.value), key(word(0)));
  EXPECT_EQ(m.input_size, 0u);
  EXPECT_EQ(m.code, nullptr);
  // The nested result carried 32 bytes; the binding copied them and released
  // it.
  EXPECT_EQ(gReleases, 1);
}

TEST_P(EvmcTest, DelegateCallPassesCallerContext) {
  // The callee stores CALLER at slot 0: CALLER PUSH1 0 SSTORE STOP.
  host_.accounts[key(kCallee)].code = hex("33600055"
                                          "00");
  // DELEGATECALL(gas 50000, kCallee, in 0/4, out 0/0) with calldata "cafe0001"
  // copied to memory first: PUSH4 cafe0001 PUSH1 224 SHL PUSH1 0 MSTORE, then
  // the call.
  ResultHolder r = run(hex("63cafe000160e01b600052"
                           "600060006004600073"
                           "00000000000000000000000000000000000000c1"
                           "61c350f4"
                           "00"),
                       100000, 0, EVMC_CANCUN, {}, /*value=*/3);
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  ASSERT_EQ(host_.calls.size(), 1u);
  const CallRecord &c = host_.calls[0];
  EXPECT_EQ(c.msg.kind, EVMC_DELEGATECALL);
  EXPECT_EQ(key(c.msg.recipient), key(kContract));
  EXPECT_EQ(key(c.msg.code_address), key(kCallee));
  EXPECT_EQ(key(c.msg.sender), key(kOrigin));
  EXPECT_EQ(key(c.msg.value), key(word(3))); // the apparent value
  EXPECT_EQ(c.input, hex("cafe0001"));
  // The store landed in the caller's storage, holding the original caller.
  WordKey origin{};
  std::memcpy(origin.data() + 12, kOrigin.bytes, 20);
  EXPECT_EQ(storageAt(kContract, 0), origin);
  EXPECT_EQ(host_.accounts[key(kCallee)].storage.count(key(word(0))), 0u);
}

TEST_P(EvmcTest, Create2Message) {
  // CREATE2(value 0, offset 0, size 1, salt 0x5a); store the result and return
  // it.
  //   4 PUSH1                                                      12
  //   CREATE2: 32000 + one memory word 3 + one init word * (2 + 6)  32011
  //   the host returns all forwarded gas                            0
  //   PUSH1 0 MSTORE (memory paid) PUSH1 32 PUSH1 0 RETURN          12
  // total 32035. Forwarded: 100000 - 12 - 32011 = 67977, minus 1/64 (1062) =
  // 66915.
  ResultHolder r = run(hex("605a600160006000f5"
                           "600052"
                           "60206000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 32035);
  Bytes expected(32, 0);
  expected[31] = kCreated.bytes[19];
  EXPECT_EQ(r.output(), expected);
  ASSERT_EQ(host_.calls.size(), 1u);
  const CallRecord &c = host_.calls[0];
  EXPECT_EQ(c.msg.kind, EVMC_CREATE2);
  EXPECT_EQ(c.msg.gas, 66915);
  EXPECT_EQ(c.msg.depth, 1);
  EXPECT_EQ(key(c.msg.sender), key(kContract));
  EXPECT_EQ(key(c.msg.create2_salt), key(word(0x5a)));
  EXPECT_EQ(c.input, Bytes{0x00}); // the init code: one zero byte of fresh memory
}

TEST_P(EvmcTest, LogReachesHost) {
  // PUSH1 0xaa PUSH1 0 MSTORE8                     3 + 3 + 3 + 3 memory = 12
  // PUSH1 0x22 PUSH1 0x11 PUSH1 1 PUSH1 0 LOG2     12 + 375 + 2*375 + 8*1 =
  // 1145 STOP total 1157
  ResultHolder r = run(hex("60aa600053"
                           "60226011600160"
                           "00a2"
                           "00"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 1157);
  ASSERT_EQ(host_.logs.size(), 1u);
  const LogRecord &log = host_.logs[0];
  EXPECT_EQ(key(log.address), key(kContract));
  EXPECT_EQ(log.data, Bytes{0xaa});
  ASSERT_EQ(log.topics.size(), 2u);
  EXPECT_EQ(log.topics[0], key(word(0x11)));
  EXPECT_EQ(log.topics[1], key(word(0x22)));
}

TEST_P(EvmcTest, RevertKeepsOutputAndGas) {
  // PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 REVERT
  //   3 + 3 + (3 + 3 memory) + 3 + 3 = 18
  ResultHolder r = run(hex("602a600052"
                           "60206000fd"));
  EXPECT_EQ(r.r.status_code, EVMC_REVERT);
  EXPECT_EQ(r.r.gas_left, 100000 - 18);
  EXPECT_EQ(r.r.gas_refund, 0);
  EXPECT_EQ(r.output(), wordBytes(42));
}

TEST_P(EvmcTest, OutOfGasAtTheExactBoundary) {
  // PUSH1 1 PUSH1 0 SSTORE STOP on a cold empty slot: 6 + 2100 + 20000 = 22106.
  const Bytes code = hex("6001600055"
                         "00");
  {
    ResultHolder r = run(code, 22106);
    EXPECT_EQ(r.r.status_code, EVMC_SUCCESS);
    EXPECT_EQ(r.r.gas_left, 0);
  }
  host_ = TestHost{};
  host_.vm = vm_;
  {
    ResultHolder r = run(code, 22105);
    EXPECT_EQ(r.r.status_code, EVMC_OUT_OF_GAS);
    EXPECT_EQ(r.r.gas_left, 0);
    EXPECT_EQ(r.r.output_size, 0u);
  }
}

TEST_P(EvmcTest, StaticModeViolationAtTopLevel) {
  // SSTORE under EVMC_STATIC fails before the host is asked to write.
  ResultHolder r = run(hex("6001600055"
                           "00"),
                       100000, EVMC_STATIC);
  EXPECT_EQ(r.r.status_code, EVMC_STATIC_MODE_VIOLATION);
  EXPECT_EQ(r.r.gas_left, 0);
  EXPECT_EQ(host_.setStorageCalls, 0);
}

TEST_P(EvmcTest, StaticCallPropagatesTheFlag) {
  // The callee tries SSTORE(0, 1).
  host_.accounts[key(kCallee)].code = hex("6001600055"
                                          "00");
  // STATICCALL(gas 10000, kCallee, 0, 0, 0, 0), store the flag, return it.
  //   4 PUSH1 + PUSH20 + PUSH2                         18
  //   STATICCALL 100 + 2500 cold, no memory            2600
  //   callee fails: all 10000 forwarded gas is gone    10000
  //   PUSH1 0 MSTORE (3 + 3 + 3) PUSH1 PUSH1 RETURN    15
  // total 12633
  ResultHolder r = run(hex("6000600060006000"
                           "73"
                           "00000000000000000000000000000000000000c1"
                           "612710fa"
                           "600052"
                           "60206000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 12633);
  EXPECT_EQ(r.output(), wordBytes(0));
  ASSERT_EQ(host_.calls.size(), 1u);
  EXPECT_EQ(host_.calls[0].msg.flags, uint32_t(EVMC_STATIC));
  ASSERT_EQ(host_.callStatuses.size(), 1u);
  EXPECT_EQ(host_.callStatuses[0], EVMC_STATIC_MODE_VIOLATION);
  EXPECT_EQ(host_.setStorageCalls, 0);
}

TEST_P(EvmcTest, MessageFieldsReachTheCode) {
  // CALLER, ADDRESS, CALLVALUE and CALLDATALOAD(0) stored at 0, 32, 64, 96 and
  // returned.
  //   3 groups of (op 2 + PUSH1 3 + MSTORE 3 + new word 3) = 33
  //   PUSH1 0 CALLDATALOAD PUSH1 96 MSTORE: 3 + 3 + 3 + 6 = 15
  //   PUSH1 128 PUSH1 0 RETURN                             6
  // total 54
  Bytes input = hex("00112233445566778899aabbccddeeff"
                    "0102030405060708090a0b0c0d0e0f10");
  ResultHolder r = run(hex("33600052"
                           "30602052"
                           "34604052"
                           "600035606052"
                           "60806000f3"),
                       100000, 0, EVMC_CANCUN, input, /*value=*/0x1234);
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 54);
  Bytes out = r.output();
  ASSERT_EQ(out.size(), 128u);
  EXPECT_EQ(Bytes(out.begin() + 12, out.begin() + 32), Bytes(kOrigin.bytes, kOrigin.bytes + 20));
  EXPECT_EQ(Bytes(out.begin() + 44, out.begin() + 64),
            Bytes(kContract.bytes, kContract.bytes + 20));
  EXPECT_EQ(Bytes(out.begin() + 64, out.begin() + 96), wordBytes(0x1234));
  EXPECT_EQ(Bytes(out.begin() + 96, out.end()), input);
}

TEST_P(EvmcTest, TxContextIsConvertedAndFetchedOnce) {
  // CHAINID at 0, BLOBHASH(1) at 32, NUMBER at 64, TIMESTAMP at 96; return 128
  // bytes.
  //   CHAINID PUSH1 MSTORE                 2 + 3 + 6 = 11
  //   PUSH1 1 BLOBHASH PUSH1 MSTORE        3 + 3 + 3 + 6 = 15
  //   NUMBER PUSH1 MSTORE                  2 + 3 + 6 = 11
  //   TIMESTAMP PUSH1 MSTORE               2 + 3 + 6 = 11
  //   PUSH1 PUSH1 RETURN                   6
  // total 54
  for (int i = 0; i < 32; ++i)
    host_.tx.chain_id.bytes[i] = uint8_t(i + 1); // byte order shows up in the output
  host_.tx.block_number = 0x0102030405;
  host_.tx.block_timestamp = 1700000000;
  host_.blobHashes = {word(0xb0), word(0xb1)};
  ResultHolder r = run(hex("46600052"
                           "6001496020"
                           "52"
                           "43604052"
                           "42606052"
                           "60806000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 54);
  Bytes out = r.output();
  ASSERT_EQ(out.size(), 128u);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + 32),
            Bytes(host_.tx.chain_id.bytes, host_.tx.chain_id.bytes + 32));
  EXPECT_EQ(Bytes(out.begin() + 32, out.begin() + 64), wordBytes(0xb1));
  EXPECT_EQ(Bytes(out.begin() + 64, out.begin() + 96), wordBytes(0x0102030405));
  EXPECT_EQ(Bytes(out.begin() + 96, out.end()), wordBytes(1700000000));
  EXPECT_EQ(host_.txContextCalls, 1);
}

TEST_P(EvmcTest, TransientStorageRoundTrip) {
  // TSTORE(3, 9) TLOAD(3) returned: 2 PUSH1 + TSTORE 100, PUSH1 + TLOAD 100,
  // PUSH1 + MSTORE 6, 2 PUSH1 + RETURN: 6 + 100 + 103 + 9 + 6 = 224.
  ResultHolder r = run(hex("600960035d"
                           "60035c600052"
                           "60206000f3"));
  ASSERT_EQ(r.r.status_code, EVMC_SUCCESS);
  EXPECT_EQ(r.r.gas_left, 100000 - 224);
  EXPECT_EQ(r.output(), wordBytes(9));
  EXPECT_EQ(host_.accounts[key(kContract)].transient[key(word(3))], key(word(9)));
}

INSTANTIATE_TEST_SUITE_P(Engines, EvmcTest, ::testing::Values("interp", "jit", "aot"),
                         [](const auto &info) { return info.param; });

} // namespace
