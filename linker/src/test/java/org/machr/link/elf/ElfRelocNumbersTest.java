package org.machr.link.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;
import org.machr.link.X64Reloc;

/** Our ELF relocation numbers agree with what llvm-mc and GNU as emit and readelf names. */
class ElfRelocNumbersTest {

    /** One instruction or datum per {@link A64Reloc} kind, all against the undefined symbol {@code ext}. */
    static final String A64_ALL_KINDS = """
            .text
            bl ext
            b ext
            b.eq ext
            tbz x0, #1, ext
            ldr x0, ext
            adr x0, ext
            adrp x0, ext
            add x0, x0, :lo12:ext
            ldrb w0, [x0, :lo12:ext]
            ldrh w0, [x0, :lo12:ext]
            ldr w0, [x0, :lo12:ext]
            ldr x0, [x0, :lo12:ext]
            ldr q0, [x0, :lo12:ext]
            .data
            .quad ext
            .word ext
            .word ext - .
            .quad ext - .
            """;

    /** One instruction or datum per {@link X64Reloc} kind, against {@code ext}. */
    static final String X64_ALL_KINDS = """
            .text
            call ext@PLT
            leaq ext(%rip), %rax
            movl $ext, %eax
            movq $ext, %rax
            movabsq $ext, %rax
            .data
            .quad ext - .
            """;

    private static final Pattern RELA_LINE =
            Pattern.compile("^[0-9a-f]{16}\\s+[0-9a-f]{8}([0-9a-f]{8})\\s+(R_\\w+)", Pattern.MULTILINE);

    /** readelf's relocation name by number, for every relocation in {@code object}. */
    private static Map<String, Integer> numbersByName(Arch arch, Path object) {
        String out = ExternalTool.run(ExternalTool.prefix(arch) + "readelf", "-rW", object.toString()).ok().stdout();
        Map<String, Integer> byName = new HashMap<>();
        Matcher m = RELA_LINE.matcher(out);
        while (m.find()) byName.put(m.group(2), Integer.parseInt(m.group(1), 16));
        return byName;
    }

    @Test
    void aarch64NumbersMatchLlvmMcAndGnuAs(@TempDir Path dir) throws Exception {
        for (Path o : new Path[] {
                ExternalTool.llvmMc(dir, Arch.AARCH64, "llvm", A64_ALL_KINDS),
                ExternalTool.gnuAs(dir, Arch.AARCH64, "gas", A64_ALL_KINDS)}) {
            Map<String, Integer> seen = numbersByName(Arch.AARCH64, o);
            assertThat(seen).hasSize(A64Reloc.values().length);
            for (A64Reloc k : A64Reloc.values()) {
                assertThat(seen).containsEntry(A64ElfRelocs.elfName(k), A64ElfRelocs.number(k));
                assertThat(A64ElfRelocs.kind(A64ElfRelocs.number(k))).contains(k);
            }
        }
    }

    @Test
    void x86_64NumbersMatchLlvmMcAndGnuAs(@TempDir Path dir) throws Exception {
        for (Path o : new Path[] {
                ExternalTool.llvmMc(dir, Arch.X86_64, "llvm", X64_ALL_KINDS),
                ExternalTool.gnuAs(dir, Arch.X86_64, "gas", X64_ALL_KINDS)}) {
            Map<String, Integer> seen = numbersByName(Arch.X86_64, o);
            assertThat(seen).hasSize(X64Reloc.values().length);
            for (X64Reloc k : X64Reloc.values()) {
                assertThat(seen).containsEntry(X64ElfRelocs.elfName(k), X64ElfRelocs.number(k));
                assertThat(X64ElfRelocs.kind(X64ElfRelocs.number(k))).contains(k);
            }
        }
    }

    @Test
    void unknownNumbersMapToNothing() {
        assertThat(A64ElfRelocs.kind(0)).isEmpty();
        assertThat(A64ElfRelocs.kind(276)).isEmpty(); // ADR_PREL_PG_HI21_NC: not supported
        assertThat(X64ElfRelocs.kind(9)).isEmpty();   // GOTPCREL: not supported
    }
}
