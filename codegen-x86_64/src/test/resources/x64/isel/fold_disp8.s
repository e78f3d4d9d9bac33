	.text
	.p2align	4, 0xcc
	.globl	f
f:
.Lf.b0:
	movq	127(%rdi,%rsi,4), %rax
	retq
