//===- StandaloneFuzzMain.cpp - Run a fuzz target without libFuzzer -------===//
//
// metis-fuzz-<target> [--iterations N] [--seed S] [--max-seconds T] [--max-len L]
//                     [--timeout T] [--dict FILE]... [--artifact-dir DIR] PATH...
//
// A main for the LLVMFuzzerTestOneInput targets of this directory, so that they build with
// gcc and run as ordinary ctests. It replays every file under each PATH (a file, or a
// directory read recursively; dot files are skipped), then runs N inputs made by stacking
// random mutations on the corpus: bit flips, byte inserts and deletes, interesting bytes
// (EVM opcodes, RLP prefixes), interesting integers, dictionary words, and splices of two
// corpus inputs. There is no coverage feedback, so it finds what is shallow; libFuzzer
// (METIS_LIBFUZZER, docs/fuzzing.md) goes deep. Everything derives from --seed, so a run is
// reproducible.
//
// A crash kills the process: that is the failure signal. Before dying, a signal handler
// writes the input to DIR/crash-<target>-<hash> and prints its path, so the failing input of
// a CI run can be replayed with `metis-fuzz-<target> --iterations 0 FILE`. A single input
// running longer than --timeout seconds is treated the same way (SIGALRM).
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Bytes.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#ifndef METIS_FUZZ_TARGET
#define METIS_FUZZ_TARGET "fuzz"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace fs = std::filesystem;
using Input = std::vector<uint8_t>;

namespace {

//===-- Crash reporting ---------------------------------------------------===//

// What the signal handler needs, set before every call into the target. Plain globals: the
// handler may only read memory and make async-signal-safe system calls.
const uint8_t *gCurrentData = nullptr;
size_t gCurrentSize = 0;
/// The corpus file being replayed, or null while mutating.
const char *gCurrentFile = nullptr;
char gArtifactPrefix[4096] = "./crash-" METIS_FUZZ_TARGET "-";

void writeAll(int fd, const void *p, size_t n) {
  const char *c = static_cast<const char *>(p);
  while (n > 0) {
    ssize_t w = ::write(fd, c, n);
    if (w <= 0)
      return;
    c += w;
    n -= size_t(w);
  }
}
void writeStr(int fd, const char *s) { writeAll(fd, s, std::strlen(s)); }

/// FNV-1a: names the artifact by content without a hash library.
uint64_t fnv1a(const uint8_t *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ p[i]) * 0x100000001b3ull;
  return h;
}

void onFatalSignal(int sig) {
  static const char kDigits[] = "0123456789abcdef";
  char path[sizeof(gArtifactPrefix) + 17];
  size_t len = std::strlen(gArtifactPrefix);
  std::memcpy(path, gArtifactPrefix, len);
  uint64_t h = fnv1a(gCurrentData, gCurrentSize);
  for (int i = 15; i >= 0; --i, h >>= 4)
    path[len + size_t(i)] = kDigits[h & 15];
  path[len + 16] = 0;

  writeStr(2, sig == SIGALRM ? "\n==fuzz== timeout" : "\n==fuzz== fatal signal");
  if (gCurrentFile) {
    writeStr(2, " replaying ");
    writeStr(2, gCurrentFile);
  } else {
    writeStr(2, " on a mutated input");
  }
  writeStr(2, "; writing it to ");
  writeStr(2, path);
  writeStr(2, "\n");
  int fd = ::open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    writeAll(fd, gCurrentData, gCurrentSize);
    ::close(fd);
  }
  if (gCurrentSize <= 512) {
    writeStr(2, "==fuzz== input hex: ");
    for (size_t i = 0; i < gCurrentSize; ++i) {
      char b[2] = {kDigits[gCurrentData[i] >> 4], kDigits[gCurrentData[i] & 15]};
      writeAll(2, b, 2);
    }
    writeStr(2, "\n");
  }
  // Die of the same signal (SIGALRM as SIGABRT), so the exit status tells what happened.
  int again = sig == SIGALRM ? SIGABRT : sig;
  std::signal(again, SIG_DFL);
  std::raise(again);
  std::_Exit(128 + again);
}

void installHandlers() {
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGALRM}) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof(sa));
    sa.sa_handler = onFatalSignal;
    sigemptyset(&sa.sa_mask);
    // SIGSEGV from a stack overflow needs a stack of its own to run on.
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigaction(sig, &sa, nullptr);
  }
  static std::vector<char> altStack(1 << 16);
  stack_t ss;
  std::memset(&ss, 0, sizeof(ss));
  ss.ss_sp = altStack.data();
  ss.ss_size = altStack.size();
  sigaltstack(&ss, nullptr);
}

//===-- Options and corpus ------------------------------------------------===//

struct Options {
  uint64_t iterations = 20000;
  uint64_t seed = 1;
  double maxSeconds = 30;
  size_t maxLen = 4096;
  unsigned timeout = 25;
  std::string artifactDir = ".";
  std::vector<std::string> dicts;
  std::vector<std::string> paths;
};

[[noreturn]] void usage(const char *argv0, const std::string &why) {
  std::fprintf(stderr,
               "error: %s\nusage: %s [--iterations N] [--seed S] [--max-seconds T] "
               "[--max-len L] [--timeout T] [--dict FILE]... [--artifact-dir DIR] PATH...\n",
               why.c_str(), argv0);
  std::exit(2);
}

Options parseOptions(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc)
        usage(argv[0], std::string(arg) + " needs a value");
      return argv[++i];
    };
    auto number = [&]() -> uint64_t {
      std::string v = value();
      char *end = nullptr;
      uint64_t n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end)
        usage(argv[0], std::string(arg) + ": not a number: " + v);
      return n;
    };
    if (arg == "--iterations")
      o.iterations = number();
    else if (arg == "--seed")
      o.seed = number();
    else if (arg == "--max-seconds")
      o.maxSeconds = double(number());
    else if (arg == "--max-len")
      o.maxLen = std::max<size_t>(1, number());
    else if (arg == "--timeout")
      o.timeout = unsigned(number());
    else if (arg == "--dict")
      o.dicts.push_back(value());
    else if (arg == "--artifact-dir")
      o.artifactDir = value();
    else if (arg.starts_with("-"))
      usage(argv[0], "unknown option " + std::string(arg));
    else
      o.paths.emplace_back(arg);
  }
  return o;
}

Input readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return Input(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Every file under `path` (or `path` itself), sorted so the replay order is stable.
std::vector<fs::path> corpusFiles(const std::string &path, const char *argv0) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec))
    return {fs::path(path)};
  if (!fs::is_directory(path, ec))
    usage(argv0, "no such file or directory: " + path);
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory())
        it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file())
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// libFuzzer/AFL dictionary lines: `name="value"` or `"value"`, with \\, \" and \xNN escapes;
/// '#' starts a comment line.
std::vector<Input> readDictionary(const std::string &path, const char *argv0) {
  std::ifstream in(path);
  if (!in)
    usage(argv0, "cannot read dictionary " + path);
  std::vector<Input> words;
  std::string line;
  auto hex = [](char c) { return metis::hexDigit(c); };

  while (std::getline(in, line)) {
    size_t open = line.find('"');
    size_t close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open)
      continue;
    Input w;
    for (size_t i = open + 1; i < close; ++i) {
      if (line[i] != '\\' || i + 1 >= close) {
        w.push_back(uint8_t(line[i]));
      } else if (line[i + 1] == 'x' && i + 3 < close && hex(line[i + 2]) >= 0 &&
                 hex(line[i + 3]) >= 0) {
        w.push_back(uint8_t(hex(line[i + 2]) << 4 | hex(line[i + 3])));
        i += 3;
      } else {
        w.push_back(uint8_t(line[++i]));
      }
    }
    if (!w.empty())
      words.push_back(std::move(w));
  }
  return words;
}

//===-- Mutation ----------------------------------------------------------===//

/// SplitMix64: fully specified, so a seed means the same inputs with any standard library.
class Rng {
public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// Uniform enough in [0, n), n > 0.
  size_t below(size_t n) { return size_t(next() % n); }
  bool oneIn(size_t n) { return below(n) == 0; }

private:
  uint64_t state_;
};

// Bytes that mean something to the parsers under test: EVM control flow (JUMPDEST, JUMP,
// JUMPI, PUSH0/1/2/4/32, DUP1, SWAP1, CALL, CREATE/CREATE2, DELEGATECALL, STATICCALL, RETURN,
// REVERT, INVALID, SELFDESTRUCT, STOP), RLP header boundaries, and text syntax.
constexpr uint8_t kInterestingBytes[] = {
    0x5b, 0x56, 0x57, 0x5f, 0x60, 0x61, 0x63, 0x7f, 0x80, 0x90, 0xf1, 0xf0, 0xf5,
    0xf4, 0xfa, 0xf3, 0xfd, 0xfe, 0xff, 0x00, 0x01, 0x35, 0x36, 0x52, 0x54, 0x55,
    0xb7, 0xb8, 0xbf, 0xc0, 0xf7, 0xf8, 0x81, 0x7f, '(',  ')',  'x',  '0',  '9',
    'f',  ' ',  '\n', '{',  '}',  '[',  ']',  '"',  ':',  ',',  '%',  '^',  '!'};

constexpr uint64_t kInterestingInts[] = {0,          1,           0x7f,       0x80,    0xff,
                                         0x100,      0x7fff,      0xffff,     0x10000, 0x7fffffff,
                                         0xffffffff, 0x100000000, ~0ull >> 1, ~0ull};

class Mutator {
public:
  Mutator(Rng &rng, const std::vector<Input> &corpus, const std::vector<Input> &dict, size_t maxLen)
      : rng_(rng), corpus_(corpus), dict_(dict), maxLen_(maxLen) {}

  /// Applies 1 to 8 random mutations to `in` (more are rarer), keeping it under maxLen.
  void mutate(Input &in) {
    size_t n = 1 + size_t(__builtin_ctzll(rng_.next() | (1ull << 7)));
    for (size_t i = 0; i < n; ++i)
      mutateOnce(in);
    if (in.size() > maxLen_)
      in.resize(maxLen_);
  }

private:
  size_t pos(const Input &in) { return in.empty() ? 0 : rng_.below(in.size()); }
  size_t insertPos(const Input &in) { return rng_.below(in.size() + 1); }
  const Input &other() { return corpus_[rng_.below(corpus_.size())]; }

  void insertBytes(Input &in, const uint8_t *p, size_t n) {
    in.insert(in.begin() + ptrdiff_t(insertPos(in)), p, p + n);
  }
  void overwriteBytes(Input &in, const uint8_t *p, size_t n) {
    if (in.size() < n)
      return insertBytes(in, p, n);
    std::memcpy(in.data() + rng_.below(in.size() - n + 1), p, n);
  }

  void mutateOnce(Input &in) {
    switch (rng_.below(14)) {
    case 0: // flip a bit
      if (!in.empty())
        in[pos(in)] ^= uint8_t(1u << rng_.below(8));
      break;
    case 1: // set a random byte
      if (!in.empty())
        in[pos(in)] = uint8_t(rng_.next());
      break;
    case 2: { // insert a random byte, or a short run of one byte
      uint8_t b = uint8_t(rng_.next());
      Input run(rng_.oneIn(4) ? 1 + rng_.below(16) : 1, b);
      insertBytes(in, run.data(), run.size());
      break;
    }
    case 3: { // erase a range
      if (in.empty())
        break;
      size_t at = pos(in), n = 1 + rng_.below(std::min<size_t>(in.size() - at, 16));
      in.erase(in.begin() + ptrdiff_t(at), in.begin() + ptrdiff_t(at + n));
      break;
    }
    case 4:
    case 5: { // insert or overwrite an interesting byte
      uint8_t b = kInterestingBytes[rng_.below(sizeof(kInterestingBytes))];
      if (rng_.oneIn(2) || in.empty())
        insertBytes(in, &b, 1);
      else
        in[pos(in)] = b;
      break;
    }
    case 6: { // an interesting integer, 1 to 8 bytes, either endianness
      uint64_t v = kInterestingInts[rng_.below(std::size(kInterestingInts))];
      size_t width = size_t(1) << rng_.below(4);
      bool bigEndian = rng_.oneIn(2);
      uint8_t bytes[8];
      for (size_t i = 0; i < width; ++i)
        bytes[bigEndian ? width - 1 - i : i] = uint8_t(v >> (8 * i));
      overwriteBytes(in, bytes, width);
      break;
    }
    case 7: { // an ASCII decimal number: helps JSON fields and `(NxHEX)` counts
      std::string s =
          std::to_string(rng_.oneIn(2) ? rng_.below(300)
                                       : kInterestingInts[rng_.below(std::size(kInterestingInts))]);
      insertBytes(in, reinterpret_cast<const uint8_t *>(s.data()), s.size());
      break;
    }
    case 8:
    case 9: // a dictionary word
      if (!dict_.empty()) {
        const Input &w = dict_[rng_.below(dict_.size())];
        if (rng_.oneIn(2))
          insertBytes(in, w.data(), w.size());
        else
          overwriteBytes(in, w.data(), w.size());
      }
      break;
    case 10: { // copy a chunk within the input
      if (in.empty())
        break;
      size_t at = pos(in), n = 1 + rng_.below(std::min<size_t>(in.size() - at, 64));
      Input chunk(in.begin() + ptrdiff_t(at), in.begin() + ptrdiff_t(at + n));
      insertBytes(in, chunk.data(), chunk.size());
      break;
    }
    case 11: { // splice: a prefix of this input and a suffix of another
      const Input &o = other();
      size_t cut = insertPos(in), from = rng_.below(o.size() + 1);
      in.resize(cut);
      in.insert(in.end(), o.begin() + ptrdiff_t(from), o.end());
      break;
    }
    case 12: { // insert a chunk of another input
      const Input &o = other();
      if (o.empty())
        break;
      size_t at = pos(o), n = 1 + rng_.below(std::min<size_t>(o.size() - at, 128));
      insertBytes(in, o.data() + at, n);
      break;
    }
    case 13: // swap two bytes
      if (in.size() >= 2) {
        size_t a = pos(in), b = pos(in);
        std::swap(in[a], in[b]);
      }
      break;
    }
  }

  Rng &rng_;
  const std::vector<Input> &corpus_;
  const std::vector<Input> &dict_;
  size_t maxLen_;
};

void runOne(const Input &in) {
  gCurrentData = in.data();
  gCurrentSize = in.size();
  LLVMFuzzerTestOneInput(in.data(), in.size());
}

} // namespace

int main(int argc, char **argv) {
  Options opts = parseOptions(argc, argv);
  std::snprintf(gArtifactPrefix, sizeof(gArtifactPrefix), "%s/crash-%s-", opts.artifactDir.c_str(),
                METIS_FUZZ_TARGET);
  installHandlers();
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();

  std::vector<Input> dict;
  for (const std::string &path : opts.dicts)
    for (Input &w : readDictionary(path, argv[0]))
      dict.push_back(std::move(w));

  // Replay: every seed and regression, unmutated and in full (no time cap).
  std::vector<Input> corpus;
  uint64_t inputs = 0;
  for (const std::string &path : opts.paths)
    for (const fs::path &file : corpusFiles(path, argv[0])) {
      corpus.push_back(readFile(file));
      gCurrentFile = file.c_str();
      alarm(opts.timeout);
      runOne(corpus.back());
      alarm(0);
      ++inputs;
    }
  gCurrentFile = nullptr;
  const size_t seeds = corpus.size();
  if (corpus.empty())
    corpus.emplace_back();

  // Mutate: each input derives from a seed or from a recent mutant (a bounded pool, so that
  // mutations stack up over iterations without the corpus growing without end).
  constexpr size_t kPoolSize = 256;
  std::vector<Input> pool;
  Rng rng(opts.seed);
  Mutator mutator(rng, corpus, dict, opts.maxLen);
  bool timedOut = false;
  for (uint64_t i = 0; i < opts.iterations; ++i) {
    if ((i & 15) == 0 &&
        std::chrono::duration<double>(Clock::now() - start).count() > opts.maxSeconds) {
      timedOut = true;
      break;
    }
    Input in = !pool.empty() && rng.oneIn(2) ? pool[rng.below(pool.size())]
                                             : corpus[rng.below(corpus.size())];
    mutator.mutate(in);
    alarm(opts.timeout);
    runOne(in);
    alarm(0);
    ++inputs;
    if (pool.size() < kPoolSize)
      pool.push_back(std::move(in));
    else
      pool[rng.below(kPoolSize)] = std::move(in);
  }

  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("fuzz %s: %llu inputs, 0 crashes (%zu seeds, seed %llu, %.1f s%s)\n",
              METIS_FUZZ_TARGET, (unsigned long long)inputs, seeds, (unsigned long long)opts.seed,
              seconds, timedOut ? ", stopped by --max-seconds" : "");
  return 0;
}
