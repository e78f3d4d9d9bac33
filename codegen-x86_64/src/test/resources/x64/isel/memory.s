	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$16, %rsp
.Lf.b0:
	movl	$-5, (%rsp)
	movq	%rdi, g(%rip)
	movl	(%rsp), %eax
	leave
	retq
