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

    @Test
    void x86_64MultibootImagePrintsHelloAndExits43(@TempDir Path dir) throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        objects.add(MultibootHeader.object("_start"));
        objects.addAll(objects(dir, Arch.X86_64, X64_START, X64_UART));
        Path elf = image(dir, objects, Arch.X86_64);
        ExternalTool.Result r = ExternalTool.run(30, "qemu-system-x86_64", "-M", "pc", "-m", "64M",
                "-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", elf.toString());
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.exitCode()).as("exit status (21 << 1 | 1); stderr: %s", r.stderr()).isEqualTo(43);
    }
}
