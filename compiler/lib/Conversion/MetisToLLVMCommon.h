//===- MetisToLLVMCommon.h - Helpers shared by the metis lowering -*- C++ -*-===//
#ifndef METIS_LIB_CONVERSION_METISTOLLVMCOMMON_H
#define METIS_LIB_CONVERSION_METISTOLLVMCOMMON_H

#include "metis/Dialect/Metis/IR/MetisOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/DenseMap.h"

namespace metis::lowering {

/// abi.h's metis_context field offsets (checked by static asserts in the runtime).
enum ContextField : int64_t {
  kGas = 0,
  kStackHeight = 8,
  kStack = 16,
  kMemory = 24,
  kMemorySize = 32,
  kCalldata = 40,
  kCalldataSize = 48,
  kResumePc = 64,
};

/// Per-function state the patterns share: the scratch words for builtin arguments.
struct FunctionState {
  mlir::Value scratch; ///< 8 x i256 on the native stack
};

/// Early exits are not branched to while the patterns run. The patterns leave a call to
/// one of these markers, and expandExitMarkers turns them into control flow afterwards:
/// splitting a block inside a dialect conversion copies the rest of the block each time,
/// which is quadratic in a contract of straight-line code (4 of 7 s for a 40 KB one).
namespace marker {
/// exit_if(i1 cond, i32 status): returns `status` if `cond` holds.
inline constexpr llvm::StringLiteral kExitIf = "metis.lowering.exit_if";
/// check(i32 status): returns `status` unless it is METIS_CONTINUE.
inline constexpr llvm::StringLiteral kCheck = "metis.lowering.check";
/// grow_if(ptr ctx, i1 cond, i64 end): if `cond`, grows memory to `end` on a cold path
/// and returns the builtin's status unless it is METIS_CONTINUE.
inline constexpr llvm::StringLiteral kGrowIf = "metis.lowering.grow_if";
/// resume_if(ptr ctx, i1 cond, i64 pc, i64 refund, i256 words...): if `cond`, gives `refund`
/// gas back, pushes the words onto the in-memory stack and returns METIS_RESUME at `pc`,
/// from a cold block of its own.
inline constexpr llvm::StringLiteral kResumeIf = "metis.lowering.resume_if";
/// divide(i32 kind, ptr out, ptr a, ptr b, i256 a, i256 b) -> i256: DIV, MOD, SDIV or SMOD
/// (a DivideKind) with the operands' magnitudes under 2^64 in one hardware division, and the
/// rest through the runtime's builtin, the words passed in the three scratch slots.
inline constexpr llvm::StringLiteral kDivide = "metis.lowering.divide";
} // namespace marker

/// What a marker::kDivide computes.
enum class DivideKind : int32_t { UDiv, URem, SDiv, SMod };

/// Expands the markers into blocks and branches. A constant status is returned from one
/// block per status; a single exit block with a status phi would gather thousands of
/// edges in a large contract, and InstCombine and the register coalescer are superlinear
/// on it.
void expandExitMarkers(mlir::ModuleOp module);

/// A pointer to the context field at `offset`.
mlir::Value contextField(mlir::OpBuilder &b, mlir::Location loc, mlir::Value ctx, int64_t offset);

/// Pushes `words` (deepest first) onto the frame's in-memory stack and raises its height:
/// metis.stack.push, and the resume path of a failed check.
void pushWords(mlir::OpBuilder &b, mlir::Location loc, mlir::Value ctx, mlir::ValueRange words);

/// Owned by one run of the patterns (populateMetisToLLVMConversionPatterns).
using FunctionStates = llvm::DenseMap<mlir::Operation *, FunctionState>;

class LoweringHelper {
public:
  LoweringHelper(mlir::ConversionPatternRewriter &rewriter, mlir::Operation *op,
                 FunctionStates &states);

  mlir::Location loc() const { return loc_; }
  mlir::Value ctx() const { return ctx_; }
  /// The offset the function was entered at (its second argument, abi.h).
  mlir::Value entryOffset() { return func_.getArgument(1); }
  /// Ends the function with a tail call of `callee(ctx, pc)`, a contract or region entry.
  void tailCallEntry(mlir::Operation *op, llvm::StringRef callee, mlir::Value pc);
  mlir::Type word() const { return rewriter_.getIntegerType(256); }
  mlir::Type i64() const { return rewriter_.getI64Type(); }
  mlir::Type i32() const { return rewriter_.getI32Type(); }
  mlir::Type ptr() const { return mlir::LLVM::LLVMPointerType::get(rewriter_.getContext()); }

  mlir::Value i64Const(int64_t v);
  mlir::Value i32Const(int32_t v);
  mlir::Value wordConst(const llvm::APInt &v);
  mlir::Value wordConst(uint64_t v) { return wordConst(llvm::APInt(256, v)); }

  mlir::Value fieldPtr(int64_t offset);
  mlir::Value loadField(int64_t offset, mlir::Type type);
  void storeField(int64_t offset, mlir::Value value);

  /// Scratch word `i` (0..7) for passing words to builtins by pointer.
  mlir::Value scratch(unsigned i);
  mlir::Value spill(unsigned i, mlir::Value word);
  mlir::Value reload(unsigned i);

  /// Calls `name(args) -> result` (declaring it on first use).
  mlir::Value call(llvm::StringRef name, mlir::Type result, mlir::ValueRange args);
  void callVoid(llvm::StringRef name, mlir::ValueRange args);

  /// Goes on if `status` is METIS_CONTINUE, else returns it (a marker::kCheck).
  void checkStatus(mlir::Value status);
  /// Returns `status` (a constant) from the function if `cond` holds (a marker::kExitIf).
  void haltIf(mlir::Value cond, int32_t status);
  /// Grows memory to `end` if `cond` holds (a marker::kGrowIf).
  void growIf(mlir::Value cond, mlir::Value end);
  /// Hands the frame to the interpreter at `pc` if `cond` holds, with `refund` gas given back
  /// and `stack` (deepest first) pushed onto the in-memory stack (a marker::kResumeIf).
  void resumeIf(mlir::Value cond, uint64_t pc, int64_t refund, mlir::ValueRange stack);

private:
  mlir::ConversionPatternRewriter &rewriter_;
  FunctionStates &states_;
  mlir::Location loc_;
  mlir::LLVM::LLVMFuncOp func_;
  mlir::Value ctx_;
};

} // namespace metis::lowering

#endif // METIS_LIB_CONVERSION_METISTOLLVMCOMMON_H
