# Kernel-style 64-bit code: entry stubs, syscalls, per-CPU data through %gs, atomics, port I/O,
# a jump table, relaxation over long and short distances, data with relocations.
        .text
        .globl syscall_entry
        .type syscall_entry, @function
        .p2align 4
syscall_entry:
        swapgs
        movq %rsp, %gs:16
        movq %gs:8, %rsp
        pushq %rcx
        pushq %r11
        cmpq $NSYSCALLS, %rax
        jae .Lbad
        leaq syscall_table(%rip), %r10
        callq *(%r10,%rax,8)
.Lout:
        popq %r11
        popq %rcx
        movq %gs:16, %rsp
        swapgs
        sysretq
.Lbad:
        movq $-38, %rax
        jmp .Lout
        .size syscall_entry, .-syscall_entry

        .globl spin_lock
        .type spin_lock, @function
spin_lock:
        movl $1, %eax
.Lretry:
        xchgl %eax, (%rdi)
        testl %eax, %eax
        jz .Ldone
.Lwait:
        pause
        cmpl $0, (%rdi)
        jne .Lwait
        jmp .Lretry
.Ldone:
        retq
        .size spin_lock, .-spin_lock

        .globl atomic_add
atomic_add:
        lock xaddq %rsi, (%rdi)
        lock cmpxchgq %rsi, 8(%rdi)
        lock incl counter(%rip)
        lock btsq $3, (%rdi)
        movq %rsi, %rax
        retq

        .globl far_target
far_target:
        jmp far_away                    # relaxed to rel32: more than 127 bytes ahead
        je far_away
        jne near_by
        .skip 100, 0x90
near_by:
        .skip 200, 0xcc
far_away:
        call external_function
        jmp external_function
        jne external_function
        je .Lother_section
        call far_target                 # global: relocation even in the same section
        movq external_data(%rip), %rax
        movq $external_data, %rcx
        movabsq $external_data+16, %rdx
        movl $external_data, %esi
        movq external_data+8, %rdi
        inb $0x60, %al
        outb %al, $0x80
        inw %dx, %ax
        outl %eax, %dx
        rdtsc
        shlq $32, %rdx
        orq %rdx, %rax
        movq %cr3, %rax
        movq %rax, %cr3
        invlpg (%rdi)
        lidt idt_ptr(%rip)
        ltr %ax
        sti
        hlt
        cli
        iretq
        .p2align 5
        ud2
        int3
        ljmpq *(%rax)
        lretq

        .section .text.other, "ax", @progbits
.Lother_section:
        retq

        .section .rodata
        .p2align 3
syscall_table:
        .quad sys_null, sys_write, sys_exit
        .equ NSYSCALLS, (. - syscall_table) / 8
jump_table:
        .long .Lbad - jump_table, .Ldone - jump_table
        .long far_away - .
message:
        .asciz "Mach_R\n"
        .ascii "tab\t", "quote\""
        .string "end"
        .byte 1, 2, 0xff, -1, 'A'
        .short 0x1234, -2
        .word 7
        .fill 3, 2, 0xabcd
        .zero 5
        .balign 16, 0xee

        .data
        .globl counter
        .type counter, @object
        .size counter, 8
counter:
        .quad 0
idt_ptr:
        .word 4095
        .quad idt
        .p2align 6
self:   .quad self, counter + 8, external_data - 4

        .bss
        .p2align 12
idt:    .zero 4096
