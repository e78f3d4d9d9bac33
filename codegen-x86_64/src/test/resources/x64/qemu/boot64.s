# Boots under qemu-system-x86_64 -kernel (multiboot v1 with the address fields, bit 16): 32-bit entry,
# identity map of 1 GiB with 2 MiB pages, PAE, EFER.LME, paging, a GDT with a 64-bit code segment, a far
# jump to long mode, then a message on COM1 and isa-debug-exit with 0x10 (QEMU exit status 33).
        .section .multiboot, "a"
        .p2align 2
mb_header:
        .long 0x1BADB002
        .long 0x00010000
        .long -(0x1BADB002 + 0x00010000)
        .long mb_header
        .long _load_start
        .long _load_end
        .long _bss_end
        .long _start

        .text
        .code32
        .globl _start
_start:
        cli
        movl $stack_top, %esp
        movl $pdpt, %eax
        orl $0x3, %eax
        movl %eax, pml4
        movl $pd, %eax
        orl $0x3, %eax
        movl %eax, pdpt
        xorl %ecx, %ecx
1:
        movl %ecx, %eax
        shll $21, %eax
        orl $0x83, %eax
        movl %eax, pd(,%ecx,8)
        incl %ecx
        cmpl $512, %ecx
        jne 1b
        movl %cr4, %eax
        orl $0x20, %eax
        movl %eax, %cr4
        movl $pml4, %eax
        movl %eax, %cr3
        movl $0xC0000080, %ecx
        rdmsr
        orl $0x100, %eax
        wrmsr
        movl %cr0, %eax
        orl $0x80000001, %eax
        movl %eax, %cr0
        lgdt gdt_ptr
        ljmp $0x08, $long_mode

        .code64
long_mode:
        movw $0x10, %ax
        movw %ax, %ds
        movw %ax, %ss
        leaq message(%rip), %rsi
        movl $len, %ecx
.Lnext:
        movw $0x3fd, %dx
.Lwait:
        inb %dx, %al
        testb $0x20, %al
        jz .Lwait
        movw $0x3f8, %dx
        movb (%rsi), %al
        incq %rsi
        outb %al, %dx
        decl %ecx
        jnz .Lnext
        movl $0x10, %eax
        outl %eax, $0xf4
.Lhang:
        hlt
        jmp .Lhang

        .section .rodata
        .p2align 3
gdt:
        .quad 0
        .quad 0x00AF9A000000FFFF
        .quad 0x00CF92000000FFFF
gdt_end:
gdt_ptr:
        .word gdt_end - gdt - 1
        .long gdt
message:
        .ascii "long mode reached\n"
        .equ len, . - message

        .bss
        .p2align 12
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4096
        .skip 16384
stack_top:
