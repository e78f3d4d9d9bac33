# A multiboot v1 entry that switches from 32-bit protected mode to long mode (see docs/boot.md):
# identity-map the first 1 GiB with 2 MiB pages, enable PAE, load CR3, set EFER.LME, enable paging,
# load a GDT with a 64-bit code segment and far-jump into it.
        .equ MB_MAGIC, 0x1BADB002
        .equ MB_FLAGS, 0x00000003
        .equ COM1, 0x3f8

        .section .multiboot, "a"
        .p2align 2
        .long MB_MAGIC
        .long MB_FLAGS
        .long -(MB_MAGIC + MB_FLAGS)

        .text
        .code32
        .globl _start
        .type _start, @function
_start:
        cli
        movl $stack_top, %esp
        movl %eax, %edi                 # multiboot magic
        movl %ebx, %esi                 # multiboot info
        # PML4[0] -> PDPT, PDPT[0] -> PD
        movl $pdpt, %eax
        orl $0x3, %eax
        movl %eax, pml4
        movl $pd, %eax
        orl $0x3, %eax
        movl %eax, pdpt
        # PD[i] = i * 2 MiB | present | writable | huge
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
        movw $0x10, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        ljmp $0x08, $long_mode
halt32:
        hlt
        jmp halt32
.Lputc32:
        movw $COM1, %dx
        outb %al, %dx
        retl

        .code64
long_mode:
        movabsq $0x0000008000000000, %rax
        leaq stack_top(%rip), %rsp
        xorl %ebp, %ebp
        movl $0x10, %eax
        outl %eax, $0xf4                # isa-debug-exit
        call kmain
.Lhang:
        hlt
        jmp .Lhang
        .size _start, . - _start

        .section .rodata
        .p2align 3
gdt:
        .quad 0
        .quad 0x00AF9A000000FFFF        # 64-bit code
        .quad 0x00CF92000000FFFF        # data
gdt_end:
gdt_ptr:
        .word gdt_end - gdt - 1
        .long gdt

        .bss
        .p2align 12
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4096
stack:  .skip 16384
stack_top:
