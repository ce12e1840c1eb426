//===- Resume.h - The interpreter finishing a frame compiled code left -*- C++ -*-===//
//
// Part of the runtime's internal instruction interface: when compiled code jumps to code that
// was not compiled (METIS_RESUME in abi.h), the interpreter runs the rest of the frame from that
// offset, on the same Frame, with the stack, memory, gas, refunds and return data exactly as
// the compiled code left them.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_INTERP_RESUME_H
#define METIS_INTERP_RESUME_H

#include "metis/interp/Frame.h"

namespace metis::interp {

/// Runs frame `f` from offset `pc` with the bottom `stackHeight` words of `f.stack` live and
/// `gas` left, to the end of the frame. An offset past the code or a height over the limit
/// (which compiled code never leaves) is an internal error.
Result resumeFrame(Frame &f, uint64_t pc, size_t stackHeight, int64_t gas) noexcept;

} // namespace metis::interp

#endif // METIS_INTERP_RESUME_H
