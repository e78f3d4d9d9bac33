package org.machr.codegen.common;

import java.util.List;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrGlobal;
import org.machr.link.RelocKind;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * A program's globals as the {@code .data}, {@code .rodata} and {@code .bss} sections of an object file,
 * with a symbol per global and an absolute 64-bit relocation per pointer in their initial bytes. The
 * same for every native target but the relocation kind.
 */
public final class GlobalSections {

    private GlobalSections() {}

    /** The object section that holds globals of {@code kind}. */
    public static String sectionName(IrGlobal.Section kind) {
        return switch (kind) {
            case DATA -> ".data";
            case RODATA -> ".rodata";
            case BSS -> ".bss";
        };
    }

    /** Appends the sections, symbols and relocations of {@code globals}; an empty section is left out. */
    public static void append(List<IrGlobal> globals, RelocKind abs64, List<Section> sections, List<Symbol> symbols,
                              List<Relocation> relocs) {
        for (IrGlobal.Section kind : IrGlobal.Section.values()) {
            String name = sectionName(kind);
            CodeBuffer buf = new CodeBuffer(new Diagnostics());
            long bss = 0;
            long align = 1;
            boolean any = false;
            for (IrGlobal g : globals) {
                if (g.section() != kind) continue;
                any = true;
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
            if (!any) continue;
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
