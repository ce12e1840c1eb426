//===- Passes.h - metis dialect passes ----------------------------*- C++ -*-===//
#ifndef METIS_DIALECT_METIS_TRANSFORMS_PASSES_H
#define METIS_DIALECT_METIS_TRANSFORMS_PASSES_H

#include "metis/Dialect/Metis/IR/MetisOps.h"
#include "mlir/Pass/Pass.h"

namespace metis {

#define GEN_PASS_DECL
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "metis/Dialect/Metis/Transforms/Passes.h.inc"

} // namespace metis

#endif // METIS_DIALECT_METIS_TRANSFORMS_PASSES_H
