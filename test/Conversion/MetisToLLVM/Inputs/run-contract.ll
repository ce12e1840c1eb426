; Runs a lowered contract once on a fresh metis_context (abi.h) with 1000000 gas, an empty
; in-memory stack and no memory, and prints the status it returns. Contracts that call
; runtime builtins cannot run here; this is for the inline checks.
%metis_context = type { i64, i64, ptr, ptr, i64, ptr, i64, ptr }

@stack = internal global [1024 x i256] zeroinitializer, align 16
@format = private unnamed_addr constant [11 x i8] c"status %d\0A\00"

declare i32 @metis_contract_main(ptr)
declare i32 @printf(ptr, ...)

define i32 @main() {
  %ctx = alloca %metis_context, align 8
  store %metis_context { i64 1000000, i64 0, ptr @stack, ptr null, i64 0, ptr null, i64 0, ptr null }, ptr %ctx, align 8
  %status = call i32 @metis_contract_main(ptr %ctx)
  %printed = call i32 (ptr, ...) @printf(ptr @format, i32 %status)
  ret i32 0
}
