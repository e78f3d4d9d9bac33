	.text
	.p2align	4, 0xcc
	.globl	f
f:
	subq	$8, %rsp
.Lf.b0:
	cmpq	$10, %rdi
	{disp32}	jae	.Lf.b2
.Lf.b1:
	leaq	1(%rdi), %rax
	addq	$8, %rsp
	retq
.Lf.b2:
	movl	$0, %edi
	movl	$0, %esi
	movl	$0, %edx
	movl	$0, %ecx
	movl	$7, %r8d
	callq	rt.panic_at
	ud2
