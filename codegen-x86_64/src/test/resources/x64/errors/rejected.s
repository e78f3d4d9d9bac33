# Inputs the assembler must reject, one problem a line; the exact diagnostics are in rejected.expected.
        .text
        movq %rax, %rbx, %rcx
        addq %rax
        frobq %rax, %rbx
        movq %rax, %foo
        movb %ah, %sil
        movb %ah, %r8b
        addb $256, %al
        addw $65536, %ax
        addl $0x100000000, %eax
        addq $0x80000000, %rax
        movq 0x80000000(%rax), %rbx
        movq (%rax,%rsp), %rbx
        movq (%rax,%rbx,3), %rcx
        movq (%rax,%ebx), %rcx
        movq %eax, %rbx
        addl %eax, %bx
        movl (%rax), (%rbx)
        mov $1, (%rax)
        inb $256, %al
        inb $1, %bl
        outq %rax, $1
        int $300
        lock movq %rax, (%rbx)
        lock addq %rax, %rbx
        jmp 0x1000
        movq $undefined_a - undefined_b, %rax
        .code32
        movq %rax, %rbx
        movl %r8d, %eax
        pushq %rax
        swapgs
        movl (%rip), %eax
        ljmp $0x10000, $target
        .code64
        ljmp $0x08, $target
        .align 3
        .foo 1
        .byte 256
        .fill 1, 9, 0
        .quad 1 +
        dup:
        dup:
        .bss
        .long 1
        .text
        movl $1, %eax @
        movq $1, %cr9
target:
        .ascii 5
        .equ loop, loop + 1
        jmp .Lnowhere
        jne 7f
        .quad .Lmissing
        movq $1, %rax,
        movq (%rax
        movl %eax, %cs
        .skip 99999999999
        .p2align 40
        .equ never_constant, never_mentioned + 1
