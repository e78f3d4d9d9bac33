	.text
	.p2align	4, 0xcc
	.globl	f
f:
	subq	$8, %rsp
.Lf.b0:
	movq	%rdi, %rax
	movq	%rsi, %rcx
	testq	%rcx, %rcx
	{disp32}	je	.Lf.l0
	cmpq	$-1, %rcx
	{disp32}	jne	.Lf.l1
	negq	%rax
	{disp32}	jmp	.Lf.l2
.Lf.l1:
	cqto
	idivq	%rcx
.Lf.l2:
	addq	$8, %rsp
	retq
.Lf.l0:
	leaq	.Lf.l3(%rip), %rdi
	movl	$16, %esi
	leaq	.Lf.l4(%rip), %rdx
	movl	$4, %ecx
	movl	$7, %r8d
	callq	rt.panic_at
	ud2
.Lf.l3:
	.byte	100, 105, 118, 105, 115, 105, 111, 110, 32, 98, 121, 32, 122, 101, 114, 111
.Lf.l4:
	.byte	116, 46, 107, 100
