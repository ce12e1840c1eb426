//===- MetisOps.td - All metis ops ------------------------*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISOPS_TD
#define METIS_DIALECT_METIS_IR_METISOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"
include "metis/Dialect/Metis/IR/MetisStructureOps.td"
include "metis/Dialect/Metis/IR/MetisArithmeticOps.td"
include "metis/Dialect/Metis/IR/MetisBitwiseOps.td"
include "metis/Dialect/Metis/IR/MetisKeccakOps.td"
include "metis/Dialect/Metis/IR/MetisEnvironmentOps.td"
include "metis/Dialect/Metis/IR/MetisMemoryOps.td"
include "metis/Dialect/Metis/IR/MetisStorageOps.td"
include "metis/Dialect/Metis/IR/MetisControlFlowOps.td"
include "metis/Dialect/Metis/IR/MetisRegionOps.td"
include "metis/Dialect/Metis/IR/MetisLogOps.td"
include "metis/Dialect/Metis/IR/MetisSystemOps.td"
include "metis/Dialect/Metis/IR/MetisFusedOps.td"

#endif // METIS_DIALECT_METIS_IR_METISOPS_TD
