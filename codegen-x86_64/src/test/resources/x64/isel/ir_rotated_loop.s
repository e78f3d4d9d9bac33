	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	movl	$0, %edx
	movl	$0, %esi
.Lf.b1:
	cmpq	%rcx, %rdx
	{disp32}	je	.Lf.b3
.Lf.b2:
	addq	%rdx, %rsi
.Lf.b3:
	addq	$1, %rdx
	cmpq	%rax, %rdx
	{disp32}	jb	.Lf.b1
.Lf.b4:
	movq	%rsi, %rax
	retq
