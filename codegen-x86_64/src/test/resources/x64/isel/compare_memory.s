	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	cmpb	$0, g(%rdi)
	{disp32}	jne	.Lf.b2
.Lf.b1:
	movl	$1, %eax
	retq
.Lf.b2:
	movl	$2, %eax
	retq
