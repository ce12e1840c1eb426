//===- InitAllPasses.h - Every pass metis tools offer -------------*- C++ -*-===//
#ifndef METIS_INITALLPASSES_H
#define METIS_INITALLPASSES_H

#include "metis/Conversion/Passes.h"
#include "metis/Dialect/Metis/Transforms/Passes.h"
#include "metis/Pipelines/Pipelines.h"

#include "mlir/Transforms/Passes.h"

namespace metis {

/// Our passes plus the generic upstream ones (canonicalize, cse, ...).
inline void registerAllPasses() {
  registerMetisPasses();
  registerMetisConversionPasses();
  registerMetisPipelines();
  mlir::registerTransformsPasses();
}

} // namespace metis

#endif // METIS_INITALLPASSES_H
