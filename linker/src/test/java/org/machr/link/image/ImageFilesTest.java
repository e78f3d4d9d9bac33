package org.machr.link.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;
import org.machr.link.LinkCli;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.MapFile;
import org.machr.link.ObjectFile;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.elf.ElfObjectReader;

/** Executable images as readelf/objdump see them, map files (golden), image constraints, the CLI. */
class ImageFilesTest {

    private static List<ObjectFile> helloObjects(Path dir, Arch arch) throws Exception {
        String[] sources = arch == Arch.AARCH64
                ? new String[] {QemuBootTest.A64_START, QemuBootTest.A64_UART}
                : new String[] {QemuBootTest.X64_START, QemuBootTest.X64_UART};
        String[] names = {"start.o", "uart.o"};
        Diagnostics d = new Diagnostics();
        List<ObjectFile> out = new ArrayList<>();
        if (arch == Arch.X86_64) out.add(MultibootHeader.object("_start"));
        for (int i = 0; i < sources.length; i++) {
            Path o = ExternalTool.llvmMc(dir, arch, "obj" + i, sources[i]);
            out.add(ElfObjectReader.read(names[i], Files.readAllBytes(o), d).orElseThrow());
        }
        return out;
    }

    private static LinkedImage link(List<ObjectFile> objects, LinkOptions options) {
        Diagnostics d = new Diagnostics();
        return Linker.link(objects, options, d).orElseThrow(() -> new AssertionError(d.renderAll()));
    }

    @Test
    void mapFilesMatchGolden(@TempDir Path dir) throws Exception {
        for (Arch arch : Arch.values()) {
            String map = MapFile.render(link(helloObjects(dir, arch), LinkOptions.defaults(arch)));
            Path golden = Path.of(System.getProperty("machr.root", ".."), "linker", "src", "test", "resources", "golden",
                    "hello-" + arch.cliName() + ".map");
            if (Boolean.getBoolean("bless")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, map);
            }
            assertThat(map).isEqualTo(Files.readString(golden));
        }
    }

    @Test
    void aarch64ImageAsReadelfSeesIt(@TempDir Path dir) throws Exception {
        LinkedImage image = link(helloObjects(dir, Arch.AARCH64), LinkOptions.defaults(Arch.AARCH64));
        Path elf = dir.resolve("k.elf");
        Files.write(elf, ImageWriter.forArch(Arch.AARCH64).write(image, new Diagnostics()).orElseThrow());
        ExternalTool.Result r = ExternalTool.run("aarch64-linux-gnu-readelf", "-hlSsW", elf.toString()).ok();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).contains("EXEC (Executable file)", "Entry point address:               0x40200000")
                .containsPattern("LOAD\\s+0x001000 0x0000000040200000 0x0000000040200000 0x0000\\w+ 0x0000\\w+ R E 0x1000")
                .containsPattern("FUNC\\s+GLOBAL DEFAULT\\s+1 putc")
                .containsPattern("NOTYPE\\s+GLOBAL DEFAULT\\s+ABS __stack_top");
        ExternalTool.Result dis = ExternalTool.run("aarch64-linux-gnu-objdump", "-d", elf.toString()).ok();
        assertThat(dis.stderr()).isEmpty();
        assertThat(dis.stdout()).containsPattern("40200000 <_start>:").containsPattern("bl\\s+\\w+ <putc>");
    }

    @Test
    void physicalAddressesDifferFromVirtualForAHigherHalfLink(@TempDir Path dir) throws Exception {
        LinkOptions options = new LinkOptions(Arch.AARCH64, 0xffff_0000_4020_0000L, 0x4020_0000L, "_start", 4096);
        LinkedImage image = link(helloObjects(dir, Arch.AARCH64), options);
        Path elf = dir.resolve("k.elf");
        Files.write(elf, ImageWriter.forArch(Arch.AARCH64).write(image, new Diagnostics()).orElseThrow());
        String out = ExternalTool.run("aarch64-linux-gnu-readelf", "-hlW", elf.toString()).ok().stdout();
        assertThat(out).contains("Entry point address:               0x40200000")
                .containsPattern("LOAD\\s+0x001000 0xffff000040200000 0x0000000040200000");
    }

    @Test
    void multibootHeaderFieldsFollowTheLayout(@TempDir Path dir) throws Exception {
        LinkedImage image = link(helloObjects(dir, Arch.X86_64), LinkOptions.defaults(Arch.X86_64));
        byte[] file = ImageWriter.forArch(Arch.X86_64).write(image, new Diagnostics()).orElseThrow();
        int h = 0x1000;
        assertThat(MultibootHeader.getInt(file, h)).isEqualTo(0x1BADB002L);
        assertThat(MultibootHeader.getInt(file, h + 12)).isEqualTo(0x100000L);            // header_addr
        assertThat(MultibootHeader.getInt(file, h + 16)).isEqualTo(0x100000L);            // load_addr
        assertThat(MultibootHeader.getInt(file, h + 20)).isEqualTo(image.loadEnd());      // load_end_addr
        assertThat(MultibootHeader.getInt(file, h + 24)).isEqualTo(image.addressOf("__stack_top").orElseThrow());
        assertThat(MultibootHeader.getInt(file, h + 28)).isEqualTo(image.addressOf("_start").orElseThrow());
        // The file mirrors memory: the byte at address a is at 0x1000 + (a - 1 MiB).
        long message = image.section(".rodata").orElseThrow().address();
        assertThat(new String(file, (int) (0x1000 + message - 0x100000), 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void imageConstraintsAreReported() {
        ObjectFile plain = new ObjectFile("k.o", Arch.X86_64, List.of(Section.of(".text", SectionKind.TEXT, 4, new byte[4])),
                List.of(Symbol.function("_start", ".text", 0, 4)), List.of());
        Diagnostics d = new Diagnostics();
        LinkedImage image = Linker.link(List.of(plain), LinkOptions.defaults(Arch.X86_64), d).orElseThrow();
        assertThat(ImageWriter.forArch(Arch.X86_64).write(image, d)).isEmpty();
        assertThat(d.all().get(0).headline()).isEqualTo("error[LNK0016]: multiboot image: no header (magic 0x1badb002) "
                + "in the first 8144 bytes; link MultibootHeader.object(entry) as the first input");

        List<ObjectFile> withHeader = List.of(MultibootHeader.object("_start"), plain);
        Diagnostics d1 = new Diagnostics();
        LinkedImage higherHalf = Linker.link(withHeader,
                new LinkOptions(Arch.X86_64, 0xffff_ffff_8010_0000L, 0x10_0000L, "_start", 0), d1).orElse(null);
        assertThat(higherHalf).as(d1.renderAll()).isNull(); // the header's ABS32 fields cannot hold the virtual addresses
        assertThat(d1.all().get(0).headline()).contains("ABS32 relocation against '.text.multiboot' out of range");
        LinkedImage shifted = Linker.link(withHeader, new LinkOptions(Arch.X86_64, 0x20_0000L, 0x10_0000L, "_start", 0), d1).orElseThrow();
        assertThat(ImageWriter.forArch(Arch.X86_64).write(shifted, d1)).isEmpty();
        assertThat(d1.all().get(d1.all().size() - 1).headline()).startsWith("error[LNK0016]: multiboot image: the link must be identity-mapped");

        ObjectFile a64 = new ObjectFile("k.o", Arch.AARCH64, List.of(Section.of(".text", SectionKind.TEXT, 4, new byte[4])),
                List.of(Symbol.function("_start", ".text", 0, 4)), List.of());
        Diagnostics d2 = new Diagnostics();
        LinkedImage low = Linker.link(List.of(a64), LinkOptions.defaults(Arch.AARCH64).withBase(0x4000_0000L), d2).orElseThrow();
        assertThat(ImageWriter.forArch(Arch.AARCH64).write(low, d2)).isEmpty();
        assertThat(d2.all().get(0).headline()).startsWith("error[LNK0016]: image loads at physical 0x40000000, below 0x40100000");
    }

    @Test
    void cliLinksAndWritesMap(@TempDir Path dir) throws Exception {
        Path start = ExternalTool.llvmMc(dir, Arch.X86_64, "start", QemuBootTest.X64_START);
        Path uart = ExternalTool.llvmMc(dir, Arch.X86_64, "uart", QemuBootTest.X64_UART);
        Path img = dir.resolve("k.elf");
        Path map = dir.resolve("k.map");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = LinkCli.run(new String[] {"--arch", "x86_64", "-o", img.toString(), "--map", map.toString(),
                "--stack", "0x2000", "--section-align", "4096", start.toString(), uart.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(err.toString()).isEmpty();
        assertThat(rc).isZero();
        assertThat(MultibootHeader.getInt(Files.readAllBytes(img), 0x1000)).isEqualTo(0x1BADB002L);
        assertThat(Files.readString(map)).contains("<multiboot header>:(.text.multiboot)").contains("_start").contains("putc")
                .contains("0000000000101000 00000007 4096 .rodata").contains("0000000000102000 00002000 4096 .stack");

        err.reset();
        rc = LinkCli.run(new String[] {"--arch", "sparc", "-o", img.toString(), start.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error[LNK0017]: unknown architecture 'sparc' (aarch64 or x86_64)\n1 error\n");

        err.reset();
        rc = LinkCli.run(new String[] {"--arch", "aarch64", "-o", img.toString(), start.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("error[LNK0010]: " + start + ": object is for x86_64, but the link is for aarch64");
    }
}
