	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movl	%eax, %eax
	movq	%rcx, %rdx
	andl	$31, %edx
	movq	%rdx, %rcx
	shrq	%cl, %rax
	movq	%rax, %rcx
	movslq	%ecx, %rcx
	movq	%rcx, %rax
	leave
	retq
