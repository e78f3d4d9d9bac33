package org.machr.codegen.aarch64.isel;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.machr.link.A64Reloc;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * The data sections of a compiled object as assembler source ({@code --emit-asm}): labels at their
 * offsets, {@code .quad symbol+addend} for ABS64 relocations, {@code .byte} otherwise, {@code .zero}
 * for .bss, so that the whole listing re-assembles to the same object contents.
 */
final class DataListing {

    private DataListing() {}

    static void print(PrintStream out, List<Section> sections, List<Symbol> symbols, List<Relocation> relocs) {
        for (Section s : sections) {
            if (s.kind() == SectionKind.TEXT) continue;
            out.println(s.name().equals(".bss") || s.name().equals(".data") ? "\t" + s.name() : switch (s.kind()) {
                case BSS -> "\t.section " + s.name() + ",\"aw\",@nobits";
                case DATA -> "\t.section " + s.name() + ",\"aw\",@progbits";
                default -> "\t.section " + s.name() + ",\"a\"";
            });
            out.println("\t.balign " + s.alignment());
            List<Symbol> here = symbols.stream()
                    .filter(y -> y.definition() instanceof SymbolDefinition.InSection in && in.section().equals(s.name()))
                    .sorted(Comparator.comparingLong(Symbol::value)).toList();
            List<Relocation> rel = relocs.stream().filter(r -> r.section().equals(s.name())).toList();
            long at = 0;
            int next = 0;
            while (at < s.size() || next < here.size()) {
                while (next < here.size() && here.get(next).value() == at) {
                    Symbol y = here.get(next++);
                    if (y.binding() == Symbol.Binding.GLOBAL) out.println("\t.globl " + y.name());
                    out.println(y.name() + ":");
                }
                if (at >= s.size()) break;
                long end = next < here.size() ? Math.min(here.get(next).value(), s.size()) : s.size();
                if (s.kind() == SectionKind.BSS) {
                    out.println("\t.zero " + (end - at));
                    at = end;
                    continue;
                }
                final long pos = at;
                var r = rel.stream().filter(x -> x.offset() == pos && x.kind() == A64Reloc.ABS64).findFirst();
                if (r.isPresent()) {
                    long a = r.get().addend();
                    out.println("\t.quad " + r.get().symbol() + (a == 0 ? "" : a > 0 ? "+" + a : String.valueOf(a)));
                    at += 8;
                } else {
                    out.println("\t.byte " + (s.bytes()[(int) at] & 0xff));
                    at++;
                }
            }
        }
    }
}
