package org.machr.codegen.aarch64.asm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.A64LabelUse;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * Resolves the pending expressions once every symbol is known and builds the {@link ObjectFile}:
 * PC-relative uses of non-global labels in the same section are patched (range-checked by
 * {@link A64LabelUse}); other uses become relocations against a global or undefined symbol, or against
 * the section symbol plus the label's offset for local labels — the choice GNU as and llvm-mc make.
 */
final class ObjectBuilder {

    private final A64Assembler asm;
    private final List<Relocation> relocs = new ArrayList<>();
    private final Set<String> sectionSymbols = new LinkedHashSet<>();

    ObjectBuilder(A64Assembler asm) {
        this.asm = asm;
    }

    ObjectFile build() {
        for (A64Assembler.Pending p : asm.pending) {
            try {
                resolve(p);
            } catch (AsmError e) {
                asm.report(e);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (AsmSection s : asm.sections.values()) {
            sections.add(s.nobits ? new Section(s.name, s.kind(), s.flags, s.alignment, 0, null, s.bssSize)
                    : new Section(s.name, s.kind(), s.flags, s.alignment, 0, s.code.bytes(), s.code.size()));
        }
        List<Symbol> symbols = new ArrayList<>();
        for (String sec : sectionSymbols) symbols.add(Symbol.forSection(sec));
        for (A64Assembler.AsmSymbol s : asm.symbols.values()) {
            try {
                Symbol sym = symbol(s);
                if (sym != null) symbols.add(sym);
            } catch (AsmError e) {
                asm.report(e);
            }
        }
        try {
            return new ObjectFile(asm.file.path(), Arch.AARCH64, sections, symbols, relocs);
        } catch (IllegalArgumentException e) {
            asm.diags.error(A64AsmCode.BAD_EXPRESSION, null, "cannot build the object: " + e.getMessage());
            return new ObjectFile(asm.file.path(), Arch.AARCH64, sections, List.of(), List.of());
        }
    }

    private Symbol symbol(A64Assembler.AsmSymbol s) {
        if (s.isAssemblerLocal()) {
            if (!s.isDefined() && !s.name.startsWith(".Ldot$")) {
                int at = firstUse(s.name);
                throw new AsmError(A64AsmCode.UNDEFINED_LOCAL, at, at, "local label '" + displayName(s.name) + "' is never defined");
            }
            return null;
        }
        long size = 0;
        if (s.size != null) size = asm.constant(s.size);
        Symbol.Binding binding = s.binding == null ? Symbol.Binding.LOCAL : s.binding;
        if (s.section != null) {
            return new Symbol(s.name, SymbolDefinition.in(s.section.name), s.offset, size, binding, s.type);
        }
        if (s.equ != null) {
            Linear v = new Evaluator(asm, false).eval(s.equ);
            if (!v.isConstant()) return null; // an alias of a relocatable value: not emitted
            return new Symbol(s.name, SymbolDefinition.ABSOLUTE, v.constant(), size, binding, s.type);
        }
        if (s.isGlobal()) return new Symbol(s.name, SymbolDefinition.UNDEFINED, 0, 0, binding, s.type);
        return null; // only referenced: the object adds it as undefined if a relocation names it
    }

    private static String displayName(String name) {
        if (name.matches("\\.L\\d+\\$\\d+")) return name.substring(2, name.indexOf('$')) + "f";
        return name;
    }

    private int firstUse(String name) {
        for (A64Assembler.Pending p : asm.pending) if (mentions(p.expr(), name)) return p.start();
        return 0;
    }

    private static boolean mentions(Expr e, String name) {
        return switch (e) {
            case Expr.Sym s -> s.name().equals(name);
            case Expr.Unary u -> mentions(u.operand(), name);
            case Expr.Binary b -> mentions(b.left(), name) || mentions(b.right(), name);
            case Expr.Num n -> false;
        };
    }

    private void resolve(A64Assembler.Pending p) {
        AsmSection sec = p.section();
        Linear here = Linear.term(Evaluator.SECTION + sec.name).plus(Linear.of(p.offset()));
        Linear local = new Evaluator(asm, false).eval(p.expr());
        if (p.insn() == null) {
            data(p, local, here);
            return;
        }
        Parsed parsed = p.insn();
        boolean pcRelative = parsed.lo12() == null && !(parsed.insn() instanceof A64Insn.PcRelAddr a && a.page());
        if (pcRelative) {
            // A global symbol may be preempted or moved by the linker: only non-global labels resolve here.
            Linear displacement = new Evaluator(asm, true).eval(p.expr()).plus(here.times(-1));
            if (displacement.isConstant()) {
                patch(p, displacement.constant());
                return;
            }
        }
        A64Reloc kind = parsed.lo12() != null ? parsed.lo12() : org.machr.codegen.aarch64.A64Encoder.relocKind(parsed.insn());
        SymbolAndAddend target = target(p, false);
        relocs.add(new Relocation(sec.name, p.offset(), kind, target.symbol, target.addend));
    }

    private record SymbolAndAddend(String symbol, long addend) {}

    /** The value as symbol + addend; {@code minusHere} when the value is relative to the place. */
    private SymbolAndAddend target(A64Assembler.Pending p, boolean minusHere) {
        Linear v = new Evaluator(asm, true).eval(p.expr());
        if (minusHere) v = v.plus(Linear.term(Evaluator.SECTION + p.section().name).plus(Linear.of(p.offset())));
        Map<String, Long> terms = v.terms();
        if (terms.size() != 1 || terms.values().iterator().next() != 1) {
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, p.start(), p.end(), "expression cannot be encoded as a relocation (it needs one symbol plus a constant)");
        }
        String term = terms.keySet().iterator().next();
        if (term.startsWith(Evaluator.SECTION)) {
            String section = term.substring(Evaluator.SECTION.length());
            sectionSymbols.add(section);
            return new SymbolAndAddend(section, v.constant());
        }
        A64Assembler.AsmSymbol sym = asm.symbols.get(term);
        if (term.startsWith(".L") && (sym == null || !sym.isDefined())) {
            throw new AsmError(A64AsmCode.UNDEFINED_LOCAL, p.start(), p.end(), "local label '" + displayName(term) + "' is never defined");
        }
        return new SymbolAndAddend(term, v.constant());
    }

    private void patch(A64Assembler.Pending p, long displacement) {
        A64Insn insn = p.insn().insn();
        A64LabelUse use = switch (insn) {
            case A64Insn.Branch b -> A64LabelUse.BRANCH26;
            case A64Insn.TestBranch t -> A64LabelUse.BRANCH14;
            case A64Insn.PcRelAddr a -> A64LabelUse.ADR21;
            default -> A64LabelUse.BRANCH19;
        };
        if (!use.inRange(displacement)) {
            throw new AsmError(A64AsmCode.TARGET_OUT_OF_RANGE, p.start(), p.end(),
                    "target is out of range: displacement " + displacement + ", allowed " + use.rangeDescription());
        }
        long word = p.section().code.read(p.offset(), 4);
        p.section().code.write(p.offset(), 4, use.patch(word, displacement));
    }

    private void data(A64Assembler.Pending p, Linear local, Linear here) {
        int width = p.dataWidth();
        if (local.isConstant()) {
            long v = local.constant();
            if (width < 8) {
                long min = -(1L << (8 * width - 1));
                long max = (1L << (8 * width)) - 1;
                if (v < min || v > max) {
                    throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, p.start(), p.end(), "value " + v + " does not fit in " + width + " byte" + (width == 1 ? "" : "s"));
                }
            }
            p.section().code.write(p.offset(), width, v);
            return;
        }
        Linear relative = local.plus(here);
        boolean pcRel = local.terms().getOrDefault(Evaluator.SECTION + p.section().name, 0L) == -1 && !relative.terms().isEmpty()
                && relative.terms().size() == 1;
        if (pcRel) {
            SymbolAndAddend t = target(p, true);
            A64Reloc kind = width == 8 ? A64Reloc.PREL64 : width == 4 ? A64Reloc.PREL32 : null;
            if (kind == null) throw new AsmError(A64AsmCode.BAD_EXPRESSION, p.start(), p.end(), "no " + width + "-byte PC-relative relocation");
            relocs.add(new Relocation(p.section().name, p.offset(), kind, t.symbol, t.addend));
            return;
        }
        SymbolAndAddend t = target(p, false);
        A64Reloc kind = width == 8 ? A64Reloc.ABS64 : width == 4 ? A64Reloc.ABS32 : null;
        if (kind == null) throw new AsmError(A64AsmCode.BAD_EXPRESSION, p.start(), p.end(), "no " + width + "-byte absolute relocation");
        relocs.add(new Relocation(p.section().name, p.offset(), kind, t.symbol, t.addend));
    }
}
