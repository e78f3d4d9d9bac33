package org.machr.codegen.aarch64.asm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.codegen.aarch64.A64Encoder;
import org.machr.codegen.aarch64.InvalidOperandException;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.link.ObjectFile;
import org.machr.link.SectionFlag;
import org.machr.link.Symbol;

/**
 * The AArch64 assembler for {@code .s} files: labels (named, {@code .L} local, numeric {@code 1:} with
 * {@code 1b}/{@code 1f}), every instruction of {@link org.machr.codegen.aarch64.A64Insn} with the usual
 * aliases, the common GNU directives and the {@code :lo12:} operator. Produces an
 * {@link ObjectFile} (sections, symbols, relocations) for the linker. PC-relative references to
 * non-global labels of the same section are resolved here; everything else becomes a relocation, as
 * GNU as and llvm-mc do. Errors are diagnostics with a caret under the operand; assembly carries on
 * with the next statement.
 */
public final class A64Assembler {

    final SourceFile file;
    final Diagnostics diags;
    final Map<String, AsmSection> sections = new LinkedHashMap<>();
    AsmSection current;
    final Map<String, AsmSymbol> symbols = new LinkedHashMap<>();
    final List<Pending> pending = new ArrayList<>();
    private final Map<String, Integer> numericLabelCounts = new HashMap<>();
    private int dotCount;

    /** A use of an expression resolved when every symbol is known. */
    record Pending(AsmSection section, int offset, Parsed insn, int dataWidth, Expr expr, int start, int end) {}

    private A64Assembler(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
        switchTo(".text", 0, 0);
    }

    /** Assembles {@code file}; empty if any error was reported to {@code diags}. */
    public static Optional<ObjectFile> assemble(SourceFile file, Diagnostics diags) {
        A64Assembler asm = new A64Assembler(file, diags);
        int before = diags.errorCount();
        asm.statements(new AsmLexer(file, diags).statements());
        for (AsmSection s : List.copyOf(asm.pools.keySet())) asm.flushPool(s);
        ObjectFile obj = new ObjectBuilder(asm).build();
        return diags.errorCount() > before ? Optional.empty() : Optional.of(obj);
    }

    /** Runs statements in order; {@code .rept n … .endr} repeats its body n times (nesting allowed). */
    private void statements(List<List<Token>> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            List<Token> stmt = stmts.get(i);
            try {
                if (isDirective(stmt, ".rept")) {
                    int end = matchingEndr(stmts, i);
                    Token head = stmt.get(0);
                    long count;
                    try {
                        count = constant(expr(stmt, 1, true));
                        if (count < 0 || count > 1_000_000) {
                            throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), head.end(), ".rept count " + count + " is out of range 0..1000000");
                        }
                    } catch (AsmError e) {
                        report(e);
                        i = end;
                        continue;
                    }
                    List<List<Token>> body = stmts.subList(i + 1, end);
                    for (long k = 0; k < count; k++) statements(body);
                    i = end;
                } else if (isDirective(stmt, ".endr")) {
                    throw new AsmError(A64AsmCode.BAD_DIRECTIVE, stmt.get(0).start(), stmt.get(0).end(), ".endr without .rept");
                } else {
                    statement(stmt);
                }
            } catch (AsmError e) {
                report(e);
            }
        }
    }

    private static boolean isDirective(List<Token> stmt, String name) {
        return stmt.get(0).isIdent() && stmt.get(0).text().equalsIgnoreCase(name);
    }

    private static int matchingEndr(List<List<Token>> stmts, int rept) {
        int depth = 0;
        for (int j = rept + 1; j < stmts.size(); j++) {
            if (isDirective(stmts.get(j), ".rept")) depth++;
            if (isDirective(stmts.get(j), ".endr")) {
                if (depth == 0) return j;
                depth--;
            }
        }
        Token head = stmts.get(rept).get(0);
        throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), head.end(), ".rept without .endr");
    }

    void report(AsmError e) {
        diags.error(e.code, new Span(file, e.start, Math.max(e.start, e.end)), e.getMessage());
    }

    // ---- statements ----------------------------------------------------------------------------------

    private void statement(List<Token> toks) {
        int i = 0;
        while (i + 1 < toks.size() && toks.get(i + 1).is(":")
                && (toks.get(i).isIdent() || toks.get(i).kind() == Token.Kind.NUM)) {
            Token name = toks.get(i);
            String label = name.kind() == Token.Kind.NUM ? numericLabel(name) : name.text();
            defineLabel(label, name.start(), name.end());
            i += 2;
        }
        if (i >= toks.size()) return;
        Token head = toks.get(i);
        if (!head.isIdent()) throw new AsmError(A64AsmCode.SYNTAX, head.start(), head.end(), "expected a label, directive or instruction");
        if (i + 1 < toks.size() && toks.get(i + 1).is("=")) {
            new Directives(this).equ(head, expr(toks, i + 2, true));
            return;
        }
        if (head.text().startsWith(".")) {
            new Directives(this).directive(head, toks, i + 1);
            return;
        }
        instruction(head, toks, i + 1);
    }

    private String numericLabel(Token t) {
        int n = numericLabelCounts.merge(t.text(), 1, Integer::sum);
        return ".L" + t.text() + "$" + n;
    }

    /** {@code 1b} is the last {@code 1:} before here, {@code 1f} the next one. */
    String localRef(Token t) {
        String digits = t.text().substring(0, t.text().length() - 1);
        int count = numericLabelCounts.getOrDefault(digits, 0);
        if (t.text().endsWith("b")) {
            if (count == 0) throw new AsmError(A64AsmCode.UNDEFINED_LOCAL, t.start(), t.end(), "no label '" + digits + ":' before '" + t.text() + "'");
            return ".L" + digits + "$" + count;
        }
        return ".L" + digits + "$" + (count + 1);
    }

    void defineLabel(String name, int start, int end) {
        AsmSymbol s = symbols.computeIfAbsent(name, AsmSymbol::new);
        if (s.isDefined()) {
            throw new AsmError(A64AsmCode.SYMBOL_REDEFINED, start, end, "symbol '" + name + "' is already defined");
        }
        s.section = current;
        s.offset = current.size();
        s.defStart = start;
        s.defEnd = end;
    }

    /** A synthetic label for {@code .}, the current location. */
    String dot() {
        String name = ".Ldot$" + (++dotCount);
        AsmSymbol s = symbols.computeIfAbsent(name, AsmSymbol::new);
        s.section = current;
        s.offset = current.size();
        return name;
    }

    Expr expr(List<Token> toks, int from, boolean wholeRest) {
        if (from >= toks.size()) {
            Token last = toks.get(toks.size() - 1);
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, last.end(), last.end(), "expected an expression");
        }
        ExprParser p = new ExprParser(toks, from, this::dot, this::localRef);
        Expr e = p.parse();
        if (wholeRest && p.pos() != toks.size()) {
            Token t = toks.get(p.pos());
            throw new AsmError(A64AsmCode.SYNTAX, t.start(), t.end(), "unexpected '" + t.text() + "'");
        }
        return e;
    }

    long constant(Expr e) {
        Linear v = new Evaluator(this, false).eval(e);
        if (!v.isConstant()) {
            String what = v.terms().keySet().iterator().next();
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, e.start(), e.end(), "expression is not a constant"
                    + (what.startsWith(Evaluator.SECTION) ? "" : " (symbol '" + what + "' is not a known constant here)"));
        }
        return v.constant();
    }

    void switchTo(String name, int start, int end) {
        AsmSection s = sections.get(name);
        if (s == null) {
            s = AsmSection.standard(name, diags);
            if (s == null) s = new AsmSection(name, EnumSet.noneOf(SectionFlag.class), false, diags);
            sections.put(name, s);
        }
        current = s;
    }

    void checkContent(int start, int end) {
        if (current.nobits) {
            throw new AsmError(A64AsmCode.CONTENT_IN_BSS, start, end, "section " + current.name + " holds no contents (nobits)");
        }
    }

    private void instruction(Token head, List<Token> toks, int from) {
        List<Operand> ops = new OperandParser((t, p) -> new ExprParser(t, p, this::dot, this::localRef)).parseAll(toks, from);
        int end = toks.get(toks.size() - 1).end();
        Operands.Constants constants = new Operands.Constants() {
            @Override public long constant(Expr e) { return A64Assembler.this.constant(e); }
            @Override public String poolEntry(Expr e, int width) { return A64Assembler.this.poolEntry(e, width); }
        };
        Operands operands = new Operands(head.text(), ops, head.start(), end, constants);
        Parsed p;
        try {
            p = InsnParser.parse(head.text(), operands);
        } catch (InvalidOperandException e) {
            int s = ops.isEmpty() ? head.start() : ops.get(0).start();
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, s, end, e.getMessage());
        }
        checkContent(head.start(), head.end());
        current.alignment = Math.max(current.alignment, 4);
        int at = current.code.size();
        current.code.emit32(A64Encoder.encode(p.insn()));
        if (p.symbolic() != null) pending.add(new Pending(current, at, p, 0, p.symbolic(), p.symbolic().start(), p.symbolic().end()));
    }

    /** A literal-pool entry ({@code ldr xN, =expr}) waiting for the end of its section or {@code .ltorg}. */
    record PoolEntry(String label, Expr expr, int width) {}

    final Map<AsmSection, List<PoolEntry>> pools = new LinkedHashMap<>();
    private int poolCount;

    String poolEntry(Expr e, int width) {
        String label = ".Lpool$" + (++poolCount);
        pools.computeIfAbsent(current, s -> new ArrayList<>()).add(new PoolEntry(label, e, width));
        return label;
    }

    /** Emits the pending literal pool of the current section here (.ltorg, and at the end of assembly). */
    void flushPool(AsmSection section) {
        List<PoolEntry> entries = pools.remove(section);
        if (entries == null) return;
        AsmSection saved = current;
        current = section;
        for (PoolEntry p : entries) {
            section.code.align(p.width());
            section.alignment = Math.max(section.alignment, p.width());
            defineLabel(p.label(), p.expr().start(), p.expr().end());
            int at = section.code.size();
            section.code.emitLittleEndian(0, p.width());
            pending.add(new Pending(section, at, null, p.width(), p.expr(), p.expr().start(), p.expr().end()));
        }
        current = saved;
    }

    /** A symbol as the assembler tracks it. */
    static final class AsmSymbol {
        final String name;
        AsmSection section;
        long offset;
        Expr equ;
        Symbol.Binding binding;
        Symbol.Type type = Symbol.Type.NOTYPE;
        Expr size;
        int defStart;
        int defEnd;
        boolean evaluating;

        AsmSymbol(String name) {
            this.name = name;
        }

        boolean isDefined() {
            return section != null || equ != null;
        }

        boolean isGlobal() {
            return binding == Symbol.Binding.GLOBAL || binding == Symbol.Binding.WEAK;
        }

        boolean isAssemblerLocal() {
            return name.startsWith(".L");
        }
    }
}
