package org.machr.link.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.BinaryObject;
import org.machr.link.ExternalTool;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.ObjectFile;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;

/** Embedded blobs: the same object as {@code llvm-objcopy -I binary}, and they link where expected. */
class BinaryObjectTest {

    @Test
    void sameAsObjcopy(@TempDir Path dir) throws Exception {
        byte[] blob = "bootstrap task image".getBytes(StandardCharsets.US_ASCII);
        for (Arch arch : Arch.values()) {
            Path bin = dir.resolve("task.bin");
            Files.write(bin, blob);
            Path theirs = dir.resolve("objcopy-" + arch.cliName() + ".o");
            ExternalTool.Result r = new ProcessBuilderInDir(dir).run("llvm-objcopy", "-I", "binary", "-O",
                    arch == Arch.AARCH64 ? "elf64-littleaarch64" : "elf64-x86-64", "task.bin", theirs.toString());
            r.ok();
            Path ours = dir.resolve("ours-" + arch.cliName() + ".o");
            Files.write(ours, ElfObjectWriter.write(BinaryObject.of(arch, "task.bin", blob)));
            ReadelfView a = ReadelfView.of(arch, theirs);
            ReadelfView b = ReadelfView.of(arch, ours);
            assertThat(b.sections()).isEqualTo(a.sections());
            assertThat(b.symbols()).isEqualTo(a.symbols()).hasSize(4);
        }
    }

    @Test
    void embeddedBlobLinksWithItsBounds() {
        byte[] blob = new byte[100];
        Arrays.fill(blob, (byte) 0x5a);
        ObjectFile code = new ObjectFile("k.o", Arch.AARCH64, List.of(Section.of(".text", SectionKind.TEXT, 4, new byte[12])),
                List.of(Symbol.function("_start", ".text", 0, 12)), List.of());
        Diagnostics d = new Diagnostics();
        LinkedImage image = Linker.link(List.of(code, BinaryObject.readOnly(Arch.AARCH64, "init.elf", blob, 4096)),
                LinkOptions.defaults(Arch.AARCH64), d).orElseThrow(() -> new AssertionError(d.renderAll()));
        long start = image.addressOf("_binary_init_elf_start").orElseThrow();
        assertThat(start).isEqualTo(LinkOptions.AARCH64_BASE + 0x1000);
        assertThat(image.addressOf("_binary_init_elf_end")).contains(start + 100);
        assertThat(image.addressOf("_binary_init_elf_size")).contains(100L);
        LinkedImage.OutputSection rodata = image.section(".rodata").orElseThrow();
        assertThat(Arrays.copyOfRange(rodata.bytes(), (int) (start - rodata.address()), (int) (start - rodata.address()) + 100))
                .isEqualTo(blob);
    }

    /** llvm-objcopy names the symbols after the path as given, so it must run in {@code dir}. */
    private record ProcessBuilderInDir(Path dir) {
        ExternalTool.Result run(String... command) throws Exception {
            Path tool = ExternalTool.require(command[0]);
            String[] cmd = command.clone();
            cmd[0] = tool.toString();
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ExternalTool.Result(p.waitFor(), out, "");
        }
    }
}
