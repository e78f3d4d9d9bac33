package org.machr.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectFileTest {

    private static final byte[] FOUR = {0, 0, 0, (byte) 0x94};

    @Test
    void relocationToUnlistedSymbolAddsUndefinedGlobal() {
        ObjectFile o = new ObjectFile("a.o", Arch.AARCH64, List.of(Section.of(".text", SectionKind.TEXT, 4, FOUR)),
                List.of(Symbol.function("_start", ".text", 0, 4)),
                List.of(new Relocation(".text", 0, A64Reloc.CALL26, "foo", 0)));
        assertThat(o.symbols()).extracting(Symbol::name).containsExactly("_start", "foo");
        assertThat(o.symbolNamed("foo").isUndefined()).isTrue();
        assertThat(o.relocationsOf(".text")).hasSize(1);
    }

    @Test
    void relocationToASectionNameUsesTheSectionSymbol() {
        ObjectFile o = new ObjectFile("a.o", Arch.AARCH64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, FOUR), Section.of(".rodata", SectionKind.RODATA, 8, new byte[16])),
                List.of(Symbol.function("_start", ".text", 0, 4)),
                List.of(new Relocation(".text", 0, A64Reloc.ADR_PREL_LO21, ".rodata", 8)));
        assertThat(o.symbolNamed(".rodata")).isEqualTo(Symbol.forSection(".rodata"));
        org.machr.diag.Diagnostics d = new org.machr.diag.Diagnostics();
        LinkedImage image = Linker.link(List.of(o), LinkOptions.defaults(Arch.AARCH64), d).orElseThrow();
        long rodata = image.section(".rodata").orElseThrow().address();
        long adr = Bytes.getLe(image.section(".text").orElseThrow().bytes(), 0, 4);
        long imm = ((adr >> 5) & 0x7ffff) << 2 | ((adr >> 29) & 3);
        assertThat(LinkOptions.AARCH64_BASE + imm).isEqualTo(rodata + 8);
    }

    @Test
    void invariantsAreChecked() {
        assertThatThrownBy(() -> new ObjectFile("a.o", Arch.X86_64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, FOUR)), List.of(),
                List.of(new Relocation(".text", 2, A64Reloc.CALL26, "foo", 0))))
                .hasMessageContaining("is not an x86_64 relocation")
                .hasMessageContaining("lies outside the bytes of its section");
        assertThatThrownBy(() -> new ObjectFile("a.o", Arch.X86_64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, FOUR), Section.bss(".text", 4, 8)), List.of(), List.of()))
                .hasMessageContaining("section name .text is not unique");
        assertThatThrownBy(() -> new ObjectFile("a.o", Arch.AARCH64,
                List.of(Section.of(".text", SectionKind.TEXT, 4, FOUR)),
                List.of(Symbol.local("$d", ".text", 0), Symbol.local("$d", ".text", 4)),
                List.of(new Relocation(".text", 0, A64Reloc.ABS32, "$d", 0))))
                .hasMessageContaining("names symbol $d which is not unique");
    }

    @Test
    void sectionsCopyTheirBytesAndCompareByContent() {
        byte[] b = {1, 2, 3};
        Section s = Section.of(".data", SectionKind.DATA, 8, b);
        b[0] = 9;
        assertThat(s.bytes()[0]).isEqualTo((byte) 1);
        assertThat(s).isEqualTo(Section.of(".data", SectionKind.DATA, 8, new byte[] {1, 2, 3}));
        assertThat(s.flags()).containsExactlyInAnyOrder(SectionFlag.ALLOC, SectionFlag.WRITE);
        assertThatThrownBy(() -> Section.bss(".bss", 3, 8)).hasMessageContaining("not a power of two");
    }

    @Test
    void relocKindsBelongToOneArchitecture() {
        assertThat(Arch.AARCH64.owns(A64Reloc.ADR_PREL_PG_HI21)).isTrue();
        assertThat(Arch.AARCH64.owns(X64Reloc.PC32)).isFalse();
        assertThat(X64Reloc.ABS64.width()).isEqualTo(8);
        assertThat(A64Reloc.PREL32.width()).isEqualTo(4);
    }
}
