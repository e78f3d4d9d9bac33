	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	cmpq	%rcx, %rax
	setb	%dl
	movzbl	%dl, %edx
	testq	%rdx, %rdx
	cmoveq	%rcx, %rax
	retq
