// RUN: metis-opt %s | metis-opt | FileCheck %s
// RUN: metis-opt %s --mlir-print-op-generic | metis-opt | FileCheck %s

// Every op of the dialect, printed and parsed back.

// CHECK-LABEL: metis.contract @all_ops
// CHECK-SAME: attributes {code_hash = "0x{{0+}}1", code_size = 4096 : i64}
metis.contract @all_ops attributes {code_hash = "0x0000000000000000000000000000000000000000000000000000000000000001", code_size = 4096 : i64} {
  // CHECK: metis.stack.check required 0 growth 12 window 0
  metis.stack.check required 0 growth 12 window 0
  // CHECK: metis.gas.charge 42
  metis.gas.charge 42
  // CHECK: %[[A:.*]] = metis.constant 1{{$}}
  %a = metis.constant 1
  // CHECK: %[[B:.*]] = metis.constant 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
  %b = metis.constant -1
  // CHECK: metis.add %[[A]], %[[B]]
  %0 = metis.add %a, %b
  // CHECK: metis.mul
  %1 = metis.mul %a, %b
  // CHECK: metis.sub
  %2 = metis.sub %a, %b
  // CHECK: metis.div
  %3 = metis.div %a, %b
  // CHECK: metis.sdiv
  %4 = metis.sdiv %a, %b
  // CHECK: metis.mod
  %5 = metis.mod %a, %b
  // CHECK: metis.smod
  %6 = metis.smod %a, %b
  // CHECK: metis.addmod %[[A]], %[[B]], %[[A]]
  %7 = metis.addmod %a, %b, %a
  // CHECK: metis.mulmod
  %8 = metis.mulmod %a, %b, %a
  // CHECK: metis.exp
  %9 = metis.exp %a, %b
  // CHECK: metis.signextend
  %10 = metis.signextend %a, %b
  // CHECK: metis.lt
  %11 = metis.lt %a, %b
  // CHECK: metis.gt
  %12 = metis.gt %a, %b
  // CHECK: metis.slt
  %13 = metis.slt %a, %b
  // CHECK: metis.sgt
  %14 = metis.sgt %a, %b
  // CHECK: metis.eq
  %15 = metis.eq %a, %b
  // CHECK: metis.iszero %[[A]]
  %16 = metis.iszero %a
  // CHECK: metis.and
  %17 = metis.and %a, %b
  // CHECK: metis.or
  %18 = metis.or %a, %b
  // CHECK: metis.xor
  %19 = metis.xor %a, %b
  // CHECK: metis.not
  %20 = metis.not %a
  // CHECK: metis.byte
  %21 = metis.byte %a, %b
  // CHECK: metis.shl
  %22 = metis.shl %a, %b
  // CHECK: metis.shr
  %23 = metis.shr %a, %b
  // CHECK: metis.sar
  %24 = metis.sar %a, %b
  // CHECK: metis.keccak256 %[[A]], %[[B]]
  %25 = metis.keccak256 %a, %b
  // CHECK: metis.address
  %26 = metis.address
  // CHECK: metis.balance %[[A]]
  %27 = metis.balance %a
  // CHECK: metis.origin
  %28 = metis.origin
  // CHECK: metis.caller
  %29 = metis.caller
  // CHECK: metis.callvalue
  %30 = metis.callvalue
  // CHECK: metis.calldataload
  %31 = metis.calldataload %a
  // CHECK: metis.calldatasize
  %32 = metis.calldatasize
  // CHECK: metis.calldatacopy %[[A]], %[[B]], %[[A]]
  metis.calldatacopy %a, %b, %a
  // CHECK: metis.codesize
  %33 = metis.codesize
  // CHECK: metis.codecopy
  metis.codecopy %a, %b, %a
  // CHECK: metis.gasprice
  %34 = metis.gasprice
  // CHECK: metis.extcodesize
  %35 = metis.extcodesize %a
  // CHECK: metis.extcodecopy %[[A]], %[[B]], %[[A]], %[[B]]
  metis.extcodecopy %a, %b, %a, %b
  // CHECK: metis.returndatasize
  %36 = metis.returndatasize
  // CHECK: metis.returndatacopy
  metis.returndatacopy %a, %b, %a
  // CHECK: metis.extcodehash
  %37 = metis.extcodehash %a
  // CHECK: metis.blockhash
  %38 = metis.blockhash %a
  // CHECK: metis.coinbase
  %39 = metis.coinbase
  // CHECK: metis.timestamp
  %40 = metis.timestamp
  // CHECK: metis.number
  %41 = metis.number
  // CHECK: metis.prevrandao
  %42 = metis.prevrandao
  // CHECK: metis.gaslimit
  %43 = metis.gaslimit
  // CHECK: metis.chainid
  %44 = metis.chainid
  // CHECK: metis.selfbalance
  %45 = metis.selfbalance
  // CHECK: metis.basefee
  %46 = metis.basefee
  // CHECK: metis.blobhash
  %47 = metis.blobhash %a
  // CHECK: metis.blobbasefee
  %48 = metis.blobbasefee
  // CHECK: metis.mload
  %49 = metis.mload %a
  // CHECK: metis.mstore %[[A]], %[[B]]
  metis.mstore %a, %b
  // CHECK: metis.mstore8
  metis.mstore8 %a, %b
  // CHECK: metis.sload
  %50 = metis.sload %a
  // CHECK: metis.sstore %[[A]], %[[B]] {prepaid = 6 : i64}
  metis.sstore %a, %b {prepaid = 6}
  // CHECK: metis.sstore %[[A]], %[[B]]{{$}}
  metis.sstore %a, %b
  // CHECK: metis.pc 26
  %51 = metis.pc 26
  // CHECK: metis.msize
  %52 = metis.msize
  // CHECK: metis.gas {prepaid = 12 : i64}
  %53 = metis.gas {prepaid = 12}
  // CHECK: metis.tload
  %54 = metis.tload %a
  // CHECK: metis.tstore
  metis.tstore %a, %b
  // CHECK: metis.mcopy
  metis.mcopy %a, %b, %a
  // CHECK: metis.log %[[A]], %[[B]]{{$}}
  metis.log %a, %b
  // CHECK: metis.log %[[A]], %[[B]] topics(%[[A]], %[[B]], %[[A]], %[[B]])
  metis.log %a, %b topics(%a, %b, %a, %b)
  // CHECK: metis.create %[[A]], %[[B]], %[[A]]
  %55 = metis.create %a, %b, %a
  // CHECK: metis.create2 %[[A]], %[[B]], %[[A]], %[[B]]
  %56 = metis.create2 %a, %b, %a, %b
  // CHECK: metis.call %[[A]], %[[B]], %[[A]], %[[B]], %[[A]], %[[B]], %[[A]]
  %57 = metis.call %a, %b, %a, %b, %a, %b, %a
  // CHECK: metis.callcode
  %58 = metis.callcode %a, %b, %a, %b, %a, %b, %a
  // CHECK: metis.delegatecall %[[A]], %[[B]], %[[A]], %[[B]], %[[A]], %[[B]] {prepaid = 3 : i64}
  %59 = metis.delegatecall %a, %b, %a, %b, %a, %b {prepaid = 3}
  // CHECK: metis.staticcall
  %60 = metis.staticcall %a, %b, %a, %b, %a, %b
  // CHECK: metis.selector
  %61 = metis.selector
  // CHECK: metis.stack.push %[[A]], %[[B]]
  metis.stack.push %a, %b
  // CHECK: metis.stack.pop : i256, i256
  %62:2 = metis.stack.pop : i256, i256
  // CHECK: metis.jumpi %[[A]], ^bb1(%[[A]] : i256), ^bb2
  metis.jumpi %a, ^bb1(%a : i256), ^bb2
^bb1(%x: i256):
  // CHECK: metis.jumpi.zero %{{.*}}, ^bb3, ^bb4
  metis.jumpi.zero %x, ^bb3, ^bb4
^bb2:
  // CHECK: metis.dispatch %[[A]] [10: ^bb3, 42: ^bb5], default ^bb6
  metis.dispatch %a [10: ^bb3, 42: ^bb5], default ^bb6
^bb3:
  // CHECK: metis.jump ^bb7(%[[A]], %[[B]] : i256, i256)
  metis.jump ^bb7(%a, %b : i256, i256)
^bb4:
  // CHECK: metis.return %[[A]], %[[B]]
  metis.return %a, %b
^bb5:
  // CHECK: metis.revert
  metis.revert %a, %b
^bb6:
  // CHECK: metis.trap bad_jump_destination
  metis.trap bad_jump_destination
^bb7(%p: i256, %q: i256):
  // CHECK: metis.jumpi %{{.*}}, ^bb8, ^bb9
  metis.jumpi %p, ^bb8, ^bb9
^bb8:
  // CHECK: metis.selfdestruct
  metis.selfdestruct %q
^bb9:
  // CHECK: metis.jumpi %{{.*}}, ^bb10, ^bb11
  metis.jumpi %q, ^bb10, ^bb11
^bb10:
  // CHECK: metis.invalid
  metis.invalid
^bb11:
  // CHECK: metis.stop
  metis.stop
}
