//===- EvmcHost.h - metis::Host over an EVMC host ---------------*- C++ -*-===//
//
// The two directions of the EVMC binding: an EVMC host seen as a metis::Host
// (so the interpreter runs unchanged under any EVMC client), and the
// conversions between metis's value types and EVMC's C structs.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_LIB_EVMC_EVMCHOST_H
#define METIS_LIB_EVMC_EVMCHOST_H

#include "metis/evmc/evmc.h"
#include "metis/runtime/Host.h"

#include <cstring>
#include <optional>

namespace metis::evmc {

inline evmc_address toEvmc(const Address &a) noexcept {
  evmc_address r;
  std::memcpy(r.bytes, a.data(), sizeof(r.bytes));
  return r;
}
inline evmc_bytes32 toEvmc(const Bytes32 &b) noexcept {
  evmc_bytes32 r;
  std::memcpy(r.bytes, b.data(), sizeof(r.bytes));
  return r;
}
inline evmc_uint256be toEvmc(const Word &w) noexcept {
  evmc_uint256be r;
  w.toBigEndian(r.bytes);
  return r;
}
inline Address fromEvmc(const evmc_address &a) noexcept {
  Address r;
  std::memcpy(r.data(), a.bytes, sizeof(a.bytes));
  return r;
}
inline Bytes32 bytes32FromEvmc(const evmc_bytes32 &b) noexcept {
  Bytes32 r;
  std::memcpy(r.data(), b.bytes, sizeof(b.bytes));
  return r;
}
inline Word wordFromEvmc(const evmc_uint256be &b) noexcept { return Word::fromBigEndian(b.bytes); }

evmc_status_code toEvmc(Status s) noexcept;
/// Codes metis has no name for (contract validation, the two wasm traps,
/// anything out of range) become Failure: to the calling frame they are all
/// just a failed call.
Status statusFromEvmc(evmc_status_code s) noexcept;
evmc_storage_status toEvmc(StorageStatus s) noexcept;
StorageStatus storageStatusFromEvmc(evmc_storage_status s) noexcept;

/// For a nested call or create made by metis code. The returned struct points
/// into `msg` (input), so it lives no longer than `msg`.
evmc_message toEvmc(const Message &msg) noexcept;
/// For execute(). Fails on kinds Cancun does not have (EOFCREATE); unknown flag
/// bits are ignored. The returned message points into `msg` (input).
std::optional<Message> messageFromEvmc(const evmc_message &msg) noexcept;

/// Forwards every metis::Host call to an EVMC host. One per executed frame: it
/// caches the transaction context, which EVMC hands out by value and the
/// interpreter reads often.
class EvmcHost final : public Host {
public:
  EvmcHost(const evmc_host_interface &host, evmc_host_context *context) noexcept
      : host_(host), context_(context) {}

  bool accountExists(const Address &addr) noexcept override;
  Word getStorage(const Address &addr, const Word &key) noexcept override;
  StorageStatus setStorage(const Address &addr, const Word &key,
                           const Word &value) noexcept override;
  Word getTransientStorage(const Address &addr, const Word &key) noexcept override;
  void setTransientStorage(const Address &addr, const Word &key,
                           const Word &value) noexcept override;
  Word getBalance(const Address &addr) noexcept override;
  size_t getCodeSize(const Address &addr) noexcept override;
  Bytes32 getCodeHash(const Address &addr) noexcept override;
  size_t copyCode(const Address &addr, size_t offset, uint8_t *out, size_t size) noexcept override;
  bool selfdestruct(const Address &addr, const Address &beneficiary) noexcept override;
  Result call(const Message &msg) noexcept override;
  const TxContext &getTxContext() noexcept override;
  Bytes32 getBlockHash(int64_t number) noexcept override;
  void emitLog(const Address &addr, BytesView data,
               std::span<const Bytes32> topics) noexcept override;
  AccessStatus accessAccount(const Address &addr) noexcept override;
  AccessStatus accessStorage(const Address &addr, const Word &key) noexcept override;

private:
  const evmc_host_interface &host_;
  evmc_host_context *context_;
  std::optional<TxContext> txContext_;
};

} // namespace metis::evmc

#endif // METIS_LIB_EVMC_EVMCHOST_H
