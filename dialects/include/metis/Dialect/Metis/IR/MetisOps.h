//===- MetisOps.h - The metis ops ---------------------------------*- C++ -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISOPS_H
#define METIS_DIALECT_METIS_IR_METISOPS_H

#include "metis/Dialect/Metis/IR/MetisDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "metis/Dialect/Metis/IR/MetisEnums.h.inc"

#define GET_OP_CLASSES
#include "metis/Dialect/Metis/IR/MetisOps.h.inc"

namespace metis {
/// The EVM word type, i256.
mlir::IntegerType getWordType(mlir::MLIRContext *ctx);
/// The EVM stack limit (Yellow Paper: 1024 words).
inline constexpr int64_t kStackLimit = 1024;
/// On a memory access (mload, mstore, mstore8): an earlier access it is dominated by already
/// made its bytes valid, so it needs no bounds check (set by metis-elide-memory-checks).
inline constexpr llvm::StringLiteral kInBoundsAttr = "metis.in_bounds";
} // namespace metis

#endif // METIS_DIALECT_METIS_IR_METISOPS_H
