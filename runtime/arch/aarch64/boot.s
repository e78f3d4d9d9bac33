// Boot code for the aarch64 target (QEMU virt, design/boot.md), assembled by our A64Assembler.
// Entry at EL1 with the MMU off and SP = 0: set the stack, zero .bss, install exception vectors
// that report ESR/ELR/FAR on the PL011 and exit with status 102, then run the program (_kd_start,
// which calls main and rt.exit). Also the semihosting exit that rt.arch.halt calls.

	.section .text.boot, "ax"
	.global _start
_start:
	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	strb	wzr, [x0], #1
	b	1b
2:	adrp	x0, machr_vectors
	add	x0, x0, :lo12:machr_vectors
	msr	VBAR_EL1, x0
	isb
	bl	_kd_start
	mov	w0, #0
	b	machr_semihost_exit

// machr_semihost_exit(code: i32): semihosting SYS_EXIT (0x18) with {ADP_Stopped_ApplicationExit, code}.
	.global machr_semihost_exit
machr_semihost_exit:
	adrp	x1, machr_exit_block
	add	x1, x1, :lo12:machr_exit_block
	movz	x2, #0x26
	movk	x2, #0x2, lsl #16
	str	x2, [x1]
	and	x0, x0, #0xff
	str	x0, [x1, #8]
	mov	w0, #0x18
	hlt	#0xf000
3:	b	3b

// An unexpected exception: print "exception: esr=0x.. elr=0x.. far=0x..\n" and exit with status 102.
machr_exception:
	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0
	adrp	x19, machr_msg_exc
	add	x19, x19, :lo12:machr_msg_exc
	bl	machr_puts
	mrs	x0, ESR_EL1
	bl	machr_puthex
	adrp	x19, machr_msg_elr
	add	x19, x19, :lo12:machr_msg_elr
	bl	machr_puts
	mrs	x0, ELR_EL1
	bl	machr_puthex
	adrp	x19, machr_msg_far
	add	x19, x19, :lo12:machr_msg_far
	bl	machr_puts
	mrs	x0, FAR_EL1
	bl	machr_puthex
	mov	w0, #10
	bl	machr_putc
	mov	w0, #102
	b	machr_semihost_exit

// machr_putc(w0): one byte to the PL011 once its FIFO has room. Clobbers x9, x10.
machr_putc:
	movz	x9, #0x0900, lsl #16
4:	ldr	w10, [x9, #0x18]
	tbnz	w10, #5, 4b
	str	w0, [x9]
	ret

// machr_puts(x19): a NUL-terminated string. Clobbers x0, x9, x10, x19, x20.
machr_puts:
	mov	x20, x30
5:	ldrb	w0, [x19], #1
	cbz	w0, 6f
	bl	machr_putc
	b	5b
6:	ret	x20

// machr_puthex(x0): "0x" and 16 hex digits. Clobbers x0, x9-x12, x20.
machr_puthex:
	mov	x20, x30
	mov	x11, x0
	mov	w0, #'0'
	bl	machr_putc
	mov	w0, #'x'
	bl	machr_putc
	mov	x12, #60
7:	lsr	x0, x11, x12
	and	x0, x0, #0xf
	cmp	x0, #10
	b.lo	8f
	add	x0, x0, #('a' - '0' - 10)
8:	add	x0, x0, #'0'
	bl	machr_putc
	subs	x12, x12, #4
	b.pl	7b
	ret	x20

// The vector table: 16 entries of 0x80 bytes, each branching to the reporter (ARM ARM D1.10.2).
	.balign	2048
machr_vectors:
	.rept	16
	b	machr_exception
	.balign	128
	.endr

	.section .rodata
machr_msg_exc:
	.asciz	"exception: esr="
machr_msg_elr:
	.asciz	" elr="
machr_msg_far:
	.asciz	" far="

	.bss
	.balign	16
machr_exit_block:
	.skip	16
