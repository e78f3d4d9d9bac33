	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	leaq	100(%rdi), %rax
	movslq	%eax, %rax
	negq	%rax
	addq	%rsi, %rax
	movslq	%eax, %rax
	retq
