//===- Executor.h - Which tier runs a frame ------------------------*- C++ -*-===//
//
// The Host decides how each frame's code runs. Without an executor it interprets; a JIT or an
// AOT loader plugs in here (and, later, tiering: interpret first, compile hot code). Nested
// frames go through the Host again, so tiers mix freely within one transaction.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_EXECUTOR_H
#define METIS_RUNTIME_EXECUTOR_H

#include "metis/runtime/Host.h"

namespace metis {

class Executor {
public:
  virtual ~Executor() = default;
  /// Runs `code` (whose keccak256 is `codeHash`) as the frame `msg`.
  virtual Result execute(Host &host, const Message &msg, BytesView code,
                         const Bytes32 &codeHash) noexcept = 0;
};

} // namespace metis

#endif // METIS_RUNTIME_EXECUTOR_H
