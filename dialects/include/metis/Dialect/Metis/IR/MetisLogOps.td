//===- MetisLogOps.td - LOG0..LOG4 -------------------------*- tablegen -*-===//
#ifndef METIS_DIALECT_METIS_IR_METISLOGOPS_TD
#define METIS_DIALECT_METIS_IR_METISLOGOPS_TD

include "metis/Dialect/Metis/IR/MetisBase.td"

def Metis_LogOp : Metis_Op<"log"> {
  let summary = "LOG0..LOG4 (0xa0..0xa4): emit a log with 0 to 4 topics";
  let description = [{
    Opcodes 0xa0 + n, stack (offset, size, topic0, ..., topic(n-1) -> ). Costs 375 plus 375
    per topic plus 8 per data byte plus the memory expansion; not allowed in a static frame.
    The number of topics is the opcode's n, so it must be 0 to 4.

    ```mlir
    metis.log %offset, %size topics(%t0, %t1)
    ```
  }];
  let arguments = (ins Metis_Word:$offset, Metis_Word:$size, Variadic<Metis_Word>:$topics);
  let assemblyFormat = "$offset `,` $size (`topics` `(` $topics^ `)`)? attr-dict";
  let hasVerifier = 1;
}

#endif // METIS_DIALECT_METIS_IR_METISLOGOPS_TD
