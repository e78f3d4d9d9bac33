	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movb	$1, g+4(%rcx)
	movq	g(,%rax,8), %rax
	movq	g+8(%rip), %rcx
	addq	%rcx, %rax
	retq
