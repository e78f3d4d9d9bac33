	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$32, %rsp
	movq	%rbx, 24(%rsp)
.Lf.b0:
	movl	$1, %edi
	movl	$2, %esi
	movl	$3, %edx
	movl	$4, %ecx
	movl	$5, %r8d
	movl	$6, %r9d
	movl	$7, %eax
	movl	$8, %ebx
	movq	%rax, (%rsp)
	movq	%rbx, 8(%rsp)
	callq	f
	movq	24(%rsp), %rbx
	leave
	retq
