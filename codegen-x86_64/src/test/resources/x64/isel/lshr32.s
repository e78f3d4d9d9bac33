	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movl	%edi, %eax
	movq	%rsi, %rcx
	andl	$31, %ecx
	shrq	%cl, %rax
	movslq	%eax, %rax
	retq
