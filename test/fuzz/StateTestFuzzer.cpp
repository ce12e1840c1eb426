//===- StateTestFuzzer.cpp - The bytes as a state-test JSON file ----------===//
//
// statetest::loadFile reads from a path, so each input is written to one temporary file per
// process (the runtime gains no string loader for the fuzzer's sake) and loaded; every case
// that loads is then run with statetest::runCase. Neither may crash; load errors, rejected
// transactions and failed cases are all fine. Transactions are cut to 1M gas and inputs to 16
// cases, so that a fixture the fuzzer made with an endless loop and a huge gas limit stays a
// millisecond input rather than a timeout.
//
//===----------------------------------------------------------------------===//
#include "metis/harness/StateTest.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

using namespace metis;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kMaxTxGas = 1'000'000;
constexpr size_t kMaxCases = 16;

/// This process's file under TMPDIR (else /tmp), kept open and removed at exit. Each input is
/// written in place and the file cut to its size: truncating to zero and rewriting, as
/// fopen("wb") does, makes ext4 flush on close (auto_da_alloc), a thousand times slower.
struct ScratchFile {
  std::filesystem::path path;
  int fd = -1;

  ScratchFile() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec)
      dir = "/tmp";
    path = dir / ("metis-fuzz-statetest-" + std::to_string(::getpid()) + ".json");
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
      std::perror(path.c_str());
      std::abort(); // Not the code under test, but a run that tests nothing must not pass.
    }
  }
  ~ScratchFile() {
    ::close(fd);
    std::error_code ec;
    fs::remove(path, ec);
  }

  static ScratchFile &get() {
    static ScratchFile file;
    return file;
  }

  void write(const uint8_t *data, size_t size) {
    if (::pwrite(fd, data, size, 0) != ssize_t(size) || ::ftruncate(fd, off_t(size)) != 0) {
      std::perror(path.c_str());
      std::abort();
    }
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ScratchFile &scratch = ScratchFile::get();
  scratch.write(data, size);
  const fs::path &path = scratch.path;

  auto loaded = statetest::loadFile(path);
  auto *tests = std::get_if<std::vector<statetest::Test>>(&loaded);
  if (!tests)
    return 0;
  size_t run = 0;
  for (const statetest::Test &test : *tests)
    for (const statetest::Case &c : test.cases) {
      if (run++ == kMaxCases)
        return 0;
      if (c.tx && c.tx->gasLimit > kMaxTxGas) {
        statetest::Case cut = c;
        cut.tx->gasLimit = kMaxTxGas;
        (void)statetest::runCase(test, cut);
      } else {
        (void)statetest::runCase(test, c);
      }
    }
  return 0;
}
