//===- Regions.cpp - The analysed CFG cut into compile units ----------------===//
#include "metis/Frontend/Regions.h"

#include <algorithm>

namespace metis::frontend {

RegionPartition::RegionPartition(const ContractAnalysis &analysis, const RegionOptions &options) {
  const auto &blocks = analysis.blocks();
  regionOf_.assign(blocks.size(), -1);
  // Code order keeps a loop whose body lies between its head and its back jump together, and
  // the fall-through edges, which are most edges, inside a region.
  for (uint32_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].reachable)
      continue;
    const uint32_t size = std::max<uint32_t>(blocks[i].numInsts, 1);
    if (regions_.empty() ||
        (options.maxInstructions && regions_.back().instructions + size > options.maxInstructions))
      regions_.emplace_back();
    regions_.back().blocks.push_back(i);
    regions_.back().instructions += size;
    regionOf_[i] = int32_t(regions_.size() - 1);
  }

  std::vector<bool> isEntry(blocks.size(), false);
  if (!blocks.empty() && blocks[0].reachable)
    isEntry[0] = true;
  for (uint32_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].reachable)
      continue;
    if (blocks[i].dispatchTarget)
      isEntry[i] = true;
    for (uint32_t s : blocks[i].successors)
      if (regionOf_[s] != regionOf_[i])
        isEntry[s] = true;
  }
  for (CodeRegion &region : regions_)
    for (uint32_t b : region.blocks)
      if (isEntry[b])
        region.entries.push_back(b);
}

} // namespace metis::frontend
