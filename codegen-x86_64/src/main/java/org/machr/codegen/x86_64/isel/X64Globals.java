package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.ExternalReloc;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;
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

    static List<Relocation> textRelocations(CodeBuffer buf) {
        List<Relocation> out = new ArrayList<>();
        for (ExternalReloc r : buf.relocations()) {
            if (!(r.kind() instanceof X64Reloc kind)) throw new IllegalArgumentException("not an x86_64 relocation kind: " + r.kind());
            out.add(new Relocation(".text", r.offset(), kind, r.symbol(), r.addend()));
        }
        return out;
    }

    /** Also appends the globals to {@code listing} (llvm-mc directives giving the same section contents). */
    static void globals(IrProgram program, List<Section> sections, List<Symbol> symbols, List<Relocation> relocs, List<String> listing) {
        for (IrGlobal.Section kind : IrGlobal.Section.values()) {
            String name = switch (kind) {
                case DATA -> ".data";
                case RODATA -> ".rodata";
                case BSS -> ".bss";
            };
            CodeBuffer buf = new CodeBuffer(new Diagnostics());
            long bss = 0;
            long align = 1;
            boolean any = false;
            for (IrGlobal g : program.globals()) {
                if (g.section() != kind) continue;
                if (!any) listing.add(kind == IrGlobal.Section.RODATA ? "\t.section\t.rodata,\"a\",@progbits" : "\t" + name);
                any = true;
                align = Math.max(align, g.align());
                listing.add("\t.p2align\t" + Long.numberOfTrailingZeros(Math.max(1, g.align())));
                if (g.exported()) listing.add("\t.globl\t" + X64CodeGen.quote(g.name()));
                listing.add(X64CodeGen.quote(g.name()) + ":");
                if (kind == IrGlobal.Section.BSS) listing.add("\t.zero\t" + g.size());
                else listData(g, listing);
                long at;
                if (kind == IrGlobal.Section.BSS) {
                    bss = (bss + g.align() - 1) / g.align() * g.align();
                    at = bss;
                    bss += g.size();
                } else {
                    buf.align(g.align());
                    at = buf.size();
                    buf.emitBytes(g.init());
                    for (IrGlobal.Reloc r : g.relocs()) relocs.add(new Relocation(name, at + r.offset(), X64Reloc.ABS64, r.symbol(), r.addend()));
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
