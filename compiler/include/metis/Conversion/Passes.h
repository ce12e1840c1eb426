//===- Passes.h - metis conversion passes -------------------------*- C++ -*-===//
#ifndef METIS_CONVERSION_PASSES_H
#define METIS_CONVERSION_PASSES_H

#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

namespace metis {

#define GEN_PASS_DECL
#include "metis/Conversion/Passes.h.inc"

/// The patterns lowering every metis op inside an llvm.func made from a metis.contract
/// (see ConvertMetisToLLVM); the context pointer is the function's first argument.
void populateMetisToLLVMConversionPatterns(mlir::LLVMTypeConverter &converter,
                                           mlir::RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "metis/Conversion/Passes.h.inc"

} // namespace metis

#endif // METIS_CONVERSION_PASSES_H
