//===- PointEvaluation.cpp - 0x0a KZG point evaluation (EIP-4844) ---------===//
//
// https://eips.ethereum.org/EIPS/eip-4844#point-evaluation-precompile
//
// Checks a KZG proof that the blob committed to evaluates to y at z, so
// contracts can verify blob contents they never see. c-kzg-4844 (over blst)
// is the reference implementation consensus clients run; we use it rather than
// redo pairing arithmetic. Its trusted setup is loaded once, on first use, and only as far as
// checking a proof needs (see readSetup).
//
//===----------------------------------------------------------------------===//
#include "PrecompileFamilies.h"

#include "metis/runtime/Precompiles.h"

#include <ckzg.h>
#include <common/utils.h> // pairings_verify

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
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

/// The trusted setup file's shape (c-kzg-4844's setup/setup.c, which keeps these private):
/// the G1 points in Lagrange form, the G2 points, then the G1 points in monomial form.
constexpr size_t kNumG1Points = FIELD_ELEMENTS_PER_BLOB;
constexpr size_t kNumG2Points = 65;
constexpr size_t kBytesPerG1 = 48;
constexpr size_t kBytesPerG2 = 96;

/// The setup as 0x0a needs it: the G2 points, which are all verify_kzg_proof reads of a
/// KZGSettings (g2_values_monomial[1], in c-kzg-4844 4.1.0's eip4844.c). `settings` points
/// into `g2` and is good for verify_kzg_proof only: the other tables (roots of unity, the G1
/// points, the FK20 columns for cell proofs) are left null.
struct TrustedSetup {
  std::unique_ptr<g2_t[]> g2;
  KZGSettings settings{};
  /// Empty once `settings` holds the setup.
  std::string error;
};

/// Reads `in` as c-kzg-4844's load_trusted_setup_file() does, with the same checks (the point
/// counts, the hex, that every point decompresses, that the setup is in Lagrange form), but
/// without building what only making proofs or EIP-7594 cells needs. load_trusted_setup()
/// always builds the FK20 columns for cell proofs, whatever its `precompute` argument (that
/// only adds tables on top): about 1.6 of its 1.7 s, none of it used to check a proof.
C_KZG_RET readSetup(std::FILE *in, TrustedSetup &setup) {
  uint64_t numG1 = 0, numG2 = 0;
  if (std::fscanf(in, "%" SCNu64, &numG1) != 1 || numG1 != kNumG1Points ||
      std::fscanf(in, "%" SCNu64, &numG2) != 1 || numG2 != kNumG2Points)
    return C_KZG_BADARGS;
  constexpr size_t kG1Bytes = kNumG1Points * kBytesPerG1, kG2Bytes = kNumG2Points * kBytesPerG2;
  std::unique_ptr<uint8_t[]> bytes(new (std::nothrow) uint8_t[2 * kG1Bytes + kG2Bytes]);
  setup.g2.reset(new (std::nothrow) g2_t[kNumG2Points]);
  if (!bytes || !setup.g2)
    return C_KZG_MALLOC;
  // In file order: G1 Lagrange, G2 monomial, G1 monomial (the EIP-7594 extension, last).
  const uint8_t *g1Lagrange = bytes.get();
  const uint8_t *g2Monomial = g1Lagrange + kG1Bytes;
  const uint8_t *g1Monomial = g2Monomial + kG2Bytes;
  for (size_t i = 0; i < 2 * kG1Bytes + kG2Bytes; ++i)
    if (std::fscanf(in, "%2hhx", &bytes[i]) != 1)
      return C_KZG_BADARGS;

  // Every point must decompress, as c-kzg requires, though 0x0a reads no G1 point of the
  // setup; the first two Lagrange ones are kept for the form check.
  blst_p1_affine firstG1[2];
  for (const uint8_t *g1 : {g1Lagrange, g1Monomial})
    for (size_t i = 0; i < kNumG1Points; ++i) {
      blst_p1_affine point;
      if (blst_p1_uncompress(&point, g1 + i * kBytesPerG1) != BLST_SUCCESS)
        return C_KZG_BADARGS;
      if (g1 == g1Lagrange && i < 2)
        firstG1[i] = point;
    }
  for (size_t i = 0; i < kNumG2Points; ++i) {
    blst_p2_affine point;
    if (blst_p2_uncompress(&point, g2Monomial + i * kBytesPerG2) != BLST_SUCCESS)
      return C_KZG_BADARGS;
    blst_p2_from_affine(&setup.g2[i], &point);
  }

  // A setup in monomial form passes e(G1[1], G2[0]) == e(G1[0], G2[1]); c-kzg refuses it.
  g1_t lagrange0, lagrange1;
  blst_p1_from_affine(&lagrange0, &firstG1[0]);
  blst_p1_from_affine(&lagrange1, &firstG1[1]);
  if (pairings_verify(&lagrange1, &setup.g2[0], &lagrange0, &setup.g2[1]))
    return C_KZG_BADARGS;

  setup.settings.g2_values_monomial = setup.g2.get();
  return C_KZG_OK;
}

TrustedSetup load() {
  TrustedSetup setup;
  const char *env = std::getenv("METIS_TRUSTED_SETUP");
  std::string path = env && *env ? env : METIS_TRUSTED_SETUP_PATH;
  std::FILE *file = std::fopen(path.c_str(), "r");
  if (!file) {
    setup.error = "cannot open the KZG trusted setup " + path + ": " + std::strerror(errno);
    return setup;
  }
  C_KZG_RET ret = readSetup(file, setup);
  std::fclose(file);
  if (ret != C_KZG_OK)
    setup.error =
        "cannot load the KZG trusted setup " + path +
        (ret == C_KZG_BADARGS ? ": not a valid setup" : ": out of memory or internal error");
  return setup;
}

/// The setup, loaded once, by the first caller while any others wait (a function-local
/// static's initialisation is thread-safe). Never freed: it lives as long as the process.
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
