	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	%rdi, %rax
	movl	$0, %ecx
	{disp32}	jmp	.Lf.b2
.Lf.b1:
	addq	$1, %rcx
.Lf.b2:
	cmpq	%rax, %rcx
	{disp32}	jb	.Lf.b1
.Lf.b3:
	movq	%rcx, %rax
	retq
