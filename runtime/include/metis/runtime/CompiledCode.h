//===- CompiledCode.h - Running compiled contracts -----------------*- C++ -*-===//
//
// The runtime side of the ABI (abi.h): sets up a frame and its metis_context, calls a
// compiled contract's entry point, and turns the outcome into a Result exactly as the
// interpreter would. Nested calls still go through the Host, so tiers mix freely.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_COMPILEDCODE_H
#define METIS_RUNTIME_COMPILEDCODE_H

#include "metis/runtime/Interpreter.h"
#include "metis/runtime/abi.h"

namespace metis {

/// Runs the compiled `entry` of `code` as the frame `msg`.
Result executeCompiled(Host &host, const Message &msg, const CodeAnalysis &code,
                       metis_contract_fn entry) noexcept;

/// Checks a compiled contract's info record against the code it is about to run; returns an
/// error message, or an empty string if it may run.
std::string checkContractInfo(const metis_contract_info &info, BytesView code);

} // namespace metis

#endif // METIS_RUNTIME_COMPILEDCODE_H
