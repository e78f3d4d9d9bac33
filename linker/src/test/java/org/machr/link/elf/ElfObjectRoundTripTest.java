package org.machr.link.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.X64Reloc;

/**
 * Objects we write are accepted by readelf and objdump; objects written by llvm-mc and GNU as survive
 * read → write with an equal readelf view (see {@link ReadelfView} for what "equal" ignores).
 */
class ElfObjectRoundTripTest {

    static final String A64_SOURCE = ElfRelocNumbersTest.A64_ALL_KINDS + """
            .text
            .globl _start
            .type _start, %function
            _start:
              bl helper
              b _start
            helper:
              adrp x1, table
              ldr x2, [x1, :lo12:table]
              ret
            .size _start, . - _start
            .section .rodata
            msg: .asciz "hello"
            .data
            .balign 8
            .globl table
            .type table, %object
            table: .quad msg, helper
            .size table, 16
            .weak maybe
            .quad maybe
            .bss
            .balign 16
            buffer: .space 64
            .set answer, 42
            .globl answer
            """;

    static final String X64_SOURCE = ElfRelocNumbersTest.X64_ALL_KINDS + """
            .text
            .globl _start
            .type _start, @function
            _start:
              call helper
              jmp _start
            helper:
              leaq table(%rip), %rax
              movq msg(%rip), %rbx
              ret
            .section .rodata
            msg: .asciz "hello"
            .data
            .balign 8
            .globl table
            table: .quad msg, helper
            .weak maybe
            .quad maybe
            .bss
            buffer: .space 64
            """;

    @Test
    void llvmMcObjectsRoundTrip(@TempDir Path dir) throws Exception {
        roundTrip(dir, Arch.AARCH64, ExternalTool.llvmMc(dir, Arch.AARCH64, "a64", A64_SOURCE));
        roundTrip(dir, Arch.X86_64, ExternalTool.llvmMc(dir, Arch.X86_64, "x64", X64_SOURCE));
    }

    @Test
    void gnuAsObjectsRoundTrip(@TempDir Path dir) throws Exception {
        roundTrip(dir, Arch.AARCH64, ExternalTool.gnuAs(dir, Arch.AARCH64, "a64", A64_SOURCE));
        roundTrip(dir, Arch.X86_64, ExternalTool.gnuAs(dir, Arch.X86_64, "x64", X64_SOURCE));
    }

    private static void roundTrip(Path dir, Arch arch, Path original) throws Exception {
        Diagnostics diags = new Diagnostics();
        ObjectFile read = ElfObjectReader.read(original, diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
        assertThat(diags.all()).isEmpty();
        assertThat(read.arch()).isEqualTo(arch);
        Path copy = dir.resolve(original.getFileName() + ".copy.o");
        Files.write(copy, ElfObjectWriter.write(read));
        ReadelfView before = ReadelfView.of(arch, original);
        ReadelfView after = ReadelfView.of(arch, copy);
        assertThat(after.sections()).isEqualTo(before.sections());
        assertThat(after.symbols()).isEqualTo(before.symbols());
        assertThat(after.relocations()).isEqualTo(before.relocations());
        assertThat(before.relocations()).hasSizeGreaterThan(arch == Arch.AARCH64 ? 17 : 6);
        // Reading our own output gives the same model back.
        ObjectFile again = ElfObjectReader.read(copy, diags).orElseThrow();
        assertThat(again.sections()).isEqualTo(read.sections());
        assertThat(again.relocations()).isEqualTo(read.relocations());
        assertThat(again.symbols()).containsExactlyInAnyOrderElementsOf(read.symbols());
    }

    @Test
    void handBuiltObjectsAreAcceptedByReadelfAndObjdump(@TempDir Path dir) throws Exception {
        byte[] a64text = {0, 0, 0, (byte) 0x94, (byte) 0xc0, 0x03, 0x5f, (byte) 0xd6}; // bl 0; ret
        ObjectFile a64 = new ObjectFile("a.o", Arch.AARCH64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, a64text), Section.bss(".bss", 16, 32)),
                List.of(Symbol.forSection(".text"), Symbol.local("$x", ".text", 0), Symbol.function("_start", ".text", 0, 8),
                        Symbol.object("buf", ".bss", 0, 32)),
                List.of(new Relocation(".text", 0, A64Reloc.CALL26, "kmain", 0)));
        Path a = dir.resolve("a.o");
        Files.write(a, ElfObjectWriter.write(a64));
        String elf = ExternalTool.run("aarch64-linux-gnu-readelf", "-aW", a.toString()).ok().stdout();
        ExternalTool.Result check = ExternalTool.run("aarch64-linux-gnu-readelf", "-aW", a.toString());
        assertThat(check.stderr()).isEmpty();
        assertThat(elf).contains("REL (Relocatable file)", "AArch64")
                .containsPattern("R_AARCH64_CALL26\\s+0{16} kmain \\+ 0")
                .containsPattern("FUNC\\s+GLOBAL DEFAULT\\s+1 _start")
                .containsPattern("32 OBJECT\\s+GLOBAL DEFAULT\\s+3 buf")
                .containsPattern("NOTYPE\\s+GLOBAL DEFAULT\\s+UND kmain");
        ExternalTool.Result dis = ExternalTool.run("aarch64-linux-gnu-objdump", "-dr", a.toString()).ok();
        assertThat(dis.stderr()).isEmpty();
        assertThat(dis.stdout()).contains("<_start>:").containsPattern("R_AARCH64_CALL26\\s+kmain").contains("ret");

        byte[] x64text = {(byte) 0xe8, 0, 0, 0, 0, (byte) 0xc3}; // call; ret
        ObjectFile x64 = new ObjectFile("x.o", Arch.X86_64,
                List.of(Section.of(".text", SectionKind.TEXT, 16, x64text), Section.of(".rodata", SectionKind.RODATA, 8, new byte[8])),
                List.of(Symbol.function("_start", ".text", 0, 6), Symbol.local("k", ".rodata", 0)),
                List.of(new Relocation(".text", 1, X64Reloc.PLT32, "kmain", -4),
                        new Relocation(".rodata", 0, X64Reloc.ABS64, "k", 0)));
        Path x = dir.resolve("x.o");
        Files.write(x, ElfObjectWriter.write(x64));
        ExternalTool.Result xr = ExternalTool.run("x86_64-linux-gnu-readelf", "-aW", x.toString());
        assertThat(xr.exitCode()).isZero();
        assertThat(xr.stderr()).isEmpty();
        assertThat(xr.stdout()).contains("Advanced Micro Devices X86-64")
                .containsPattern("R_X86_64_PLT32\\s+0{16} kmain - 4")
                .containsPattern("R_X86_64_64\\s+0{16} k \\+ 0");
        ExternalTool.Result xd = ExternalTool.run("x86_64-linux-gnu-objdump", "-dr", x.toString()).ok();
        assertThat(xd.stderr()).isEmpty();
        assertThat(xd.stdout()).contains("call").containsPattern("R_X86_64_PLT32\\s+kmain-0x4");
    }
}
