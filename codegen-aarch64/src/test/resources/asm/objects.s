// A boot-code-shaped file: sections, global and local symbols, every relocation kind the assembler
// emits. ObjectFileTest compares our object with llvm-mc's and GNU as's.
	.section .text.boot, "ax", @progbits
	.global _start
	.type _start, %function
_start:
	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	cbnz	x0, park
	adrp	x1, stack_top
	add	x1, x1, :lo12:stack_top
	mov	sp, x1
	adrp	x3, vectors
	add	x3, x3, #:lo12:vectors
	msr	vbar_el1, x3
	isb
	bl	kmain
	b	.
park:
	wfe
	b	park
	.size	_start, . - _start

	.text
	.global	vectors
	.balign	2048
vectors:
	b	sync_handler
	.balign	128
	b	1f
1:	eret
	.global	context_switch
	.type	context_switch, %function
context_switch:
	stp	x19, x20, [x0, #0]
	stp	x29, x30, [x0, #16]
	mov	x9, sp
	str	x9, [x0, #32]
	ldp	x19, x20, [x1]
	ldp	x29, x30, [x1, #16]
	ldr	x9, [x1, #32]
	mov	sp, x9
	adrp	x9, current_task
	ldr	x10, [x9, #:lo12:current_task]
	ldrb	w11, [x9, :lo12:flag]
	ldrh	w12, [x9, :lo12:half]
	ldr	w13, [x9, :lo12:word]
	str	x10, [x9, :lo12:local_data]
	ret
	.size	context_switch, . - context_switch
more:
	adr	x0, msg
	ldr	x1, lit
	ldr	w2, lit
	ldrsw	x3, lit
	tbz	x0, #3, ext_target
	b.ne	ext_target
	cbz	w0, ext_target
	b	ext_target+8
	bl	context_switch
	b	2f
	nop
2:	ret
	.balign	128
repeated:
	.rept	3
	add	x0, x0, #1
	.rept	2
	nop
	.endr
	.endr

	.data
	.balign	8
	.global	table
	.type	table, %object
table:
	.quad	_start
	.quad	kmain + 16
	.word	vectors
	.word	msg - .
	.quad	msg - .
	.xword	0x1122334455667788
	.hword	0xbeef
	.byte	1, 2, 3
	.size	table, . - table
	.balign	8
local_data:
	.quad	0
half:	.hword	7
flag:	.byte	1

	.section .rodata
msg:	.asciz	"Mach_R boots\n"
	.balign	4
lit:	.word	0x12345678
	.word	0
word:	.long	lit - msg
	.equ	KERNEL_BASE, 0x40200000
	.set	PAGE_SIZE, 1 << 12
	.quad	KERNEL_BASE + PAGE_SIZE

	.bss
	.balign	16
stack:	.skip	4096
	.global	stack_top
stack_top:
	.zero	16
