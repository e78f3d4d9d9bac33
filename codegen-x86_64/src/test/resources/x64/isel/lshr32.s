	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movl	%eax, %eax
	andl	$31, %ecx
	shrq	%cl, %rax
	movslq	%eax, %rax
	retq
