	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movl	$0, %eax
	movl	$0, %ecx
.Lf.b1:
	cmpq	%rsi, %rax
	{disp32}	je	.Lf.b3
.Lf.b2:
	addq	%rax, %rcx
.Lf.b3:
	addq	$1, %rax
	cmpq	%rdi, %rax
	{disp32}	jb	.Lf.b1
.Lf.b4:
	movq	%rcx, %rax
	retq
