	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movb	$1, g+4(%rsi)
	movq	g(,%rdi,8), %rax
	movq	g+8(%rip), %rcx
	addq	%rcx, %rax
	retq
