package org.machr.codegen.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrSections;
import org.machr.link.RelocKind;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * A program's globals as the {@code .data}, {@code .rodata} and {@code .bss} sections of an object file
 * (or the sections {@code #[section]} named, see {@link IrSections}),
 * with a symbol per global and an absolute 64-bit relocation per pointer in their initial bytes. The
 * same for every native target but the relocation kind.
 */
public final class GlobalSections {

    private GlobalSections() {}

    /** The object section that holds globals of {@code kind} without {@code #[section]}. */
    public static String sectionName(IrGlobal.Section kind) {
        return IrSections.defaultName(kind);
    }

    /**
     * The globals by object section, in section order: {@code .data}, {@code .rodata}, {@code .bss},
     * then named sections in order of first use; empty sections are left out.
     */
    public static Map<String, List<IrGlobal>> bySection(List<IrGlobal> globals) {
        Map<String, List<IrGlobal>> out = new LinkedHashMap<>();
        for (IrGlobal.Section kind : IrGlobal.Section.values()) out.put(sectionName(kind), new ArrayList<>());
        for (IrGlobal g : globals) out.computeIfAbsent(IrSections.of(g), k -> new ArrayList<>()).add(g);
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** Appends the sections, symbols and relocations of {@code globals}; an empty section is left out. */
    public static void append(List<IrGlobal> globals, RelocKind abs64, List<Section> sections, List<Symbol> symbols,
                              List<Relocation> relocs) {
        for (Map.Entry<String, List<IrGlobal>> e : bySection(globals).entrySet()) {
            String name = e.getKey();
            IrGlobal.Section kind = e.getValue().get(0).section();
            CodeBuffer buf = new CodeBuffer(new Diagnostics());
            long bss = 0;
            long align = 1;
            for (IrGlobal g : e.getValue()) {
                align = Math.max(align, g.align());
                long at;
                if (kind == IrGlobal.Section.BSS) {
                    bss = (bss + g.align() - 1) / g.align() * g.align();
                    at = bss;
                    bss += g.size();
                } else {
                    buf.align(g.align());
                    at = buf.size();
                    buf.emitBytes(g.init());
                    for (IrGlobal.Reloc r : g.relocs()) {
                        relocs.add(new Relocation(name, at + r.offset(), abs64, r.symbol(), r.addend()));
                    }
                }
                symbols.add(new Symbol(g.name(), SymbolDefinition.in(name), at, g.size(),
                        g.exported() ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL, Symbol.Type.OBJECT));
            }
            SectionKind sk = switch (kind) {
                case DATA -> SectionKind.DATA;
                case RODATA -> SectionKind.RODATA;
                case BSS -> SectionKind.BSS;
            };
            sections.add(kind == IrGlobal.Section.BSS ? Section.bss(name, align, bss)
                    : new Section(name, sk, Section.defaultFlags(sk), align, 0, buf.bytes(), buf.size()));
        }
    }
}
