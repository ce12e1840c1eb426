//===- InitAllDialects.h - Every dialect metis tools load ---------*- C++ -*-===//
#ifndef METIS_INITALLDIALECTS_H
#define METIS_INITALLDIALECTS_H

#include "metis/Dialect/Metis/IR/MetisDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/DialectRegistry.h"

namespace metis {

/// The metis dialect and the upstream dialects it lowers through.
inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<MetisDialect, mlir::arith::ArithDialect, mlir::cf::ControlFlowDialect,
                  mlir::func::FuncDialect, mlir::LLVM::LLVMDialect>();
}

} // namespace metis

#endif // METIS_INITALLDIALECTS_H
