//===- Transaction.cpp - Transaction validation and execution ---------------===//
#include "metis/runtime/Transaction.h"
#include "metis/runtime/Precompiles.h"
#include "metis/runtime/StateHost.h"

namespace metis::state {

namespace {
constexpr int64_t kTxGas = 21000;
constexpr int64_t kTxCreateGas = 32000;
constexpr int64_t kTxDataZeroGas = 4;
constexpr int64_t kTxDataNonZeroGas = 16;
constexpr int64_t kAccessListAddressGas = 2400;
constexpr int64_t kAccessListStorageKeyGas = 1900;
constexpr int64_t kInitcodeWordGas = 2;
constexpr size_t kMaxInitcodeSize = 49152;
constexpr uint64_t kBlobGasPerBlob = 131072;
constexpr size_t kMaxBlobsPerBlock = 6;
constexpr uint64_t kBlobBaseFeeUpdateFraction = 3338477;
constexpr uint8_t kBlobCommitmentVersionKzg = 0x01;
constexpr int64_t kMaxRefundQuotient = 5;

int64_t intrinsicGas(const Transaction &tx) {
  int64_t gas = kTxGas;
  for (uint8_t b : tx.data)
    gas += b ? kTxDataNonZeroGas : kTxDataZeroGas;
  if (!tx.to)
    gas += kTxCreateGas + kInitcodeWordGas * int64_t((tx.data.size() + 31) / 32);
  for (const auto &entry : tx.accessList)
    gas += kAccessListAddressGas + kAccessListStorageKeyGas * int64_t(entry.keys.size());
  return gas;
}

/// a * b, or nullopt if the product does not fit in 256 bits.
std::optional<Word> checkedMul(const Word &a, const Word &b) {
  Word p = a * b;
  if (!a.isZero() && udiv(p, a) != b)
    return std::nullopt;
  return p;
}

std::optional<Word> checkedAdd(const Word &a, const Word &b) {
  Word s = a + b;
  if (s < a)
    return std::nullopt;
  return s;
}
} // namespace

std::string_view txErrorName(TxError e) noexcept {
  switch (e) {
  case TxError::IntrinsicGasTooLow:
    return "TransactionException.INTRINSIC_GAS_TOO_LOW";
  case TxError::InsufficientAccountFunds:
    return "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS";
  case TxError::NonceMismatchTooLow:
    return "TransactionException.NONCE_MISMATCH_TOO_LOW";
  case TxError::NonceMismatchTooHigh:
    return "TransactionException.NONCE_MISMATCH_TOO_HIGH";
  case TxError::NonceIsMax:
    return "TransactionException.NONCE_IS_MAX";
  case TxError::GasAllowanceExceeded:
    return "TransactionException.GAS_ALLOWANCE_EXCEEDED";
  case TxError::InsufficientMaxFeePerGas:
    return "TransactionException.INSUFFICIENT_MAX_FEE_PER_GAS";
  case TxError::PriorityGreaterThanMaxFeePerGas:
    return "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
  case TxError::SenderNotEoa:
    return "TransactionException.SENDER_NOT_EOA";
  case TxError::InitcodeSizeExceeded:
    return "TransactionException.INITCODE_SIZE_EXCEEDED";
  case TxError::Type3TxContractCreation:
    return "TransactionException.TYPE_3_TX_CONTRACT_CREATION";
  case TxError::Type3TxZeroBlobs:
    return "TransactionException.TYPE_3_TX_ZERO_BLOBS";
  case TxError::Type3TxBlobCountExceeded:
    return "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED";
  case TxError::Type3TxInvalidBlobVersionedHash:
    return "TransactionException.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH";
  case TxError::InsufficientMaxFeePerBlobGas:
    return "TransactionException.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS";
  case TxError::GasLimitPriceProductOverflow:
    return "TransactionException.GASLIMIT_PRICE_PRODUCT_OVERFLOW";
  case TxError::RlpInvalidValue:
    return "TransactionException.RLP_INVALID_VALUE";
  }
  return "TransactionException.UNKNOWN";
}

Word blobBaseFee(uint64_t excessBlobGas) {
  // fake_exponential(1, excess, fraction): the Taylor series of fraction * e^(excess/fraction).
  const Word denominator(kBlobBaseFeeUpdateFraction);
  const Word numerator(excessBlobGas);
  Word output{};
  Word accum = denominator; // factor (1) * denominator
  for (uint64_t i = 1; !accum.isZero(); ++i) {
    output += accum;
    // An excess this large prices blobs beyond any balance: saturate rather than let the
    // product wrap and the series run forever (found by fuzzing).
    if (!numerator.isZero() && accum > udiv(~Word{}, numerator))
      return ~Word{};
    accum = udiv(accum * numerator, denominator * Word(i));
    if (output + accum < output)
      return ~Word{};
  }
  return udiv(output, denominator);
}

TxContext makeTxContext(const BlockInfo &block, const Address &origin, const Word &gasPrice,
                        std::vector<Bytes32> blobHashes) {
  TxContext ctx;
  ctx.gasPrice = gasPrice;
  ctx.origin = origin;
  ctx.coinbase = block.coinbase;
  ctx.number = block.number;
  ctx.timestamp = block.timestamp;
  ctx.gasLimit = block.gasLimit;
  ctx.prevRandao = block.prevRandao;
  ctx.chainId = block.chainId;
  ctx.baseFee = block.baseFee;
  ctx.blobBaseFee = blobBaseFee(block.excessBlobGas);
  ctx.blobHashes = std::move(blobHashes);
  return ctx;
}

std::variant<TxResult, TxError> applyTransaction(State &state, const BlockInfo &block,
                                                 const Transaction &tx, Tracer *tracer,
                                                 Executor *executor) {
  using Type = Transaction::Type;
  const bool isDynamic = tx.type == Type::DynamicFee || tx.type == Type::Blob;

  if (tx.gasLimit > block.gasLimit)
    return TxError::GasAllowanceExceeded;

  Word effectivePrice = tx.gasPrice;
  if (isDynamic) {
    if (tx.maxPriorityFeePerGas > tx.maxFeePerGas)
      return TxError::PriorityGreaterThanMaxFeePerGas;
    if (tx.maxFeePerGas < block.baseFee)
      return TxError::InsufficientMaxFeePerGas;
    Word withTip = block.baseFee + tx.maxPriorityFeePerGas;
    effectivePrice = std::min(tx.maxFeePerGas, withTip);
  } else if (tx.gasPrice < block.baseFee) {
    return TxError::InsufficientMaxFeePerGas;
  }

  const Word blobPrice = blobBaseFee(block.excessBlobGas);
  Word blobGas{};
  if (tx.type == Type::Blob) {
    if (!tx.to)
      return TxError::Type3TxContractCreation;
    if (tx.blobHashes.empty())
      return TxError::Type3TxZeroBlobs;
    if (tx.blobHashes.size() > kMaxBlobsPerBlock)
      return TxError::Type3TxBlobCountExceeded;
    for (const Bytes32 &h : tx.blobHashes)
      if (h[0] != kBlobCommitmentVersionKzg)
        return TxError::Type3TxInvalidBlobVersionedHash;
    if (tx.maxFeePerBlobGas < blobPrice)
      return TxError::InsufficientMaxFeePerBlobGas;
    blobGas = Word(kBlobGasPerBlob * tx.blobHashes.size());
  }

  Account *sender = state.find(tx.sender);
  if (sender && sender->codeSize() != 0)
    return TxError::SenderNotEoa;
  const uint64_t senderNonce = sender ? sender->nonce : 0;
  if (senderNonce == Account::kMaxNonce)
    return TxError::NonceIsMax;
  if (tx.nonce < senderNonce)
    return TxError::NonceMismatchTooLow;
  if (tx.nonce > senderNonce)
    return TxError::NonceMismatchTooHigh;
  if (!tx.to && tx.data.size() > kMaxInitcodeSize)
    return TxError::InitcodeSizeExceeded;
  const int64_t intrinsic = intrinsicGas(tx);
  if (intrinsic > tx.gasLimit)
    return TxError::IntrinsicGasTooLow;

  // Up-front balance check at the maximum prices; overflow means the sender cannot pay.
  const Word maxPrice = isDynamic ? tx.maxFeePerGas : tx.gasPrice;
  auto gasCost = checkedMul(Word(uint64_t(tx.gasLimit)), maxPrice);
  auto blobCost = checkedMul(blobGas, tx.maxFeePerBlobGas);
  std::optional<Word> total;
  if (gasCost && blobCost)
    if (auto withBlobs = checkedAdd(*gasCost, *blobCost))
      total = checkedAdd(*withBlobs, tx.value);
  const Word balance = sender ? sender->balance : Word{};
  if (!total || balance < *total)
    return TxError::InsufficientAccountFunds;

  // Valid: charge the sender and run.
  Account &from = state.getOrCreate(tx.sender);
  state.setNonce(from, tx.sender, senderNonce + 1);
  const Word upfront = Word(uint64_t(tx.gasLimit)) * effectivePrice + blobGas * blobPrice;
  state.setBalance(from, tx.sender, from.balance - upfront);

  // EIP-2929/2930/3651 pre-warmed accounts and slots.
  state.warmAccount(tx.sender);
  if (tx.to)
    state.warmAccount(*tx.to);
  for (unsigned id = 1; id <= precompiles::kNumPrecompiles; ++id)
    state.warmAccount(Address::fromUint64(id));
  state.warmAccount(block.coinbase);
  for (const auto &entry : tx.accessList) {
    state.warmAccount(entry.address);
    for (const Word &key : entry.keys)
      state.warmSlot(entry.address, key);
  }

  StateHost host(state, block, makeTxContext(block, tx.sender, effectivePrice, tx.blobHashes),
                 tracer, executor);

  Message msg;
  msg.kind = tx.to ? CallKind::Call : CallKind::Create;
  msg.depth = 0;
  msg.gas = tx.gasLimit - intrinsic;
  msg.sender = tx.sender;
  msg.recipient = tx.to.value_or(Address{});
  msg.codeAddress = msg.recipient;
  msg.input = tx.data;
  msg.value = tx.value;
  Result result = host.call(msg);

  TxResult out;
  out.status = result.status;
  int64_t gasUsed = tx.gasLimit - result.gasLeft;
  int64_t refund = result.status == Status::Success ? result.gasRefund : 0;
  refund = std::min(refund, gasUsed / kMaxRefundQuotient);
  gasUsed -= refund;
  out.gasUsed = gasUsed;

  Account &payer = state.getOrCreate(tx.sender);
  state.setBalance(payer, tx.sender,
                   payer.balance + Word(uint64_t(tx.gasLimit - gasUsed)) * effectivePrice);
  // The base fee and the blob fee are burnt; the coinbase gets the priority fee. A zero fee
  // still touches it (EIP-161).
  Account &coinbase = state.getOrCreate(block.coinbase);
  state.setBalance(coinbase, block.coinbase,
                   coinbase.balance + Word(uint64_t(gasUsed)) * (effectivePrice - block.baseFee));
  state.touch(coinbase, block.coinbase);

  out.output = std::move(result.output);
  if (result.status == Status::Success && !tx.to)
    out.createdAddress = result.createAddress;
  out.logs = std::move(state.logs());
  state.logs().clear();
  state.finalizeTransaction();
  return out;
}

} // namespace metis::state
