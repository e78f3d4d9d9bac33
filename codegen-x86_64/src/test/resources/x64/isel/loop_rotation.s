	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movl	$0, %eax
	{disp32}	jmp	.Lf.b2
.Lf.b1:
	addq	$1, %rax
.Lf.b2:
	cmpq	%rdi, %rax
	{disp32}	jb	.Lf.b1
.Lf.b3:
	retq
