package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.ExternalReloc;
import org.machr.codegen.common.GlobalSections;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.Symbol;
import org.machr.link.X64Reloc;

/** The program's globals as .data/.rodata/.bss sections, and the code's relocations as linker ones. */
final class X64Globals {

    private X64Globals() {}

    private static void listData(IrGlobal g, List<String> listing) {
        byte[] init = g.init();
        java.util.Map<Long, IrGlobal.Reloc> at = new java.util.HashMap<>();
        for (IrGlobal.Reloc r : g.relocs()) at.put(r.offset(), r);
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < init.length; ) {
            IrGlobal.Reloc r = at.get((long) i);
            if (r != null) {
                flush(bytes, listing);
                listing.add("\t.quad\t" + X64CodeGen.quote(r.symbol()) + (r.addend() == 0 ? "" : (r.addend() > 0 ? "+" : "") + r.addend()));
                i += 8;
                continue;
            }
            bytes.append(bytes.isEmpty() ? "" : ", ").append(init[i] & 0xff);
            if (i % 16 == 15) flush(bytes, listing);
            i++;
        }
        flush(bytes, listing);
        if (init.length < g.size()) listing.add("\t.zero\t" + (g.size() - init.length));
    }

    private static void flush(StringBuilder bytes, List<String> listing) {
        if (!bytes.isEmpty()) listing.add("\t.byte\t" + bytes);
        bytes.setLength(0);
    }

    static List<Relocation> textRelocations(CodeBuffer buf, String section) {
        List<Relocation> out = new ArrayList<>();
        for (ExternalReloc r : buf.relocations()) {
            if (!(r.kind() instanceof X64Reloc kind)) throw new IllegalArgumentException("not an x86_64 relocation kind: " + r.kind());
            out.add(new Relocation(section, r.offset(), kind, r.symbol(), r.addend()));
        }
        return out;
    }

    /** Also appends the globals to {@code listing} (llvm-mc directives giving the same section contents). */
    static void globals(IrProgram program, List<Section> sections, List<Symbol> symbols, List<Relocation> relocs, List<String> listing) {
        GlobalSections.append(program.globals(), X64Reloc.ABS64, sections, symbols, relocs);
        for (var e : GlobalSections.bySection(program.globals()).entrySet()) {
            IrGlobal.Section kind = e.getValue().get(0).section();
            listing.add(sectionDirective(e.getKey(), kind));
            for (IrGlobal g : e.getValue()) {
                listing.add("\t.p2align\t" + Long.numberOfTrailingZeros(Math.max(1, g.align())));
                if (g.exported()) listing.add("\t.globl\t" + X64CodeGen.quote(g.name()));
                listing.add(X64CodeGen.quote(g.name()) + ":");
                if (kind == IrGlobal.Section.BSS) listing.add("\t.zero\t" + g.size());
                else listData(g, listing);
            }
        }
    }

    private static String sectionDirective(String name, IrGlobal.Section kind) {
        if (name.equals(".data") || name.equals(".bss")) return "\t" + name;
        return switch (kind) {
            case RODATA -> "\t.section\t" + name + ",\"a\",@progbits";
            case DATA -> "\t.section\t" + name + ",\"aw\",@progbits";
            case BSS -> "\t.section\t" + name + ",\"aw\",@nobits";
        };
    }
}
