package org.machr.link.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectReader;

/**
 * End to end: small hand-written programs (assembled by llvm-mc for now), linked by our linker into boot
 * images that QEMU boots with the flags of boot.md; we read the console and the exit status.
 */
class QemuBootTest {

    /** Sets a stack, prints "hello\n" through putc (another object), exits 42 through semihosting. */
    static final String A64_START = """
            .section .text.boot,"ax"
            .globl _start
            _start:
              adrp x0, __stack_top
              add x0, x0, :lo12:__stack_top
              mov sp, x0
              adrp x19, message
              add x19, x19, :lo12:message
            1:
              ldrb w0, [x19], #1
              cbz w0, finish
              bl putc
              b 1b
            .text
            finish:
              adrp x1, exit_block
              add x1, x1, :lo12:exit_block
              mov w0, #0x18
              hlt #0xf000
            2: b 2b
            .section .rodata
            message: .asciz "hello\\n"
            .data
            .balign 8
            exit_block: .quad 0x20026, 42
            """;

    /** PL011 at 0x0900_0000: wait while FR.TXFF (bit 5) is set, then write DR. */
    static final String A64_UART = """
            .text
            .globl putc
            .type putc, %function
            putc:
              movz x1, #0x0900, lsl #16
            1:
              ldr w2, [x1, #0x18]
              tbnz w2, #5, 1b
              strb w0, [x1]
              ret
            """;

    /** 32-bit multiboot entry: stack, print "hello\n" on COM1 via putc, exit through isa-debug-exit. */
    static final String X64_START = """
            .code32
            .section .text.boot,"ax"
            .globl _start
            _start:
              movl $__stack_top, %esp
              movl $message, %esi
            1:
              movb (%esi), %al
              testb %al, %al
              jz 2f
              call putc
              incl %esi
              jmp 1b
            2:
              movl $21, %eax
              outl %eax, $0xf4
            3:
              hlt
              jmp 3b
            .section .rodata
            message: .asciz "hello\\n"
            """;

    /** COM1 at 0x3f8: wait for LSR (0x3fd) bit 5, then write the byte in %al. */
    static final String X64_UART = """
            .code32
            .text
            .globl putc
            putc:
              movb %al, %cl
              movw $0x3fd, %dx
            1:
              inb %dx, %al
              testb $0x20, %al
              jz 1b
              movb %cl, %al
              movw $0x3f8, %dx
              outb %al, %dx
              ret
            """;

    /**
     * 32-bit multiboot entry that zeroes .bss, builds identity-mapped 2 MiB page tables in .bss (4 KiB
     * aligned), enters long mode (boot.md) and calls 64-bit code in another object through ABS64, PC32 and
     * PLT32 relocations.
     */
    static final String X64_LONG_MODE = """
            .code32
            .section .text.boot,"ax"
            .globl _start
            _start:
              movl $__stack_top, %esp
              movl $__bss_start, %edi
              movl $__bss_end, %ecx
              subl %edi, %ecx
              shrl $2, %ecx
              xorl %eax, %eax
              rep stosl
              movl $pdpt, %eax
              orl $3, %eax
              movl %eax, pml4
              movl $pd, %eax
              orl $3, %eax
              movl %eax, pdpt
              xorl %ecx, %ecx
            1:
              movl %ecx, %eax
              shll $21, %eax
              orl $0x83, %eax
              movl %eax, pd(,%ecx,8)
              incl %ecx
              cmpl $4, %ecx
              jne 1b
              movl $pml4, %eax
              movl %eax, %cr3
              movl %cr4, %eax
              orl $0x20, %eax
              movl %eax, %cr4
              movl $0xC0000080, %ecx
              rdmsr
              orl $0x100, %eax
              wrmsr
              movl %cr0, %eax
              orl $0x80000001, %eax
              movl %eax, %cr0
              lgdt gdt_pointer
              ljmpl $0x08, $long_entry
            .code64
            .text
            long_entry:
              movw $0x10, %ax
              movw %ax, %ds
              movw %ax, %es
              movw %ax, %ss
              movabsq $greeting, %rdi
              call puts64
              movq second(%rip), %rdi
              call puts64
              leaq third(%rip), %rdi
              call puts64@PLT
              movl $21, %eax
              outl %eax, $0xf4
            2:
              hlt
              jmp 2b
            .section .rodata
            .balign 8
            gdt:
              .quad 0
              .quad 0x00AF9A000000FFFF
              .quad 0x00CF92000000FFFF
            gdt_pointer:
              .word gdt_pointer - gdt - 1
              .long gdt
            greeting: .asciz "long "
            third: .asciz "!\n"
            .data
            .balign 8
            second: .quad mode_word
            mode_word: .asciz "mode"
            .bss
            .balign 4096
            pml4: .space 4096
            pdpt: .space 4096
            pd: .space 4096
            """;

    /** 64-bit: print the NUL-terminated string at %rdi on COM1. */
    static final String X64_PUTS64 = """
            .code64
            .text
            .globl puts64
            puts64:
              movb (%rdi), %al
              testb %al, %al
              jz 3f
              movb %al, %cl
              movw $0x3fd, %dx
            2:
              inb %dx, %al
              testb $0x20, %al
              jz 2b
              movb %cl, %al
              movw $0x3f8, %dx
              outb %al, %dx
              incq %rdi
              jmp puts64
            3:
              ret
            """;

    /** Prints bytes 1..3 of the embedded task image ("ELF") and exits with its e_machine (183). */
    static final String A64_SHOW_TASK = """
            .section .text.boot,"ax"
            .globl _start
            _start:
              adrp x0, __stack_top
              add x0, x0, :lo12:__stack_top
              mov sp, x0
              adrp x19, _binary_init_elf_start
              add x19, x19, :lo12:_binary_init_elf_start
              ldrb w0, [x19, #1]
              bl putc
              ldrb w0, [x19, #2]
              bl putc
              ldrb w0, [x19, #3]
              bl putc
              mov w0, #10
              bl putc
              ldrb w2, [x19, #18]
              adrp x1, exit_block
              add x1, x1, :lo12:exit_block
              str x2, [x1, #8]
              mov w0, #0x18
              hlt #0xf000
            1: b 1b
            .data
            .balign 8
            exit_block: .quad 0x20026, 0
            """;

    private static List<ObjectFile> objects(Path dir, Arch arch, String... sources) throws Exception {
        Diagnostics d = new Diagnostics();
        List<ObjectFile> out = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            Path o = ExternalTool.llvmMc(dir, arch, "boot" + i, sources[i]);
            out.add(ElfObjectReader.read(o, d).orElseThrow(() -> new AssertionError(d.renderAll())));
        }
        return out;
    }

    private static Path image(Path dir, List<ObjectFile> objects, Arch arch) throws Exception {
        Diagnostics d = new Diagnostics();
        LinkedImage linked = Linker.link(objects, LinkOptions.defaults(arch), d).orElseThrow(() -> new AssertionError(d.renderAll()));
        byte[] bytes = ImageWriter.forArch(arch).write(linked, d).orElseThrow(() -> new AssertionError(d.renderAll()));
        Path out = dir.resolve(arch.cliName() + ".elf");
        Files.write(out, bytes);
        return out;
    }

    @Test
    void aarch64ImagePrintsHelloAndExits42(@TempDir Path dir) throws Exception {
        Path elf = image(dir, objects(dir, Arch.AARCH64, A64_START, A64_UART), Arch.AARCH64);
        ExternalTool.Result r = ExternalTool.run(30, "qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-m", "128M",
                "-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot", "-semihosting",
                "-kernel", elf.toString());
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.exitCode()).as("exit status; stderr: %s", r.stderr()).isEqualTo(42);
    }

    /** A bootstrap task linked on its own at a user address, embedded in the kernel image as a blob. */
    @Test
    void aarch64KernelCarriesAnEmbeddedTaskImage(@TempDir Path dir) throws Exception {
        Diagnostics d = new Diagnostics();
        LinkedImage task = Linker.link(objects(dir, Arch.AARCH64, A64_UART.replace("putc", "_start")),
                LinkOptions.defaults(Arch.AARCH64).withBase(0x40_0000L).withStackSize(0), d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        byte[] taskElf = org.machr.link.elf.ElfExecutableWriter.write(task);
        List<ObjectFile> kernel = new ArrayList<>(objects(dir, Arch.AARCH64, A64_SHOW_TASK, A64_UART));
        kernel.add(org.machr.link.BinaryObject.readOnly(Arch.AARCH64, "init.elf", taskElf, 4096));
        ExternalTool.Result r = ExternalTool.run(30, "qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-m", "128M",
                "-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot", "-semihosting",
                "-kernel", image(dir, kernel, Arch.AARCH64).toString());
        assertThat(r.stdout()).isEqualTo("ELF\n");
        assertThat(r.exitCode()).as("e_machine of the embedded image; stderr: %s", r.stderr()).isEqualTo(183);
    }

    @Test
    void x86_64ImageEntersLongModeAndRuns64BitCode(@TempDir Path dir) throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        objects.add(MultibootHeader.object("_start"));
        objects.addAll(objects(dir, Arch.X86_64, X64_LONG_MODE, X64_PUTS64));
        ExternalTool.Result r = runX86(image(dir, objects, Arch.X86_64));
        assertThat(r.stdout()).isEqualTo("long mode!\n");
        assertThat(r.exitCode()).as("exit status; stderr: %s", r.stderr()).isEqualTo(43);
    }

    private static ExternalTool.Result runX86(Path elf) {
        return ExternalTool.run(30, "qemu-system-x86_64", "-M", "pc", "-m", "64M",
                "-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", elf.toString());
    }

    @Test
    void x86_64MultibootImagePrintsHelloAndExits43(@TempDir Path dir) throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        objects.add(MultibootHeader.object("_start"));
        objects.addAll(objects(dir, Arch.X86_64, X64_START, X64_UART));
        ExternalTool.Result r = runX86(image(dir, objects, Arch.X86_64));
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.exitCode()).as("exit status (21 << 1 | 1); stderr: %s", r.stderr()).isEqualTo(43);
    }
}
