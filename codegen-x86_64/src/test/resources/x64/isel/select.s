	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	cmpq	%rsi, %rdi
	setb	%al
	movzbl	%al, %eax
	testq	%rax, %rax
	movq	%rsi, %rax
	cmovneq	%rdi, %rax
	retq
