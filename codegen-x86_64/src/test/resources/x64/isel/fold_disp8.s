	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movq	127(%rax,%rcx,4), %rax
	retq
