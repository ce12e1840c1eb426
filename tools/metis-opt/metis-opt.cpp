//===- metis-opt.cpp - mlir-opt for the metis dialect -----------------------===//
#include "metis/InitAllDialects.h"
#include "metis/InitAllPasses.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  metis::registerAllDialects(registry);
  metis::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "metis optimizer driver\n", registry));
}
