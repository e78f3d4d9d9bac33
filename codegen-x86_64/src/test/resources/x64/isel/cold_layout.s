	.text
	.p2align	4, 0xcc
	.globl	f
f:
	subq	$8, %rsp
.Lf.b0:
	movq	%rdi, %rax
	cmpq	$10, %rax
	{disp32}	jae	.Lf.b2
.Lf.b1:
	addq	$1, %rax
	addq	$8, %rsp
	retq
.Lf.b2:
	movl	$0, %eax
	movl	$0, %esi
	movl	$0, %edx
	movl	$0, %ecx
	movl	$7, %r8d
	movq	%rax, %rdi
	callq	rt.panic_at
	ud2
