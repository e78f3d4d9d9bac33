package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machr.codegen.aarch64.A64Build;
import org.machr.codegen.aarch64.isel.A64CodeGen;
import org.machr.codegen.x86_64.X64Build;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.codegen.x86_64.isel.X64CodeGen;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;
import org.machr.link.Arch;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionFlag;
import org.machr.link.SectionKind;
import org.machr.link.SymbolDefinition;
import org.machr.link.elf.ElfObjectReader;
import org.machr.link.elf.ElfObjectWriter;
import org.machr.link.image.MultibootHeader;

/**
 * {@code #[section]} in native objects and images: tests/conformance/named_sections.kd compiled for
 * aarch64 and x86_64 has its functions and globals in the named ELF sections (written and read back
 * as ELF), and the linker places them with the output section of their kind, {@code .text.boot} first.
 */
class NamedSectionsTest {

    private static final String M = "named_sections.";

    private static IrProgram compile(org.machr.kd.Target target) throws Exception {
        Path root = ConformanceTest.root();
        Path program = root.resolve("tests/conformance/named_sections.kd");
        Diagnostics d = new Diagnostics();
        IrProgram ir = KdCompiler.compile(List.of(program.getParent(), root.resolve("runtime")), program, target, d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        PassPipeline.standard().run(ir);
        return ir;
    }

    private static ObjectFile throughElf(ObjectFile o) {
        Diagnostics d = new Diagnostics();
        return ElfObjectReader.read(o.name(), ElfObjectWriter.write(o), d).orElseThrow(() -> new AssertionError(d.renderAll()));
    }

    @Test
    void aarch64() throws Exception {
        Diagnostics d = new Diagnostics();
        ObjectFile object = throughElf(A64CodeGen.compile(compile(org.machr.kd.Target.AARCH64), "program.o", d).orElseThrow());
        sectionTable(object, "ABS64");
        List<ObjectFile> objects = new ArrayList<>(A64Build.runtimeObjects(ConformanceTest.root(), d).orElseThrow());
        objects.add(object);
        placement(A64Build.link(objects, d).orElseThrow(() -> new AssertionError(d.renderAll())));
    }

    @Test
    void x86_64() throws Exception {
        Diagnostics d = new Diagnostics();
        ObjectFile object = throughElf(X64CodeGen.compile(compile(org.machr.kd.Target.X86_64), "program.o", d).orElseThrow().object());
        sectionTable(object, "ABS64");
        Path boot = ConformanceTest.root().resolve("runtime").resolve(X64Build.BOOT_FILE);
        ObjectFile bootObject = new X64Assembler(d).assemble(new SourceFile(boot.toString(), Files.readString(boot))).object()
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        LinkOptions options = new LinkOptions(Arch.X86_64, LinkOptions.X86_64_BASE, LinkOptions.X86_64_BASE, "_start", X64Build.STACK_BYTES);
        placement(Linker.link(List.of(MultibootHeader.object("_start"), bootObject, object), options, d)
                .orElseThrow(() -> new AssertionError(d.renderAll())));
    }

    private static void sectionTable(ObjectFile o, String abs64) {
        expect(o, ".text", SectionKind.TEXT, true, false);
        expect(o, ".text.boot", SectionKind.TEXT, true, false);
        expect(o, ".text.hot", SectionKind.TEXT, true, false);
        expect(o, ".rodata.tables", SectionKind.RODATA, false, false);
        expect(o, ".data.counters", SectionKind.DATA, false, true);
        expect(o, ".data.ops", SectionKind.DATA, false, true);
        expect(o, "kd_custom", SectionKind.DATA, false, true);
        expect(o, ".bss.buffers", SectionKind.BSS, false, true);
        assertThat(o.section(".bss.buffers").orElseThrow().size()).isEqualTo(64);
        assertThat(o.section(".data.counters").orElseThrow().size()).as("a u32 and a zero u64 that stays in data").isEqualTo(16);
        assertThat(o.section(".rodata.tables").orElseThrow().bytes()).containsExactly(0, 0, 1, 0, 4, 0, 9, 0, 16, 0);
        assertThat(sectionOf(o, M + "early_value")).isEqualTo(".text.boot");
        assertThat(sectionOf(o, M + "hot_square")).isEqualTo(".text.hot");
        assertThat(sectionOf(o, M + "fill")).isEqualTo(".text.hot");
        assertThat(sectionOf(o, M + "main")).isEqualTo(".text");
        assertThat(sectionOf(o, M + "SQUARES")).isEqualTo(".rodata.tables");
        assertThat(sectionOf(o, M + "zero_in_data")).isEqualTo(".data.counters");
        assertThat(sectionOf(o, M + "buffer")).isEqualTo(".bss.buffers");
        assertThat(sectionOf(o, M + "custom")).isEqualTo("kd_custom");
        List<Relocation> ops = o.relocationsOf(".data.ops");
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).symbol()).isEqualTo(M + "hot_square");
        assertThat(ops.get(0).kind().toString()).isEqualTo(abs64);
    }

    private static void expect(ObjectFile o, String name, SectionKind kind, boolean exec, boolean write) {
        Section s = o.section(name).orElseThrow(() -> new AssertionError("no section " + name + " in " + o.sections()));
        assertThat(s.kind()).as(name).isEqualTo(kind);
        assertThat(s.flags().contains(SectionFlag.EXECUTE)).as(name + " executable").isEqualTo(exec);
        assertThat(s.flags().contains(SectionFlag.WRITE)).as(name + " writable").isEqualTo(write);
    }

    private static String sectionOf(ObjectFile o, String symbol) {
        return ((SymbolDefinition.InSection) o.symbolNamed(symbol).definition()).section();
    }

    private static void placement(LinkedImage image) {
        within(image, ".text", ".text.boot", M + "early_value");
        within(image, ".text", ".text.hot", M + "hot_square", M + "fill");
        within(image, ".text", ".text", M + "main");
        within(image, ".rodata", ".rodata.tables", M + "SQUARES");
        within(image, ".data", ".data.counters", M + "calls", M + "zero_in_data");
        within(image, ".data", "kd_custom", M + "custom");
        within(image, ".data", ".data.ops", M + "op");
        within(image, ".bss", ".bss.buffers", M + "buffer");
        long early = symbol(image, M + "early_value").address();
        assertThat(early).as(".text.boot comes before the rest of .text")
                .isLessThan(symbol(image, M + "main").address())
                .isLessThan(symbol(image, M + "hot_square").address())
                .isLessThan(symbol(image, "rt.print").address());
    }

    /** The symbols' map entries name the output and input sections, and their addresses lie in the output one. */
    private static void within(LinkedImage image, String output, String input, String... symbols) {
        LinkedImage.OutputSection s = image.section(output).orElseThrow();
        for (String name : symbols) {
            LinkedImage.LinkedSymbol symbol = symbol(image, name);
            assertThat(symbol.section()).as(name).isEqualTo(output);
            assertThat(symbol.inputSection()).as(name).isEqualTo(input);
            assertThat(symbol.address()).as(name + " in " + output).isBetween(s.address(), s.end() - 1);
        }
    }

    private static LinkedImage.LinkedSymbol symbol(LinkedImage image, String name) {
        List<LinkedImage.LinkedSymbol> found = image.symbols().stream().filter(s -> s.name().equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }
}
