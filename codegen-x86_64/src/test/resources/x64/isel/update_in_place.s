	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
.Lf.b1:
	addq	$5, %rsi
	cmpq	%rdi, %rsi
	{disp32}	jb	.Lf.b1
.Lf.b2:
	movq	%rsi, %rax
	retq
