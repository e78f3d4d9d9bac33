	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$32, %rsp
	movq	%rbx, 24(%rsp)
.Lf.b0:
	movl	$1, %eax
	movl	$2, %esi
	movl	$3, %edx
	movl	$4, %ecx
	movl	$5, %r8d
	movl	$6, %r9d
	movl	$7, %edi
	movl	$8, %ebx
	movq	%rdi, (%rsp)
	movq	%rbx, 8(%rsp)
	movq	%rax, %rdi
	callq	f
	movq	24(%rsp), %rbx
	leave
	retq
