	.text
	.p2align	4, 0xcc
	.globl	f
f:
	pushq	%rbx
.Lf.b0:
	movq	%rdi, %rbx
	movl	$3, %edi
	callq	f
	addq	%rbx, %rax
	popq	%rbx
	retq
