	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$64, %rsp
	movq	%rbx, 32(%rsp)
	movq	%r12, 40(%rsp)
	movq	%r13, 48(%rsp)
	movq	%r14, 56(%rsp)
.Lf.b0:
	movl	$1, %eax
	movl	$2, %ebx
	movl	$3, %r12d
	movl	$4, %r13d
	movl	$5, %r14d
	movl	$6, %r10d
	movq	%r10, 16(%rsp)
	movl	$7, %ecx
	movl	$8, %edx
	movq	%rcx, (%rsp)
	movq	%rdx, 8(%rsp)
	movq	%rax, %rdi
	movq	%rbx, %rsi
	movq	%r12, %rdx
	movq	%r13, %rcx
	movq	%r14, %r8
	movq	16(%rsp), %r9
	callq	f
	movq	%rax, %rcx
	movq	%rcx, %rax
	movq	32(%rsp), %rbx
	movq	40(%rsp), %r12
	movq	48(%rsp), %r13
	movq	56(%rsp), %r14
	leave
	retq
