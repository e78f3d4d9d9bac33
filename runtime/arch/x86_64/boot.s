# The x86_64 boot file of KD programs (docs/x86_64-codegen.md, /work/shared/design/boot.md), assembled by
# our own assembler. The linker puts the multiboot v1 header (MultibootHeader) in front; QEMU enters
# _start in 32-bit protected mode with paging off. We clear .bss, identity-map the first 1 GiB with
# 2 MiB pages, enable PAE and EFER.LME, turn paging on, load a GDT with a 64-bit code segment and
# far-jump into long mode; there we set up the stack and an IDT whose handlers report the fault on
# COM1, and call _kd_start (the compiler-generated entry: main, then rt.exit).
        .equ COM1, 0x3f8
        .equ DEBUG_EXIT, 0xf4
        .equ FAULT_STATUS, 102

        .section .text.boot, "ax"
        .code32
        .globl _start
        .type _start, @function
_start:
        cli
        movl $__stack_top, %esp
        # Zero .bss (the page tables below live there too).
        movl $__bss_start, %edi
.Lclear:
        cmpl $__bss_end, %edi
        jae .Lcleared
        movb $0, (%edi)
        incl %edi
        jmp .Lclear
.Lcleared:
        movl $pdpt, %eax
        orl $0x3, %eax
        movl %eax, pml4
        movl $pd, %eax
        orl $0x3, %eax
        movl %eax, pdpt
        xorl %ecx, %ecx
.Lmap:
        movl %ecx, %eax
        shll $21, %eax
        orl $0x83, %eax                 # present, writable, 2 MiB page
        movl %eax, pd(,%ecx,8)
        incl %ecx
        cmpl $512, %ecx
        jne .Lmap
        movl %cr4, %eax
        orl $0x20, %eax                 # CR4.PAE
        movl %eax, %cr4
        movl $pml4, %eax
        movl %eax, %cr3
        movl $0xC0000080, %ecx          # IA32_EFER
        rdmsr
        orl $0x100, %eax                # EFER.LME
        wrmsr
        movl %cr0, %eax
        orl $0x80000001, %eax           # CR0.PG | CR0.PE
        movl %eax, %cr0
        lgdt gdt_ptr
        ljmp $0x08, $long_mode

        .code64
long_mode:
        movl $0x10, %eax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movw %ax, %fs
        movw %ax, %gs
        leaq __stack_top(%rip), %rsp
        xorl %ebp, %ebp
        # IDT: 32 interrupt gates (type 0x8E, selector 0x08) to the isr_N stubs.
        leaq idt(%rip), %rdi
        leaq isr_table(%rip), %rsi
        xorl %ecx, %ecx
.Lidt:
        movq (%rsi,%rcx,8), %rax
        movw %ax, (%rdi)
        movw $0x08, 2(%rdi)
        movw $0x8E00, 4(%rdi)
        shrq $16, %rax
        movw %ax, 6(%rdi)
        shrq $16, %rax
        movl %eax, 8(%rdi)
        movl $0, 12(%rdi)
        addq $16, %rdi
        incl %ecx
        cmpl $32, %ecx
        jne .Lidt
        lidtq idt_ptr(%rip)
        call _kd_start
        # _kd_start ends in rt.exit; coming back is a failure.
        movl $FAULT_STATUS, %edi
        jmp machr_exit
        .size _start, . - _start

# The KD-callable port I/O of rt.arch (System V AMD64: rdi, rsi; result in rax).
        .text
        .globl machr_outb
        .type machr_outb, @function
machr_outb:
        movl %esi, %eax
        movl %edi, %edx
        outb %al, %dx
        retq

        .globl machr_inb
        .type machr_inb, @function
machr_inb:
        movl %edi, %edx
        xorl %eax, %eax
        inb %dx, %al
        movsbq %al, %rax                # the canonical form of a u8 value (sign-extended, docs)
        retq

        # Writes the status to isa-debug-exit: QEMU exits with (status << 1) | 1.
        .globl machr_exit
        .type machr_exit, @function
machr_exit:
        # QEMU exits with (v << 1) | 1. v = status + 16 keeps rc 1 (QEMU's own start-up failure) and
        # rc 0 (a triple fault under -no-reboot) from ever meaning success: status 0 is rc 33.
        leal 16(%rdi), %eax
        outl %eax, $DEBUG_EXIT
.Lstop:
        cli
        hlt
        jmp .Lstop

# Fault reporting: "fault: vector 0x.. error 0x.. rip 0x..", then exit with FAULT_STATUS.
serial_putc:                            # al = byte; keeps every register
        pushq %rdx
        pushq %rax
        movw $COM1 + 5, %dx
.Lwait:
        inb %dx, %al
        testb $0x20, %al
        jz .Lwait
        popq %rax
        movw $COM1, %dx
        outb %al, %dx
        popq %rdx
        retq

serial_puts:                            # rsi = NUL-terminated string
        movb (%rsi), %al
        testb %al, %al
        jz .Lputs_done
        call serial_putc
        incq %rsi
        jmp serial_puts
.Lputs_done:
        retq

serial_puthex:                          # rax = value, printed as 0x and 16 digits
        pushq %rbx
        pushq %rcx
        movq %rax, %rbx
        movb $'0', %al
        call serial_putc
        movb $'x', %al
        call serial_putc
        movl $16, %ecx
.Lhex:
        rolq $4, %rbx
        movl %ebx, %eax
        andl $15, %eax
        leaq hex_digits(%rip), %rdx
        movb (%rdx,%rax), %al
        call serial_putc
        decl %ecx
        jnz .Lhex
        popq %rcx
        popq %rbx
        retq

isr_common:                             # stack: vector, error code, rip, cs, rflags, rsp, ss
        leaq msg_vector(%rip), %rsi
        call serial_puts
        movq (%rsp), %rax
        call serial_puthex
        leaq msg_error(%rip), %rsi
        call serial_puts
        movq 8(%rsp), %rax
        call serial_puthex
        leaq msg_rip(%rip), %rsi
        call serial_puts
        movq 16(%rsp), %rax
        call serial_puthex
        movb $10, %al
        call serial_putc
        movl $FAULT_STATUS, %edi
        jmp machr_exit

isr_0:
        pushq $0
        pushq $0
        jmp isr_common
isr_1:
        pushq $0
        pushq $1
        jmp isr_common
isr_2:
        pushq $0
        pushq $2
        jmp isr_common
isr_3:
        pushq $0
        pushq $3
        jmp isr_common
isr_4:
        pushq $0
        pushq $4
        jmp isr_common
isr_5:
        pushq $0
        pushq $5
        jmp isr_common
isr_6:
        pushq $0
        pushq $6
        jmp isr_common
isr_7:
        pushq $0
        pushq $7
        jmp isr_common
isr_8:
        pushq $8
        jmp isr_common
isr_9:
        pushq $0
        pushq $9
        jmp isr_common
isr_10:
        pushq $10
        jmp isr_common
isr_11:
        pushq $11
        jmp isr_common
isr_12:
        pushq $12
        jmp isr_common
isr_13:
        pushq $13
        jmp isr_common
isr_14:
        pushq $14
        jmp isr_common
isr_15:
        pushq $0
        pushq $15
        jmp isr_common
isr_16:
        pushq $0
        pushq $16
        jmp isr_common
isr_17:
        pushq $17
        jmp isr_common
isr_18:
        pushq $0
        pushq $18
        jmp isr_common
isr_19:
        pushq $0
        pushq $19
        jmp isr_common
isr_20:
        pushq $0
        pushq $20
        jmp isr_common
isr_21:
        pushq $21
        jmp isr_common
isr_22:
        pushq $0
        pushq $22
        jmp isr_common
isr_23:
        pushq $0
        pushq $23
        jmp isr_common
isr_24:
        pushq $0
        pushq $24
        jmp isr_common
isr_25:
        pushq $0
        pushq $25
        jmp isr_common
isr_26:
        pushq $0
        pushq $26
        jmp isr_common
isr_27:
        pushq $0
        pushq $27
        jmp isr_common
isr_28:
        pushq $0
        pushq $28
        jmp isr_common
isr_29:
        pushq $29
        jmp isr_common
isr_30:
        pushq $30
        jmp isr_common
isr_31:
        pushq $0
        pushq $31
        jmp isr_common

        .section .rodata
        .p2align 3
isr_table:
        .quad isr_0
        .quad isr_1
        .quad isr_2
        .quad isr_3
        .quad isr_4
        .quad isr_5
        .quad isr_6
        .quad isr_7
        .quad isr_8
        .quad isr_9
        .quad isr_10
        .quad isr_11
        .quad isr_12
        .quad isr_13
        .quad isr_14
        .quad isr_15
        .quad isr_16
        .quad isr_17
        .quad isr_18
        .quad isr_19
        .quad isr_20
        .quad isr_21
        .quad isr_22
        .quad isr_23
        .quad isr_24
        .quad isr_25
        .quad isr_26
        .quad isr_27
        .quad isr_28
        .quad isr_29
        .quad isr_30
        .quad isr_31
gdt:
        .quad 0
        .quad 0x00AF9A000000FFFF        # 64-bit code, selector 0x08
        .quad 0x00CF92000000FFFF        # data, selector 0x10
gdt_end:
gdt_ptr:
        .word gdt_end - gdt - 1
        .long gdt
        .p2align 3
idt_ptr:
        .word 32 * 16 - 1
        .quad idt
msg_vector:
        .asciz "fault: vector "
msg_error:
        .asciz " error "
msg_rip:
        .asciz " rip "
hex_digits:
        .ascii "0123456789abcdef"

        .bss
        .p2align 12
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4096
idt:    .skip 32 * 16
