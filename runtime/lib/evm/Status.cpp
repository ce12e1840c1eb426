//===- Status.cpp - Execution outcomes by name -----------------------------===//
//
// statusName(), declared beside Status in metis/runtime/Host.h.
//
//===----------------------------------------------------------------------===//
#include "metis/runtime/Host.h"

namespace metis {

const char *statusName(Status s) noexcept {
  switch (s) {
  case Status::Success:
    return "success";
  case Status::Failure:
    return "failure";
  case Status::Revert:
    return "revert";
  case Status::OutOfGas:
    return "out of gas";
  case Status::InvalidInstruction:
    return "invalid instruction";
  case Status::UndefinedInstruction:
    return "undefined instruction";
  case Status::StackOverflow:
    return "stack overflow";
  case Status::StackUnderflow:
    return "stack underflow";
  case Status::BadJumpDestination:
    return "bad jump destination";
  case Status::InvalidMemoryAccess:
    return "invalid memory access";
  case Status::CallDepthExceeded:
    return "call depth exceeded";
  case Status::StaticModeViolation:
    return "static mode violation";
  case Status::PrecompileFailure:
    return "precompile failure";
  case Status::ArgumentOutOfRange:
    return "argument out of range";
  case Status::InsufficientBalance:
    return "insufficient balance";
  case Status::InternalError:
    return "internal error";
  case Status::Rejected:
    return "rejected";
  case Status::OutOfMemory:
    return "out of memory";
  }
  return "unknown";
}

} // namespace metis
