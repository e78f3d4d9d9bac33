	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	addq	$100, %rax
	movslq	%eax, %rax
	negq	%rax
	addq	%rcx, %rax
	movslq	%eax, %rax
	retq
