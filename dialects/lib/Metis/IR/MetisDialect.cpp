//===- MetisDialect.cpp - The metis dialect ---------------------------------===//
#include "metis/Dialect/Metis/IR/MetisDialect.h"
#include "metis/Dialect/Metis/IR/MetisOps.h"

using namespace mlir;
using namespace metis;

#include "metis/Dialect/Metis/IR/MetisOpsDialect.cpp.inc"

void MetisDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "metis/Dialect/Metis/IR/MetisOps.cpp.inc"
      >();
}

Operation *MetisDialect::materializeConstant(OpBuilder &builder, Attribute value, Type type,
                                             Location loc) {
  auto intAttr = dyn_cast<IntegerAttr>(value);
  if (!intAttr || type != getWordType(builder.getContext()) || intAttr.getType() != type)
    return nullptr;
  return builder.create<ConstantOp>(loc, intAttr.getValue());
}

IntegerType metis::getWordType(MLIRContext *ctx) { return IntegerType::get(ctx, 256); }
