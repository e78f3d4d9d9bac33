# One instruction a line with the expected encoding after '#'; checked by EncodingFileTest
# (our bytes) and ObjectDifferentialTest (llvm-mc's object). -Dbless=true rewrites the hex.
        .text
        .code64
start:
        movq %rax, %rcx                 # 4889c1
        movq %r8, %r15                  # 4d89c7
        movl %eax, %r12d                # 4189c4
        movw %ax, %r9w                  # 664189c1
        movb %al, %sil                  # 4088c6
        movb %ah, %bl                   # 88e3
        movb %r8b, %dil                 # 4488c7
        movq (%rsp), %rax               # 488b0424
        movq (%r12), %rax               # 498b0424
        movq (%rbp), %rax               # 488b4500
        movq (%r13), %rax               # 498b4500
        movq 127(%rax), %rax            # 488b407f
        movq 128(%rax), %rax            # 488b8080000000
        movq -128(%rax), %rax           # 488b4080
        movq -129(%rax), %rax           # 488b807fffffff
        movq 0x7fffffff(%rax,%rbx,8), %rax # 488b84d8ffffff7f
        movq -0x80000000(,%r14,2), %rax # 4a8b047500000080
        movq (%r12,%r13,4), %r11        # 4f8b1cac
        movq 16, %rax                   # 488b042510000000
        movq 16(%rip), %rax             # 488b0510000000
        movq %gs:8, %rax                # 65488b042508000000
        movl (%eax), %ecx               # 678b08
        movl (%r8d,%eax,2), %ecx        # 67418b0c40
        movb $-128, %al                 # b080
        movb $255, (%rax)               # c600ff
        movw $-1, %r10w                 # 6641baffff
        movl $0xffffffff, %eax          # b8ffffffff
        movq $-1, %rax                  # 48c7c0ffffffff
        movq $0x7fffffff, %r9           # 49c7c1ffffff7f
        movq $0x80000000, %r9           # 49b90000008000000000
        movabsq $1, %rax                # 48b80100000000000000
        movq $1, (%rax)                 # 48c70001000000
        movzbl %al, %eax                # 0fb6c0
        movzbl (%rax), %r8d             # 440fb600
        movzwq %r8w, %rax               # 490fb7c0
        movsbw %al, %ax                 # 660fbec0
        movsbq %sil, %rax               # 480fbec6
        movswl (%rdi), %eax             # 0fbf07
        movslq %eax, %rax               # 4863c0
        leaq 8(%rsp), %rbp              # 488d6c2408
        leal (%rax,%rax,2), %eax        # 8d0440
        leaq message(%rip), %rsi        # 488d3500000000
        addq %rax, %rbx                 # 4801c3
        addq (%rax), %rbx               # 480318
        addq %rbx, (%rax)               # 480118
        addq $1, %rax                   # 4883c001
        addq $127, %rax                 # 4883c07f
        addq $128, %rax                 # 480580000000
        addq $128, %rcx                 # 4881c180000000
        addq $-129, (%rdx)              # 4881027fffffff
        addb $1, %al                    # 0401
        addb $1, %cl                    # 80c101
        addw $1000, %ax                 # 6605e803
        orl $0xffffffff, %ebp           # 83cdff
        adcl $5, %esi                   # 83d605
        sbbq %r9, %r10                  # 4d19ca
        andl $0xfff, %eax               # 25ff0f0000
        subq $8, %rsp                   # 4883ec08
        xorl %eax, %eax                 # 31c0
        cmpb $0, (%rdi)                 # 803f00
        cmpq $-1, %r15                  # 4983ffff
        testl %eax, %eax                # 85c0
        testq $1, %rcx                  # 48f7c101000000
        testb $0x80, %al                # a880
        testq %rax, (%rbx)              # 488503
        incq %rax                       # 48ffc0
        decl (%rbx)                     # ff0b
        notq %r8                        # 49f7d0
        negl %eax                       # f7d8
        mulq %rcx                       # 48f7e1
        imulq %rdx                      # 48f7ea
        divq %rcx                       # 48f7f1
        idivl %r9d                      # 41f7f9
        imulq %rbx, %rax                # 480fafc3
        imulq $10, %rax, %rcx           # 486bc80a
        imulq $1000, %rax               # 4869c0e8030000
        imulw $300, %ax, %bx            # 6669d82c01
        cqto                            # 4899
        cqo                             # 4899
        cltd                            # 99
        cdq                             # 99
        cltq                            # 4898
        shlq %rax                       # 48d1e0
        shlq $1, %rax                   # 48d1e0
        shlq $4, %rax                   # 48c1e004
        shrl %cl, %edx                  # d3ea
        sarq $63, %r11                  # 49c1fb3f
        roll $8, (%rax)                 # c10008
        rorw %cl, %ax                   # 66d3c8
        salb $2, %sil                   # 40c0e602
        sete %al                        # 0f94c0
        setne %r10b                     # 410f95c2
        setb (%rax)                     # 0f9200
        setg %dil                       # 400f9fc7
        cmoveq %rcx, %rax               # 480f44c1
        cmovbl (%rsi), %edx             # 0f4216
        cmovgew %ax, %bx                # 660f4dd8
        jmpq *%rax                      # ffe0
        jmpq *(%rax,%rcx,8)             # ff24c8
        callq *%r11                     # 41ffd3
        callq *8(%rsp)                  # ff542408
        pushq %rbp                      # 55
        pushq %r12                      # 4154
        pushq $1                        # 6a01
        pushq $1000                     # 68e8030000
        pushq (%rax)                    # ff30
        pushw %ax                       # 6650
        popq %rbp                       # 5d
        popq %r15                       # 415f
        popq 8(%rax)                    # 8f4008
        xchgq %rax, %rcx                # 4891
        xchgq %rcx, %rdx                # 4887d1
        xchgl %eax, %eax                # 87c0
        xchgb %al, %cl                  # 86c8
        xchgq %rbx, (%rax)              # 488718
        cmpxchgq %rcx, (%rdx)           # 480fb10a
        lock cmpxchgq %rcx, (%rdx)      # f0480fb10a
        lock addl $1, (%rax)            # f0830001
        lock xaddl %eax, (%rbx)         # f00fc103
        lock incq counter(%rip)         # f048ff0500000000
        lock btsq $5, (%rdi)            # f0480fba2f05
        btq $3, %rax                    # 480fbae003
        btsl %ecx, %edx                 # 0fabca
        btrq %rcx, (%rax)               # 480fb308
        btcw $1, %ax                    # 660fbaf801
        bsfq %rax, %rcx                 # 480fbcc8
        bsrl (%rdi), %eax               # 0fbd07
        nop                             # 90
        int3                            # cc
        int $3                          # cc
        int $0x80                       # cd80
        ud2                             # 0f0b
        pause                           # f390
        hlt                             # f4
        cli                             # fa
        sti                             # fb
        retq                            # c3
        ret                             # c3
        movq %cr0, %rax                 # 0f20c0
        movq %rax, %cr0                 # 0f22c0
        movq %cr2, %rax                 # 0f20d0
        movq %rbx, %cr3                 # 0f22db
        movq %cr4, %r8                  # 410f20e0
        movq %rax, %cr8                 # 440f22c0
        lgdt (%rax)                     # 0f0110
        lidt idt_ptr(%rip)              # 0f011d00000000
        sgdt (%rsp)                     # 0f010424
        ltr %ax                         # 0f00d8
        ltrw (%rax)                     # 0f0018
        rdmsr                           # 0f32
        wrmsr                           # 0f30
        swapgs                          # 0f01f8
        syscall                         # 0f05
        sysretq                         # 480f07
        iretq                           # 48cf
        invlpg (%rax)                   # 0f0138
        invlpg 4096(%r12)               # 410f01bc2400100000
        inb $0x60, %al                  # e460
        inw $0x60, %ax                  # 66e560
        inl $0x60, %eax                 # e560
        inb %dx, %al                    # ec
        inw %dx, %ax                    # 66ed
        inl %dx, %eax                   # ed
        outb %al, $0xf4                 # e6f4
        outw %ax, $0x80                 # 66e780
        outl %eax, $0xf4                # e7f4
        outb %al, %dx                   # ee
        outw %ax, %dx                   # 66ef
        outl %eax, %dx                  # ef
        rdtsc                           # 0f31
        rep movsb                       # f3a4
        rep stosq                       # f348ab
        movsl                           # a5
        stosw                           # 66ab
        bswapl %eax                     # 0fc8
        bswapq %r9                      # 490fc9
        ljmpl *(%rax)                   # ff28
        ljmpq *(%rax)                   # 48ff28
        lretq                           # 48cb
        movw %ax, %ds                   # 8ed8
        movl %eax, %ss                  # 8ed0
        movw %fs, %ax                   # 668ce0
        jmp .                           # ebfe
        jne .                           # 75fe
        leaq .(%rip), %rax              # 488d05f9ffffff
        jmp start                       # e97ffdffff
        je start                        # 0f8479fdffff
        jne 1f                          # 7500
1:      call helper                     # e851000000
        jmp helper                      # eb4f
        .code32
        movl %eax, %cr0                 # 0f22c0
        movl %cr0, %eax                 # 0f20c0
        movl %eax, %cr3                 # 0f22d8
        movl %cr4, %eax                 # 0f20e0
        movl %eax, %cr4                 # 0f22e0
        rdmsr                           # 0f32
        wrmsr                           # 0f30
        lgdt gdt_ptr                    # 0f011500000000
        lgdtl (%eax)                    # 0f0110
        movl $0x1000, %eax              # b800100000
        movl $0xC0000080, %ecx          # b9800000c0
        orl $0x80000001, %eax           # 0d01000080
        orl $0x100, %eax                # 0d00010000
        outb %al, $0xf4                 # e6f4
        outl %eax, %dx                  # ef
        incl %ecx                       # 41
        decw %bx                        # 664b
        pushl %ebp                      # 55
        pushl $0                        # 6a00
        movl %eax, pml4                 # a300000000
        movl 4(%esp), %eax              # 8b442404
        movb %ah, %al                   # 88e0
        retl                            # c3
        ljmp $0x08, $start              # ea000000000800
        jmp .                           # ebfe
        .code64
helper:
        retq                            # c3
        .data
counter: .quad 0
idt_ptr: .word 0
        .quad 0
gdt_ptr: .word 0
        .long 0
message: .asciz "hello"
pml4:   .long 0
