//===- PointEvaluation.cpp - 0x0a KZG point evaluation (EIP-4844) ---------===//
//
// https://eips.ethereum.org/EIPS/eip-4844#point-evaluation-precompile
//
// Checks a KZG proof that the blob committed to evaluates to y at z, so
// contracts can verify blob contents they never see. c-kzg-4844 (over blst)
// is the reference implementation consensus clients run; we use it rather than
// redo pairing arithmetic. Its trusted setup is loaded once, on first use.
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include "metis/runtime/Precompiles.h"

#include <ckzg.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace metis::precompiles {

namespace {

constexpr uint8_t kVersionedHashVersionKzg = 0x01;

/// versioned_hash 32, z 32, y 32, commitment 48, proof 48.
constexpr size_t kHashOffset = 0;
constexpr size_t kZOffset = 32;
constexpr size_t kYOffset = 64;
constexpr size_t kCommitmentOffset = 96;
constexpr size_t kProofOffset = 144;
constexpr size_t kInputSize = 192;

/// FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS, each a 32-byte big-endian word:
/// the only output a successful call has.
static_assert(FIELD_ELEMENTS_PER_BLOB == 4096);
constexpr std::string_view kSuccessOutputHex =
    "0000000000000000000000000000000000000000000000000000000000001000"
    "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

struct TrustedSetup {
  KZGSettings settings{};
  /// Empty once `settings` holds the setup.
  std::string error;
};

TrustedSetup load() {
  TrustedSetup setup;
  const char *env = std::getenv("METIS_TRUSTED_SETUP");
  std::string path = env && *env ? env : METIS_TRUSTED_SETUP_PATH;
  std::FILE *file = std::fopen(path.c_str(), "r");
  if (!file) {
    setup.error = "cannot open the KZG trusted setup " + path + ": " + std::strerror(errno);
    return setup;
  }
  // No precomputed tables: they speed up making proofs, never checking them.
  C_KZG_RET ret = load_trusted_setup_file(&setup.settings, file, 0);
  std::fclose(file);
  if (ret != C_KZG_OK)
    setup.error =
        "cannot load the KZG trusted setup " + path +
        (ret == C_KZG_BADARGS ? ": not a valid setup" : ": out of memory or internal error");
  return setup;
}

/// The setup, loaded by the first caller while any others wait. Never freed:
/// it lives as long as the process. Loading takes about 2 s, nearly all of it
/// spent by c-kzg-4844 precomputing for EIP-7594 cell proofs, which it always
/// does.
const TrustedSetup &trustedSetup() {
  static const TrustedSetup setup = load();
  return setup;
}

template <typename T> T copyBytes(BytesView input, size_t offset) {
  T out;
  std::memcpy(out.bytes, input.data() + offset, sizeof(out.bytes));
  return out;
}

} // namespace

std::string_view loadTrustedSetup() { return trustedSetup().error; }

namespace detail {

std::optional<Bytes> pointEvaluation(BytesView input) {
  if (input.size() != kInputSize)
    return std::nullopt;

  // The versioned hash must name this commitment: its version byte, then
  // sha256(commitment) without its first byte.
  BytesView commitment = input.subspan(kCommitmentOffset, BYTES_PER_COMMITMENT);
  Bytes hash = sha256(commitment);
  hash[0] = kVersionedHashVersionKzg;
  if (!std::equal(hash.begin(), hash.end(), input.begin() + kHashOffset))
    return std::nullopt;

  const TrustedSetup &setup = trustedSetup();
  if (!setup.error.empty())
    return std::nullopt;

  // c-kzg rejects z or y at or above the BLS modulus, and a commitment or a
  // proof that is not a compressed point of the G1 subgroup, as C_KZG_BADARGS.
  auto commitmentBytes = copyBytes<::Bytes48>(input, kCommitmentOffset);
  auto z = copyBytes<::Bytes32>(input, kZOffset);
  auto y = copyBytes<::Bytes32>(input, kYOffset);
  auto proof = copyBytes<::Bytes48>(input, kProofOffset);
  bool ok = false;
  if (verify_kzg_proof(&ok, &commitmentBytes, &z, &y, &proof, &setup.settings) != C_KZG_OK || !ok)
    return std::nullopt;
  static const Bytes output = *fromHex(kSuccessOutputHex);
  return output;
}

} // namespace detail

} // namespace metis::precompiles
