	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rcx
	movq	%rcx, %rax
	lock		xaddq	%rax, g(%rip)
	movl	$3, %ecx
	lock		cmpxchgq	%rcx, g(%rip)
	movq	%rax, %rcx
	movq	%rcx, %rax
	xchgq	%rax, g(%rip)
	mfence
	movq	%rcx, %rax
	retq
