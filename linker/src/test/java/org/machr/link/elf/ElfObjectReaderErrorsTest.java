package org.machr.link.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;
import org.machr.link.ObjectFile;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;

/** Bad input gives diagnostics naming the file, never an exception. */
class ElfObjectReaderErrorsTest {

    private static byte[] small() {
        return ElfObjectWriter.write(new ObjectFile("t.o", Arch.AARCH64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, new byte[8])),
                List.of(Symbol.function("f", ".text", 0, 8)), List.of()));
    }

    @Test
    void notElf() {
        Diagnostics d = new Diagnostics();
        assertThat(ElfObjectReader.read("junk.o", "hello world".getBytes(), d)).isEmpty();
        assertThat(d.renderAll()).isEqualTo("error[LNK0002]: junk.o: malformed ELF file: not an ELF file\n1 error\n");
    }

    @Test
    void wrongMachine() {
        byte[] b = small();
        b[18] = 40; // EM_ARM
        Diagnostics d = new Diagnostics();
        assertThat(ElfObjectReader.read("arm.o", b, d)).isEmpty();
        assertThat(d.all().get(0).headline()).isEqualTo("error[LNK0003]: arm.o: unsupported machine 40 (want AArch64 or x86-64)");
    }

    @Test
    void unsupportedRelocationIsNamed(@TempDir Path dir) throws Exception {
        Path o = ExternalTool.llvmMc(dir, Arch.X86_64, "got", "movq ext@GOTPCREL(%rip), %rax\n");
        Diagnostics d = new Diagnostics();
        assertThat(ElfObjectReader.read(o, d)).isEmpty();
        assertThat(d.all().get(0).headline()).matches(
                "error\\[LNK0005\\]: .*got.o: relocation type 42 at \\.rela\\.text\\+0x3 is not supported for x86_64");
    }

    @Test
    void unwindTablesAreDroppedWithAWarning(@TempDir Path dir) throws Exception {
        Path o = ExternalTool.llvmMc(dir, Arch.X86_64, "cfi", ".text\n.globl f\nf:\n.cfi_startproc\nret\n.cfi_endproc\n");
        Diagnostics d = new Diagnostics();
        ObjectFile obj = ElfObjectReader.read(o, d).orElseThrow(() -> new AssertionError(d.renderAll()));
        assertThat(d.hasErrors()).isFalse();
        assertThat(d.all()).extracting(x -> x.headline())
                .containsExactly("warning[LNK0006]: " + o + ": section .eh_frame of type 0x70000001 ignored");
        assertThat(obj.sections()).extracting(Section::name).doesNotContain(".eh_frame");
        assertThat(obj.relocations()).isEmpty();
    }

    @Test
    void notesAreDroppedSilently(@TempDir Path dir) throws Exception {
        Path o = ExternalTool.llvmMc(dir, Arch.AARCH64, "note", ".text\nret\n.section .note.test,\"a\",@note\n.word 1,2,3\n");
        Diagnostics d = new Diagnostics();
        ObjectFile obj = ElfObjectReader.read(o, d).orElseThrow(() -> new AssertionError(d.renderAll()));
        assertThat(d.all()).isEmpty();
        assertThat(obj.sections()).extracting(Section::name).containsExactly(".text");
    }

    @Property(tries = 300)
    void truncatedOrCorruptedFilesNeverThrow(@ForAll @IntRange(min = 0, max = 400) int cut,
                                             @ForAll @IntRange(min = 0, max = 400) int flip) {
        byte[] b = small();
        byte[] t = Arrays.copyOf(b, Math.min(cut, b.length));
        if (flip < t.length) t[flip] ^= (byte) 0xff;
        Diagnostics d = new Diagnostics();
        var result = ElfObjectReader.read("t.o", t, d);
        assertThat(result.isPresent() || d.hasErrors()).isTrue();
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Diagnostics d = new Diagnostics();
        assertThat(ElfObjectReader.read(dir.resolve("nope.o"), d)).isEmpty();
        assertThat(d.all().get(0).headline()).startsWith("error[LNK0001]: ").contains("nope.o: cannot read");
        assertThat(Files.exists(dir.resolve("nope.o"))).isFalse();
    }
}
