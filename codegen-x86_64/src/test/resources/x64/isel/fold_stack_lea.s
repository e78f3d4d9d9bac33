	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$64, %rsp
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movl	%ecx, (%rsp,%rax,4)
	leaq	(%rax,%rcx), %rdx
	leaq	-8(%rcx,%rax,4), %rax
	leaq	(%rdx,%rax), %rcx
	addq	%rdx, %rax
	addq	%rcx, %rax
	leave
	retq
