//===- Regions.h - The analysed CFG cut into compile units ---------*- C++ -*-===//
//
// Regions are the compile unit (docs/regions.md): each becomes its own native function, so the
// compile time of a contract grows linearly with its size, and code that was not compiled is
// left to the interpreter. Words are SSA values inside a region and cross its edges in the
// in-memory stack. No MLIR here.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_FRONTEND_REGIONS_H
#define METIS_FRONTEND_REGIONS_H

#include "metis/Frontend/Analysis.h"

#include <cstdint>
#include <vector>

namespace metis::frontend {

struct RegionOptions {
  /// A region takes blocks in code order until it holds this many instructions; 0 puts the
  /// whole contract in one region.
  uint32_t maxInstructions = 0;
};

struct CodeRegion {
  /// Analysis block indices, in code order (each reachable block is in exactly one region).
  std::vector<uint32_t> blocks;
  /// The blocks control can enter the region at, sorted: offset 0, dispatch targets, and the
  /// targets of edges from other regions.
  std::vector<uint32_t> entries;
  uint32_t instructions = 0;
};

class RegionPartition {
public:
  RegionPartition(const ContractAnalysis &analysis, const RegionOptions &options);

  const std::vector<CodeRegion> &regions() const { return regions_; }
  /// The region of analysis block `block`, -1 for an unreachable one.
  int32_t regionOf(uint32_t block) const { return regionOf_[block]; }

private:
  std::vector<CodeRegion> regions_;
  std::vector<int32_t> regionOf_;
};

} // namespace metis::frontend

#endif // METIS_FRONTEND_REGIONS_H
