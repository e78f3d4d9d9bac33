package org.machr.codegen.x86_64.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.machr.codegen.x86_64.*;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;
import org.machr.link.X64Reloc;

/**
 * Assembles an AT&amp;T {@code .s} file into an {@link ObjectFile}, with the layout rules of llvm-mc:
 * direct jumps to a non-global label of the same section start as rel8 and are relaxed to rel32 until
 * every displacement fits (a fixpoint; sizes only grow); PC-relative references to such labels are
 * resolved here, everything else becomes a relocation — against the symbol when it is global, weak or
 * undefined, else against the section symbol with the label's offset in the addend. Code alignment is
 * padded with llvm-mc's NOPs (up to 10 bytes each in 64-bit mode, 0x90 in 32-bit mode).
 */
public final class X64Assembler {

    /** One encoded instruction, for listings and tests. */
    public record Listed(int line, String section, long offset, byte[] bytes, String text) {
        public String hex() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** The object (empty when there were errors) and the listing of every instruction. */
    public record Result(Optional<ObjectFile> object, List<Listed> listing) {}

    private static final int MAX_PASSES = 64;
    private static final String[] NOPS = {"", "90", "6690", "0f1f00", "0f1f4000", "0f1f440000", "660f1f440000",
            "0f1f8000000000", "0f1f840000000000", "660f1f840000000000", "662e0f1f840000000000"};

    private final Diagnostics diagnostics;
    private SectionBuilder pass1;
    private Evaluator evaluator;

    public X64Assembler(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Line start offsets of the file being assembled (SourceFile recomputes them on every lookup). */
    private int[] lineStarts = new int[0];

    private int lineOf(int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public Result assemble(SourceFile file) {
        lineStarts = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0),
                java.util.stream.IntStream.range(0, file.text().length()).filter(i -> file.text().charAt(i) == '\n').map(i -> i + 1)).toArray();
        List<Statement> statements = new X64Parser(file, diagnostics).parse();
        pass1 = new SectionBuilder(file, diagnostics);
        pass1.build(statements);
        evaluator = new Evaluator(pass1.symbols);
        startRelaxation();
        layout();
        List<Listed> listing = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<Relocation> relocations = new ArrayList<>();
        for (AsmSection s : pass1.sections.values()) sections.add(emit(s, listing, relocations));
        checkEquates();
        if (diagnostics.hasErrors()) return new Result(Optional.empty(), listing);
        List<Symbol> symbols = symbols(relocations);
        try {
            return new Result(Optional.of(new ObjectFile(file.path(), Arch.X86_64, sections, symbols, relocations)), listing);
        } catch (IllegalArgumentException e) {
            diagnostics.error(X64AsmCode.BAD_EXPRESSION, null, "cannot build the object: " + e.getMessage());
            return new Result(Optional.empty(), listing);
        }
    }

    // ---- layout and relaxation ---------------------------------------------------------------------

    private void startRelaxation() {
        for (AsmSection s : pass1.sections.values()) {
            s.offsets = new long[s.items.size()];
            for (int i = 0; i < s.items.size(); i++) {
                if (s.items.get(i) instanceof Item.Insn insn) insn.shortBranch = localBranchTarget(s, i, insn) != null;
            }
        }
    }

    /** The label a direct jmp/jcc goes to when it is a non-preemptible label of the same section, else null. */
    private Symbols.Info localBranchTarget(AsmSection s, int index, Item.Insn insn) {
        String m = insn.statement.mnemonic();
        if (!(m.startsWith("j")) || insn.statement.operands().size() != 1) return null;
        if (!(insn.statement.operands().get(0) instanceof AsmOperand.Memory mem) || !mem.isBareExpression()) return null;
        if (mem.disp() instanceof Expr.Dot) return dotSymbol(s, index);
        if (!(mem.disp() instanceof Expr.Sym sym)) return null;
        Symbols.Info info = pass1.symbols.find(sym.name());
        return info != null && info.section == s && !info.isPreemptible() && info.equ == null ? info : null;
    }

    private void layout() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (AsmSection s : pass1.sections.values()) place(s);
            boolean changed = false;
            for (AsmSection s : pass1.sections.values()) {
                for (int i = 0; i < s.items.size(); i++) {
                    if (!(s.items.get(i) instanceof Item.Insn insn)) continue;
                    if (insn.shortBranch) {
                        long disp = localBranchTarget(s, i, insn).offset() - (s.offsets[i] + insn.size);
                        if (disp < -128 || disp > 127) {
                            insn.shortBranch = false;
                            changed = true;
                        }
                    }
                    X64Encoding e = encode(s, i, insn, false);
                    int size = e == null ? insn.size : e.length();
                    if (size != insn.size) {
                        insn.size = size;
                        changed = true;
                    }
                }
            }
            if (!changed) return;
        }
        diagnostics.error(X64AsmCode.BRANCH_RANGE, null, "layout did not converge after " + MAX_PASSES + " passes");
    }

    private void place(AsmSection s) {
        long offset = 0;
        for (int i = 0; i < s.items.size(); i++) {
            s.offsets[i] = offset;
            offset += sizeOf(s.items.get(i), offset);
        }
        s.size = offset;
    }

    private static long sizeOf(Item item, long offset) {
        return switch (item) {
            case Item.Label l -> 0;
            case Item.Insn i -> i.size;
            case Item.Data d -> (long) d.values().size() * d.width();
            case Item.Bytes b -> b.bytes().length;
            case Item.Fill f -> f.count() * f.width();
            case Item.Align a -> padding(a, offset);
        };
    }

    private static long padding(Item.Align a, long offset) {
        long pad = (a.alignment() - offset % a.alignment()) % a.alignment();
        return pad > a.maxSkip() ? 0 : pad;
    }

    private X64Encoding encode(AsmSection s, int index, Item.Insn insn, boolean report) {
        long dot = s.offsets[index];
        X64InsnBuilder builder = new X64InsnBuilder(insn.mode, e -> operandValue(e, s, index, dot), insn.shortBranch);
        try {
            return new X64Encoder(insn.mode).encode(builder.build(insn.statement));
        } catch (AsmError e) {
            if (report) diagnostics.error(e.code, e.span, e.getMessage());
        } catch (X64EncodeException e) {
            if (report) diagnostics.error(e.code(), insn.statement.span(), e.getMessage());
        }
        return null;
    }

    /** A temporary label for {@code .} at item {@code index} (as in {@code jmp .}). */
    private Symbols.Info dotSymbol(AsmSection s, int index) {
        Symbols.Info info = pass1.symbols.get(".Ldot$" + s.name + "$" + index);
        info.section = s;
        info.itemIndex = index;
        return info;
    }

    private X64InsnBuilder.Value operandValue(Expr e, AsmSection s, int index, long dot) {
        Evaluator.Value v = evaluator.eval(e, s, dot);
        if (v.minus() == null && v.plus() != null && v.plus().name() == null) {
            return new X64InsnBuilder.Value(v.constant(), dotSymbol(s, index).name);
        }
        if (v.minus() != null) {
            throw new AsmError(X64AsmCode.BAD_EXPRESSION, e.span(), "an instruction operand can only refer to one symbol plus a constant");
        }
        return new X64InsnBuilder.Value(v.constant(), v.plus() == null ? null : v.plus().name());
    }

    // ---- emission ----------------------------------------------------------------------------------

    private Section emit(AsmSection s, List<Listed> listing, List<Relocation> relocs) {
        if (s.kind == SectionKind.BSS) return new Section(s.name, s.kind, s.flags, s.alignment, 0, null, s.size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.items.size(); i++) {
            long at = s.offsets[i];
            switch (s.items.get(i)) {
                case Item.Label l -> { }
                case Item.Insn insn -> {
                    X64Encoding e = encode(s, i, insn, true);
                    if (e == null) {
                        out.writeBytes(new byte[insn.size]);
                        continue;
                    }
                    byte[] bytes = e.bytes();
                    for (X64Fixup f : e.fixups()) fixup(s, at, bytes, f, insn.statement.span(), relocs);
                    out.writeBytes(bytes);
                    Span sp = insn.statement.span();
                    listing.add(new Listed(lineOf(sp.start()), s.name, at, bytes, sp.file().text().substring(sp.start(), sp.end())));
                }
                case Item.Data d -> {
                    for (int k = 0; k < d.values().size(); k++) {
                        out.writeBytes(data(s, at + (long) k * d.width(), d.values().get(k), d.width(), relocs));
                    }
                }
                case Item.Bytes b -> out.writeBytes(b.bytes());
                case Item.Fill f -> {
                    for (long k = 0; k < f.count(); k++) out.writeBytes(le(f.value(), f.width()));
                }
                case Item.Align a -> out.writeBytes(pad(a, (int) padding(a, at)));
            }
        }
        return new Section(s.name, s.kind, s.flags, s.alignment, 0, out.toByteArray(), out.size());
    }

    private static byte[] pad(Item.Align a, int n) {
        if (a.fill() != null) {
            byte[] b = new byte[n];
            java.util.Arrays.fill(b, (byte) (long) a.fill());
            return b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int max = a.mode() == X64Mode.BITS64 ? NOPS.length - 1 : 1;
        while (n > 0) {
            int chunk = Math.min(n, max);
            out.writeBytes(HexFormat.of().parseHex(NOPS[chunk]));
            n -= chunk;
        }
        return out.toByteArray();
    }

    /** Resolves an instruction fixup in place, or records a relocation. */
    private void fixup(AsmSection s, long insnAt, byte[] bytes, X64Fixup f, Span span, List<Relocation> relocs) {
        String name = f.target().displayName();
        Symbols.Info info = pass1.symbols.find(name);
        long place = insnAt + f.offset();
        boolean local = info != null && info.isLabel() && !info.isPreemptible();
        if (f.kind().pcRelative() && local && info.section == s) {
            long value = info.offset() + f.addend() - place;
            long min = f.kind().size() == 1 ? -128 : Integer.MIN_VALUE;
            long max = f.kind().size() == 1 ? 127 : Integer.MAX_VALUE;
            if (value < min || value > max) {
                diagnostics.error(X64AsmCode.BRANCH_RANGE, span, "'" + name + "' is out of range: displacement " + value);
                return;
            }
            System.arraycopy(le(value, f.kind().size()), 0, bytes, f.offset(), f.kind().size());
            return;
        }
        if (undefinedLocal(name, info, span)) return;
        X64Reloc kind = X64Relocs.relocFor(f.kind());
        if (kind == null) {
            diagnostics.error(X64AsmCode.BAD_EXPRESSION, span, "a " + f.kind().size() * 8 + "-bit reference to '" + name
                    + "' needs a relocation the object model does not have");
            return;
        }
        relocs.add(local ? new Relocation(s.name, place, kind, info.section.name, f.addend() + info.offset())
                : new Relocation(s.name, place, kind, name, f.addend()));
    }

    private byte[] data(AsmSection s, long place, Expr e, int width, List<Relocation> relocs) {
        try {
            Evaluator.Value v = evaluator.eval(e, s, place);
            if (v.isConstant()) {
                long c = v.constant();
                if (width < 8 && (c < -(1L << (width * 8 - 1)) || c > (1L << (width * 8)) - 1)) {
                    throw new AsmError(X64AsmCode.IMMEDIATE_RANGE, e.span(), "value " + c + " does not fit in " + width * 8 + " bits");
                }
                return le(c, width);
            }
            Evaluator.Term t = v.plus();
            boolean pcRel = v.minus() != null;
            if (t == null || (pcRel && v.minus().section() != s)) {
                throw new AsmError(X64AsmCode.BAD_EXPRESSION, e.span(), "expression cannot be expressed by a relocation");
            }
            long addend = v.constant() + (pcRel ? place - v.minus().offset() : 0);
            X64Reloc kind = switch (width) {
                case 4 -> pcRel ? X64Reloc.PC32 : X64Reloc.ABS32;
                case 8 -> pcRel ? X64Reloc.PC64 : X64Reloc.ABS64;
                default -> throw new AsmError(X64AsmCode.BAD_EXPRESSION, e.span(),
                        "a " + width * 8 + "-bit reference to a symbol needs a relocation the object model does not have");
            };
            if (undefinedLocal(t.name(), pass1.symbols.find(t.name()), e.span())) return new byte[width];
            boolean local = t.section() != null && !t.preemptible();
            relocs.add(local ? new Relocation(s.name, place, kind, t.section().name, addend + t.offset())
                    : new Relocation(s.name, place, kind, t.name(), addend));
        } catch (AsmError err) {
            diagnostics.error(err.code, err.span, err.getMessage());
        }
        return new byte[width];
    }

    /** Reports a reference to a temporary label that is never defined (llvm-mc rejects these too). */
    private boolean undefinedLocal(String name, Symbols.Info info, Span span) {
        if (!name.startsWith(".L") || (info != null && (info.isLabel() || info.equ != null || info.isPreemptible()))) return false;
        java.util.regex.Matcher numeric = java.util.regex.Pattern.compile("\\.L(\\d+)\\$\\d+").matcher(name);
        String shown = numeric.matches() ? "numeric label '" + numeric.group(1) + "' (referred to as "
                + numeric.group(1) + "b or " + numeric.group(1) + "f)" : "label '" + name + "'";
        diagnostics.error(X64AsmCode.UNDEFINED_LOCAL_LABEL, span, shown + " is not defined");
        return true;
    }

    // ---- symbols -----------------------------------------------------------------------------------

    /** Every {@code .set}/{@code .equ} symbol must evaluate to a constant (used or not). */
    private void checkEquates() {
        for (Symbols.Info info : List.copyOf(pass1.symbols.byName.values())) {
            if (info.equ == null) continue;
            try {
                evaluator.constant(new Expr.Sym(info.name, info.span), null, 0);
            } catch (AsmError e) {
                diagnostics.error(X64AsmCode.NOT_CONSTANT, info.span, "symbol " + info.name + " must be set to a constant: " + e.getMessage());
            }
        }
    }

    private List<Symbol> symbols(List<Relocation> relocs) {
        List<Symbol> out = new ArrayList<>();
        Set<String> sectionSymbols = new LinkedHashSet<>();
        for (Relocation r : relocs) {
            if (pass1.sections.containsKey(r.symbol()) && pass1.symbols.find(r.symbol()) == null) sectionSymbols.add(r.symbol());
        }
        for (String s : sectionSymbols) out.add(Symbol.forSection(s));
        for (Symbols.Info info : List.copyOf(pass1.symbols.byName.values())) {
            if (!info.isEmitted()) continue;
            Symbol.Binding binding = info.weak ? Symbol.Binding.WEAK : info.global ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL;
            long size = 0;
            if (info.size != null) {
                try {
                    AsmSection at = info.sizeSection;
                    long dot = info.sizeIndex < at.offsets.length ? at.offsets[info.sizeIndex] : at.size;
                    size = evaluator.constant(info.size, at, dot);
                } catch (AsmError e) {
                    diagnostics.error(e.code, e.span, e.getMessage());
                }
            }
            if (info.equ != null) {
                try {
                    long value = evaluator.constant(new Expr.Sym(info.name, info.span), null, 0);
                    out.add(new Symbol(info.name, SymbolDefinition.ABSOLUTE, value, size, binding, info.type));
                } catch (AsmError e) {
                    diagnostics.error(X64AsmCode.NOT_CONSTANT, info.span, "symbol " + info.name + " must be set to a constant");
                }
            } else if (info.isLabel()) {
                out.add(new Symbol(info.name, SymbolDefinition.in(info.section.name), info.offset(), size, binding, info.type));
            } else if (info.global || info.weak) {
                out.add(new Symbol(info.name, SymbolDefinition.UNDEFINED, 0, 0, binding, info.type));
            }
        }
        return out;
    }

    private static byte[] le(long v, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }
}
