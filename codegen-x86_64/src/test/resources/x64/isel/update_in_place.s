	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
.Lf.b1:
	addq	$5, %rcx
	cmpq	%rax, %rcx
	{disp32}	jb	.Lf.b1
.Lf.b2:
	movq	%rcx, %rax
	retq
