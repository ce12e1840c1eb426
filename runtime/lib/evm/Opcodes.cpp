//===- Opcodes.cpp - Opcode table (header-only; this TU checks it compiles) -===//
#include "metis/runtime/Opcodes.h"
