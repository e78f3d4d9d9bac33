package org.machr.link.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.machr.diag.Diagnostics;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.RelocKind;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;
import org.machr.link.X64Reloc;

/** Any valid object model survives write → read unchanged (symbols: locals first, otherwise in order). */
class ElfModelRoundTripPropertyTest {

    private static ObjectFile randomObject(long seed) {
        Random r = new Random(seed);
        Arch arch = r.nextBoolean() ? Arch.AARCH64 : Arch.X86_64;
        String[] names = {".text", ".text.boot", ".rodata", ".data", ".bss", ".comment", ".data.rel"};
        List<Section> sections = new ArrayList<>();
        for (String n : names) {
            if (r.nextInt(3) == 0) continue;
            long align = 1L << r.nextInt(13);
            SectionKind kind = switch (n) {
                case ".text", ".text.boot" -> SectionKind.TEXT;
                case ".rodata" -> SectionKind.RODATA;
                case ".bss" -> SectionKind.BSS;
                case ".comment" -> SectionKind.OTHER;
                default -> SectionKind.DATA;
            };
            if (kind == SectionKind.BSS) {
                sections.add(Section.bss(n, align, r.nextInt(1 << 20)));
            } else {
                byte[] b = new byte[8 * r.nextInt(40)];
                r.nextBytes(b);
                sections.add(Section.of(n, kind, align, b));
            }
        }
        List<Symbol> symbols = new ArrayList<>();
        List<String> referable = new ArrayList<>();
        for (int i = 0; i < r.nextInt(30); i++) {
            String name = "sym" + i;
            Symbol.Binding binding = Symbol.Binding.values()[r.nextInt(3)];
            Symbol.Type type = Symbol.Type.values()[r.nextInt(3)];
            SymbolDefinition def = sections.isEmpty() || r.nextInt(4) == 0
                    ? (r.nextBoolean() ? SymbolDefinition.UNDEFINED : SymbolDefinition.ABSOLUTE)
                    : SymbolDefinition.in(sections.get(r.nextInt(sections.size())).name());
            if (def instanceof SymbolDefinition.Undefined && binding == Symbol.Binding.LOCAL) binding = Symbol.Binding.GLOBAL;
            symbols.add(new Symbol(name, def, def instanceof SymbolDefinition.Undefined ? 0 : r.nextLong() >>> 8,
                    def instanceof SymbolDefinition.Undefined ? 0 : r.nextInt(100), binding, type));
            referable.add(name);
        }
        for (Section s : sections) {
            if (r.nextBoolean()) {
                symbols.add(Symbol.forSection(s.name()));
                referable.add(s.name());
            }
        }
        List<Relocation> relocations = new ArrayList<>();
        RelocKind[] kinds = arch == Arch.AARCH64 ? A64Reloc.values() : X64Reloc.values();
        for (Section s : sections) {
            if (s.isBss() || s.size() < 8) continue;
            for (int i = 0; i < r.nextInt(10); i++) {
                RelocKind k = kinds[r.nextInt(kinds.length)];
                String target = referable.isEmpty() || r.nextInt(5) == 0 ? "ext" + r.nextInt(3) : referable.get(r.nextInt(referable.size()));
                relocations.add(new Relocation(s.name(), r.nextInt((int) s.size() - 7), k, target, r.nextInt(1 << 16) - (1 << 15)));
            }
        }
        return new ObjectFile("random.o", arch, sections, symbols, relocations);
    }

    @Property(tries = 200)
    void writeThenReadGivesTheSameModel(@ForAll long seed) {
        ObjectFile original = randomObject(seed);
        Diagnostics d = new Diagnostics();
        ObjectFile back = ElfObjectReader.read("random.o", ElfObjectWriter.write(original), d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        assertThat(d.all()).isEmpty();
        assertThat(back.arch()).isEqualTo(original.arch());
        assertThat(back.sections()).isEqualTo(original.sections());
        assertThat(back.relocations()).isEqualTo(original.relocations());
        List<Symbol> expected = new ArrayList<>(original.symbols().stream().filter(Symbol::isLocal).toList());
        expected.addAll(original.symbols().stream().filter(s -> !s.isLocal()).toList());
        assertThat(back.symbols()).isEqualTo(expected);
    }
}
