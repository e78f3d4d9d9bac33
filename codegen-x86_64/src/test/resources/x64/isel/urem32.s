	.text
	.p2align	4, 0xcc
	.globl	f
f:
	subq	$8, %rsp
.Lf.b0:
	movl	%edi, %eax
	movl	%esi, %ecx
	testq	%rcx, %rcx
	{disp32}	je	.Lf.l0
	xorl	%edx, %edx
	divq	%rcx
	movslq	%edx, %rdx
	movq	%rdx, %rax
	addq	$8, %rsp
	retq
.Lf.l0:
	leaq	.Lf.l1(%rip), %rdi
	movl	$16, %esi
	leaq	.Lf.l2(%rip), %rdx
	movl	$4, %ecx
	movl	$7, %r8d
	callq	rt.panic_at
	ud2
.Lf.l1:
	.byte	100, 105, 118, 105, 115, 105, 111, 110, 32, 98, 121, 32, 122, 101, 114, 111
.Lf.l2:
	.byte	116, 46, 107, 100
