	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	cmpq	$10, %rdi
	{disp32}	jge	.Lf.b2
.Lf.b1:
	movl	$1, %eax
	retq
.Lf.b2:
	movl	$2, %eax
	retq
