package org.machr.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machr.diag.Diagnostics;

/** Every link error names the symbol, the section and the objects involved. */
class LinkerDiagnosticsTest {

    private static final byte[] BL = {0, 0, 0, (byte) 0x94};
    private static final byte[] CALL = {(byte) 0xe8, 0, 0, 0, 0};

    private static ObjectFile a64(String name, List<Symbol> symbols, List<Relocation> relocs) {
        return new ObjectFile(name, Arch.AARCH64, List.of(Section.of(".text", SectionKind.TEXT, 4, BL),
                Section.of(".data", SectionKind.DATA, 8, new byte[16])), symbols, relocs);
    }

    private static List<String> headlines(Diagnostics d) {
        return d.all().stream().map(x -> x.headline()).toList();
    }

    @Test
    void undefinedSymbolNamesItsReferences() {
        Diagnostics d = new Diagnostics();
        var image = Linker.link(List.of(a64("start.o", List.of(Symbol.function("_start", ".text", 0, 4)),
                List.of(new Relocation(".text", 0, A64Reloc.CALL26, "kmain", 0),
                        new Relocation(".data", 8, A64Reloc.ABS64, "kmain", 0)))),
                LinkOptions.defaults(Arch.AARCH64), d);
        assertThat(image).isEmpty();
        assertThat(d.renderAll()).isEqualTo("""
                error[LNK0011]: undefined symbol 'kmain'
                   = note: referenced by start.o:(.text+0x0)
                   = note: referenced by start.o:(.data+0x8)
                1 error
                """);
    }

    @Test
    void duplicateSymbolNamesBothObjects() {
        Diagnostics d = new Diagnostics();
        Linker.link(List.of(a64("a.o", List.of(Symbol.function("_start", ".text", 0, 4)), List.of()),
                a64("b.o", List.of(Symbol.function("_start", ".text", 0, 4)), List.of())),
                LinkOptions.defaults(Arch.AARCH64), d);
        assertThat(headlines(d)).containsExactly("error[LNK0012]: duplicate symbol '_start' defined in a.o and b.o");
    }

    @Test
    void weakDefinitionYieldsToStrongOne() {
        Diagnostics d = new Diagnostics();
        Symbol weak = new Symbol("handler", SymbolDefinition.in(".text"), 0, 4, Symbol.Binding.WEAK, Symbol.Type.FUNC);
        LinkedImage image = Linker.link(List.of(
                a64("a.o", List.of(Symbol.function("_start", ".text", 0, 4), weak),
                        List.of(new Relocation(".data", 0, A64Reloc.ABS64, "handler", 0))),
                a64("b.o", List.of(Symbol.function("handler", ".text", 0, 4)), List.of())),
                LinkOptions.defaults(Arch.AARCH64), d).orElseThrow();
        long handler = image.addressOf("handler").orElseThrow();
        assertThat(handler).isEqualTo(LinkOptions.AARCH64_BASE + 4);
        assertThat(Bytes.getLe(image.section(".data").orElseThrow().bytes(), 0, 8)).isEqualTo(handler);
    }

    @Test
    void call26OverflowNamesSymbolAndSection() {
        Diagnostics d = new Diagnostics();
        long far = LinkOptions.AARCH64_BASE + 0x800_0000L;
        Linker.link(List.of(a64("a.o", List.of(Symbol.function("_start", ".text", 0, 4),
                        new Symbol("far_away", SymbolDefinition.ABSOLUTE, far, 0, Symbol.Binding.GLOBAL, Symbol.Type.FUNC)),
                List.of(new Relocation(".text", 0, A64Reloc.CALL26, "far_away", 0)))),
                LinkOptions.defaults(Arch.AARCH64), d);
        assertThat(headlines(d)).containsExactly("error[LNK0013]: a.o:(.text+0x0): CALL26 relocation against 'far_away' "
                + "out of range: 0x8000000 is not in [-0x8000000, 0x7fffffc]");
    }

    @Test
    void misalignedTargetsAreReported() {
        Diagnostics d = new Diagnostics();
        Linker.link(List.of(new ObjectFile("a.o", Arch.AARCH64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, new byte[8]), Section.of(".data", SectionKind.DATA, 8, new byte[16])),
                List.of(Symbol.function("_start", ".text", 0, 4), Symbol.object("v", ".data", 4, 8)),
                List.of(new Relocation(".text", 0, A64Reloc.JUMP26, "_start", 2),
                        new Relocation(".text", 4, A64Reloc.LDST64_ABS_LO12_NC, "v", 0)))),
                LinkOptions.defaults(Arch.AARCH64), d);
        assertThat(headlines(d)).containsExactly(
                "error[LNK0014]: a.o:(.text+0x0): JUMP26 relocation against '_start' misaligned: 0x2 is not a multiple of 4",
                "error[LNK0014]: a.o:(.text+0x4): LDST64_ABS_LO12_NC relocation against 'v' misaligned: 0xc is not a multiple of 8");
    }

    @Test
    void pc32OverflowOnX86_64() {
        Diagnostics d = new Diagnostics();
        Linker.link(List.of(new ObjectFile("k.o", Arch.X86_64, List.of(Section.of(".text", SectionKind.TEXT, 16, CALL)),
                List.of(Symbol.function("_start", ".text", 0, 5),
                        new Symbol("high", SymbolDefinition.ABSOLUTE, 0x9000_0000L, 0, Symbol.Binding.GLOBAL, Symbol.Type.FUNC)),
                List.of(new Relocation(".text", 1, X64Reloc.PC32, "high", -4)))),
                LinkOptions.defaults(Arch.X86_64), d);
        assertThat(headlines(d)).containsExactly("error[LNK0013]: k.o:(.text+0x1): PC32 relocation against 'high' "
                + "out of range: 0x8feffffb is not in [-0x80000000, 0x7fffffff]");
    }

    @Test
    void missingEntryAndWrongArchitecture() {
        Diagnostics d = new Diagnostics();
        Linker.link(List.of(a64("a.o", List.of(), List.of())), LinkOptions.defaults(Arch.AARCH64), d);
        assertThat(headlines(d)).containsExactly("error[LNK0015]: entry symbol '_start' is not defined");
        Diagnostics d2 = new Diagnostics();
        Linker.link(List.of(a64("a.o", List.of(), List.of())), LinkOptions.defaults(Arch.X86_64), d2);
        assertThat(headlines(d2)).containsExactly("error[LNK0010]: a.o: object is for aarch64, but the link is for x86_64");
    }

    @Test
    void linkerSymbolsYieldToInputDefinitions() {
        Diagnostics d = new Diagnostics();
        LinkedImage image = Linker.link(List.of(a64("a.o",
                List.of(Symbol.function("_start", ".text", 0, 4), Symbol.object("__stack_top", ".data", 8, 0)), List.of())),
                LinkOptions.defaults(Arch.AARCH64), d).orElseThrow();
        long data = image.section(".data").orElseThrow().address();
        assertThat(image.addressOf("__stack_top")).contains(data + 8);
        assertThat(image.symbols().stream().filter(s -> s.name().equals("__stack_top")).count()).isEqualTo(1);
        assertThat(image.addressOf("__stack_bottom")).contains(SectionLayoutAlign.up(data + 16, 16));
    }

    @Test
    void codesAreDistinctAndDocumented() throws Exception {
        Set<String> ids = new HashSet<>();
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("machr.root", ".."), "docs", "linker.md"));
        for (LinkCode c : LinkCode.values()) {
            assertThat(ids.add(c.id())).as("duplicate code %s", c.id()).isTrue();
            assertThat(doc).as("docs/linker.md documents %s", c.id()).contains(c.id());
        }
        assertThat(Arrays.stream(LinkCode.values()).map(LinkCode::id)).allMatch(id -> id.matches("LNK\\d{4}"));
    }

    /** Test-side copy of the alignment rule, to avoid depending on package internals in assertions. */
    private static final class SectionLayoutAlign {
        static long up(long v, long a) {
            return (v + a - 1) / a * a;
        }
    }
}
