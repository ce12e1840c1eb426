//===- PointEvaluationTest.cpp - 0x0a KZG point evaluation ----------------===//
//
// https://eips.ethereum.org/EIPS/eip-4844#point-evaluation-precompile
//
// Vectors from the execution-spec state tests
// (Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors,
// named after their cases there), which take them from c-kzg-4844's
// verify_kzg_proof tests, plus the zero polynomial and edits of valid inputs.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Precompiles.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace metis;
using namespace metis::precompiles;

namespace {

constexpr unsigned kPointEvaluation = 10;
constexpr int64_t kGas = 50000;
constexpr int64_t kPlenty = 1'000'000;

constexpr std::string_view kBlsModulus =
    "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";
/// FIELD_ELEMENTS_PER_BLOB ++ BLS_MODULUS.
const std::string kSuccessOutput =
    "0000000000000000000000000000000000000000000000000000000000001000" + std::string(kBlsModulus);
/// The compressed point at infinity: the commitment to the zero polynomial,
/// and the proof of any evaluation of a constant one.
constexpr std::string_view kInfinity =
    "c00000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000";

Bytes hex(std::string_view s) {
  auto bytes = fromHex(s);
  EXPECT_TRUE(bytes) << "bad hex in test: " << s;
  return bytes.value_or(Bytes{});
}

/// 0x01 ++ sha256(commitment)[1:], hashed by precompile 0x02.
Bytes versionedHash(const Bytes &commitment) {
  Bytes hash = execute(2, commitment, kPlenty).output;
  hash.at(0) = 0x01;
  return hash;
}

struct Input {
  Bytes versionedHash, z, y, commitment, proof;

  Bytes bytes() const {
    Bytes out;
    for (const Bytes *part : {&versionedHash, &z, &y, &commitment, &proof})
      out.insert(out.end(), part->begin(), part->end());
    return out;
  }
};

/// A vector whose versioned hash matches its commitment.
Input input(std::string_view z, std::string_view y, std::string_view commitment,
            std::string_view proof) {
  Input in{{}, hex(z), hex(y), hex(commitment), hex(proof)};
  in.versionedHash = versionedHash(in.commitment);
  return in;
}

/// p(X) = 0 at z = 0: every part is zero or the point at infinity.
Input zeroPolynomial() {
  return input(std::string(64, '0'), std::string(64, '0'), kInfinity, kInfinity);
}

/// correct_proof_392169c16a2e5ef6: z = BLS_MODULUS - 1, the largest
/// canonical z.
Input correctProof392169() {
  return input("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000",
               "304962b3598a0adf33189fdfd9789feab1096ff40006900400000003fffffffc",
               "a421e229565952cfff4ef3517100a97da1d4fe57956fa50a442f92af03b1bf37adacc8a"
               "d4ed209b31287ea5bb94d9d06",
               "aa86c458b3065e7ec244033a2ade91a7499561f482419a3a372c42a636dad98262a2ce9"
               "26d142fd7cfe26ca148efe8b4");
}

/// Evaluation on a polynomial the setup commits to (correct_proof_35d08d...).
Input correctProof35d08d() {
  return input("0000000000000000000000000000000000000000000000000000000000000001",
               "60f840641ec0d0c0d2b77b2d5a393b329442721fad05ab78c7b98f2aa3c20ec9",
               "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936"
               "857bc3a7c2539ea8ec3a952b7",
               "b30b3d1e4faccc380557792c9a0374d58fa286f5f75fea48870585393f890909cd3c53c"
               "fe4897e799fb211b4be531e43");
}

void expectSuccess(const Input &in) {
  Result r = execute(kPointEvaluation, in.bytes(), kPlenty);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasUsed, kGas);
  EXPECT_EQ(toHex(r.output), kSuccessOutput);
}

void expectFailure(const Bytes &in) {
  Result r = execute(kPointEvaluation, in, kPlenty);
  EXPECT_EQ(r.status, Status::Failure);
  EXPECT_EQ(r.gasUsed, kPlenty);
  EXPECT_TRUE(r.output.empty());
}

TEST(PointEvaluation, TrustedSetupLoads) { EXPECT_EQ(loadTrustedSetup(), ""); }

TEST(PointEvaluation, ValidProofs) {
  Input zero = zeroPolynomial();
  // The versioned hash the state tests use for the infinity commitment.
  EXPECT_EQ(toHex(zero.versionedHash),
            "010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
  expectSuccess(zero);
  // correct_proof_point_at_infinity_for_zero_poly: any z.
  Input zeroAtTwo = zero;
  zeroAtTwo.z = hex("0000000000000000000000000000000000000000000000000000000000000002");
  expectSuccess(zeroAtTwo);
  // correct_proof_point_at_infinity_for_twos_poly: p(X) = 2 has the zero
  // quotient, so the proof is the point at infinity.
  expectSuccess(input("564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306",
                      "0000000000000000000000000000000000000000000000000000000000000002",
                      "a572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75b"
                      "b8f1c7c42c39a8c5529bf0f4e",
                      kInfinity));
  expectSuccess(correctProof392169());
  expectSuccess(correctProof35d08d());
  // correct_proof_1ce8e4f69d5df899: y = 0 at z = BLS_MODULUS - 1.
  expectSuccess(input("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000",
                      "0000000000000000000000000000000000000000000000000000000000000000",
                      "93efc82d2017e9c57834a1246463e64774e56183bb247c8fc9dd98c56817e878d97b05f"
                      "5c8d900acf1fbbbca6f146556",
                      "92c51ff81dd71dab71cefecd79e8274b4b7ba36a0f40e2dc086bc4061c7f63249877db2"
                      "3297212991fd63e07b7ebc348"));
}

TEST(PointEvaluation, Gas) {
  Bytes in = zeroPolynomial().bytes();
  Result exact = execute(kPointEvaluation, in, kGas);
  EXPECT_EQ(exact.status, Status::Success);
  EXPECT_EQ(exact.gasUsed, kGas);
  Result short1 = execute(kPointEvaluation, in, kGas - 1);
  EXPECT_EQ(short1.status, Status::OutOfGas);
  EXPECT_EQ(short1.gasUsed, kGas - 1);
  EXPECT_TRUE(short1.output.empty());
  // Priced before the input is looked at.
  EXPECT_EQ(execute(kPointEvaluation, {}, kGas - 1).status, Status::OutOfGas);
}

TEST(PointEvaluation, WrongLength) {
  Bytes valid = zeroPolynomial().bytes();
  expectFailure({});
  expectFailure(Bytes(valid.begin(), valid.end() - 1));
  Bytes longer = valid;
  longer.push_back(0);
  expectFailure(longer);
  Bytes twice = valid;
  twice.insert(twice.end(), valid.begin(), valid.end());
  expectFailure(twice);
}

TEST(PointEvaluation, VersionedHash) {
  // The hash of the right commitment under another version byte
  // (incorrect_versioned_hash_version_0x00, _0x02, _0xff).
  for (uint8_t version : {0x00, 0x02, 0xff}) {
    Input in = zeroPolynomial();
    in.versionedHash[0] = version;
    expectFailure(in.bytes());
  }
  // One bit off, and the hash of another commitment.
  Input flipped = correctProof392169();
  flipped.versionedHash[31] ^= 1;
  expectFailure(flipped.bytes());
  Input other = correctProof392169();
  other.versionedHash = zeroPolynomial().versionedHash;
  expectFailure(other.bytes());
  // All zeros (zeros_inputs).
  expectFailure(Bytes(192));
}

TEST(PointEvaluation, NonCanonicalFieldElements) {
  // y and z must be below BLS_MODULUS: the modulus itself (which reduces to
  // the valid 0) and all ones (invalid_y_35d08d..., invalid_z_35d08d...).
  for (std::string_view bad :
       {kBlsModulus, std::string_view("ffffffffffffffffffffffffffffffffffffff"
                                      "ffffffffffffffffffffffffff")}) {
    Input y = zeroPolynomial();
    y.y = hex(bad);
    expectFailure(y.bytes());
    Input z = zeroPolynomial();
    z.z = hex(bad);
    expectFailure(z.bytes());
  }
  // z + BLS_MODULUS for z = 1, a value that fits 256 bits.
  Input z = correctProof35d08d();
  z.z = hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000002");
  expectFailure(z.bytes());
}

TEST(PointEvaluation, WrongProof) {
  // incorrect_proof_392169c16a2e5ef6: a valid G1 point, the wrong one.
  Input in = correctProof392169();
  in.proof = hex("b08a5afbb1717334e08e05576b07bff58e8851d8cfd9ea71da1ab4233ad42"
                 "17cffabd669dfa89c3ebf4c44f91694a2f4");
  expectFailure(in.bytes());
  // incorrect_proof_point_at_infinity_392169c16a2e5ef6.
  in.proof = hex(kInfinity);
  expectFailure(in.bytes());
  // The right proof of another value, and the proof of another point.
  Input y = correctProof35d08d();
  y.y.back() ^= 1;
  expectFailure(y.bytes());
  Input z = correctProof35d08d();
  z.z.back() = 2;
  expectFailure(z.bytes());
  // The zero polynomial cannot be 1 anywhere.
  Input one = zeroPolynomial();
  one.y.back() = 1;
  expectFailure(one.bytes());
}

TEST(PointEvaluation, InvalidPoints) {
  // invalid_commitment_32afa9561a4b3b91: an x with no point on the curve,
  // under a matching versioned hash.
  std::string_view notOnCurve =
      "8123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567"
      "89abcdef0123456789abcdef";
  Input commitment =
      input("0000000000000000000000000000000000000000000000000000000000000001",
            "1824b159acc5056f998c4fefecbc4ff55884b7fa0003480200000001fffffffe", notOnCurve,
            "b0c829a8d2d3405304fecbea193e6c67f7c3912a6adc7c3737ad3f8a3b750425c1531a7"
            "426f03033a3994bc82a10609f");
  expectFailure(commitment.bytes());
  // invalid_proof_32afa9561a4b3b91: the same x as the proof.
  Input proof = correctProof392169();
  proof.proof = hex(notOnCurve);
  expectFailure(proof.bytes());
  // Not compressed (top bit clear), and infinity with a stray bit.
  Input uncompressed = zeroPolynomial();
  uncompressed.proof[0] = 0x40;
  expectFailure(uncompressed.bytes());
  Input strayBit = zeroPolynomial();
  strayBit.proof.back() = 1;
  expectFailure(strayBit.bytes());
  Input infinityCommitment = zeroPolynomial();
  infinityCommitment.commitment.back() = 1;
  infinityCommitment.versionedHash = versionedHash(infinityCommitment.commitment);
  expectFailure(infinityCommitment.bytes());
}

// The setup loads once per process, so each case runs in a fresh one (the
// "threadsafe" death-test style re-executes the test binary), where loading
// fails, 0x0a fails and nothing is printed.
void expectSetupFailsSilently(const char *path, std::string_view why) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("METIS_TRUSTED_SETUP", path, 1);
        std::string_view error = loadTrustedSetup();
        Result r = execute(kPointEvaluation, zeroPolynomial().bytes(), kPlenty);
        bool ok = error.find(path) != std::string_view::npos &&
                  error.find(why) != std::string_view::npos && r.status == Status::Failure &&
                  r.gasUsed == kPlenty;
        std::fflush(stdout);
        std::_Exit(ok ? 0 : 1);
      },
      testing::ExitedWithCode(0), "^$");
}

TEST(PointEvaluationDeathTest, MissingSetup) {
  expectSetupFailsSilently("/nonexistent/trusted_setup.txt", "cannot open");
}

TEST(PointEvaluationDeathTest, InvalidSetup) {
  std::string path = testing::TempDir() + "metis-bad-trusted-setup.txt";
  std::FILE *file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fputs("4096 65\nnot hex\n", file);
  std::fclose(file);
  expectSetupFailsSilently(path.c_str(), "not a valid setup");
  std::remove(path.c_str());
}

} // namespace
