//===- MetisDialect.h - The metis dialect -------------------------*- C++ -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISDIALECT_H
#define METIS_DIALECT_METIS_IR_METISDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"

#include "metis/Dialect/Metis/IR/MetisOpsDialect.h.inc"

#endif // METIS_DIALECT_METIS_IR_METISDIALECT_H
