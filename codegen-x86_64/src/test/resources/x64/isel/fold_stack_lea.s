	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$64, %rsp
.Lf.b0:
	movl	%esi, (%rsp,%rdi,4)
	leaq	(%rdi,%rsi), %rax
	leaq	-8(%rsi,%rdi,4), %rcx
	leaq	(%rax,%rcx), %rdx
	addq	%rcx, %rax
	addq	%rdx, %rax
	leave
	retq
