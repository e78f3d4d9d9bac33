# Instruction counter for bench/codegen on x86_64 (design/boot.md): under QEMU's -icount shift=0 the
# time-stamp counter advances once per executed instruction.
	.text
	.globl	bench_counter_start
bench_counter_start:
	retq

	.globl	bench_counter_read
bench_counter_read:
	rdtsc
	shlq	$32, %rdx
	orq	%rdx, %rax
	retq
