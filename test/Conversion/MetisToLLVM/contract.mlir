// RUN: metis-opt %s --convert-metis-to-llvm -split-input-file | FileCheck %s
// RUN: metis-opt %s -split-input-file \
// RUN:   --convert-metis-to-llvm="compiler-version=metis-test-9.9 target-triple=x86_64-unknown-linux-gnu" \
// RUN:   | FileCheck %s --check-prefix=OPTIONS
// RUN: metis-opt %s -split-input-file \
// RUN:   --convert-metis-to-llvm="compiler-version=0123456789012345678901234567890123456789" \
// RUN:   | FileCheck %s --check-prefix=LONG

// A metis.contract becomes `metis_contract_main(ptr ctx, i64 pc) -> i32` (abi.h): a new entry block
// takes the context and offset and branches to the contract's entry block, whose blocks follow in order,
// and the module gains the exported `metis_contract_info` record: the magic "METISABI" as a
// little-endian u64, ABI version 2, the code size (u32), the 32-byte code hash, the compiler
// version (32 bytes) and the target triple (64 bytes), NUL-padded: 144 bytes. The contract
// itself is gone.

// CHECK-NOT:   metis.contract
// CHECK-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:    llvm.br ^bb1
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    llvm.br ^bb2
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[OK:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    llvm.return %[[OK]] : i32
// CHECK-NEXT:  }
// 0x1234 = 4660 bytes of code is "4\12\00\00".
// CHECK-NEXT:  llvm.mlir.global external constant @metis_contract_info("EMTISABI\03\00\00\004\12\00\00\01#Eg\89\AB\CD\EF\FE\DC\BA\98vT2\10\00\01\02\03\04\05\06\07\08\09\0A\0B\0C\0D\0E\0Fmetis-0.1{{(\\00){87}()}}") {addr_space = 0 : i32}
// CHECK-NEXT:  }
// OPTIONS-LABEL: llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// OPTIONS:       llvm.mlir.global external constant @metis_contract_info("EMTISABI\03\00\00\004\12\00\00\01#Eg\89\AB\CD\EF\FE\DC\BA\98vT2\10\00\01\02\03\04\05\06\07\08\09\0A\0B\0C\0D\0E\0Fmetis-test-9.9{{(\\00){18}()}}x86_64-unknown-linux-gnu{{(\\00){40}()}}") {addr_space = 0 : i32}
// A compiler version longer than 31 characters is cut to keep its NUL.
// LONG-LABEL:    llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// LONG:          llvm.mlir.global external constant @metis_contract_info("EMTISABI\03\00\00\004\12\00\00\01#Eg\89\AB\CD\EF\FE\DC\BA\98vT2\10\00\01\02\03\04\05\06\07\08\09\0A\0B\0C\0D\0E\0F0123456789012345678901234567890{{(\\00){65}()}}") {addr_space = 0 : i32}
metis.contract @info attributes {code_hash = "0x0123456789abcdeffedcba9876543210000102030405060708090a0b0c0d0e0f", code_size = 4660 : i64} {
  metis.jump ^bb1
^bb1:
  metis.stop
}

// -----

// Builtins are declared at the top of the module, the info record goes at its end, and the
// scratch words are allocated in the new entry block, before its branch.
// CHECK:       module {
// CHECK-NEXT:    llvm.func @metis_rt_udiv(!llvm.ptr, !llvm.ptr, !llvm.ptr)
// CHECK-NEXT:    llvm.func @metis_contract_main(%arg0: !llvm.ptr, %arg1: i64) -> i32 attributes {no_inline} {
// CHECK-NEXT:      %[[EIGHT:.*]] = llvm.mlir.constant(8 : i64) : i64
// CHECK-NEXT:      %{{.*}} = llvm.alloca %[[EIGHT]] x i256 {alignment = 16 : i64} : (i64) -> !llvm.ptr
// CHECK-NEXT:      llvm.br ^bb1
// CHECK-NEXT:    ^bb1:
// CHECK:           llvm.call @metis_rt_udiv
// CHECK:           llvm.return %{{.*}} : i32
// CHECK-NEXT:    }
// CHECK-NEXT:    llvm.mlir.global external constant @metis_contract_info("EMTISABI\03\00\00\00\02\00\00\00{{.*}}") {addr_space = 0 : i32}
// CHECK-NEXT:  {{^}}}
metis.contract @layout attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000000", code_size = 2 : i64} {
  %a, %b = metis.stack.pop : i256, i256
  %0 = metis.div %a, %b
  metis.stack.push %0
  metis.stop
}

// -----

// A module without a contract is left alone.
// CHECK:       module {
// CHECK-NEXT:    llvm.func @helper() {
// CHECK-NEXT:      llvm.return
// CHECK-NEXT:    }
// CHECK-NEXT:  }
// CHECK-NOT:   metis_contract
module {
  llvm.func @helper() {
    llvm.return
  }
}
