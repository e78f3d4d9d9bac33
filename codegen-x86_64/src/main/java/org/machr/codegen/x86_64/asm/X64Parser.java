package org.machr.codegen.x86_64.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.machr.codegen.x86_64.ControlReg;
import org.machr.codegen.x86_64.Gpr;
import org.machr.codegen.x86_64.Reg;
import org.machr.codegen.x86_64.SegReg;
import org.machr.codegen.x86_64.X64AsmCode;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Parses AT&amp;T assembly into {@link Statement}s: labels ({@code name:}), directives ({@code .name args})
 * and instructions ({@code [lock] mnemonic operand, …}). A statement with a syntax error is reported and
 * skipped; parsing goes on with the next line.
 */
public final class X64Parser {

    private final SourceFile file;
    private final Diagnostics diagnostics;

    public X64Parser(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    List<Statement> parse() {
        TokenCursor c = new TokenCursor(file, numericLabels(new X64Lexer(file, diagnostics).lex()));
        List<Statement> out = new ArrayList<>();
        while (c.peek().kind() != Token.Kind.EOF) {
            try {
                statement(c, out);
            } catch (AsmError e) {
                diagnostics.error(e.code, e.span, e.getMessage());
                while (!c.atEnd()) c.next();
            }
            c.endStatement();
        }
        return out;
    }

    /**
     * Renames GNU numeric local labels: the k-th definition {@code N:} becomes {@code .LN$k}; {@code Nb}
     * refers to the latest definition before it, {@code Nf} to the next one after it.
     */
    private static List<Token> numericLabels(List<Token> tokens) {
        java.util.Map<String, Integer> defined = new java.util.HashMap<>();
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean atStart = i == 0 || tokens.get(i - 1).kind() == Token.Kind.EOL || tokens.get(i - 1).is(":");
            if (t.kind() == Token.Kind.NUMBER && atStart && i + 1 < tokens.size() && tokens.get(i + 1).is(":")
                    && t.text().matches("[0-9]+")) {
                int k = defined.merge(t.text(), 1, Integer::sum);
                out.add(new Token(Token.Kind.IDENT, ".L" + t.text() + "$" + k, 0, t.start(), t.end()));
            } else if (t.kind() == Token.Kind.IDENT && t.text().matches("[0-9]+[bf]")) {
                String n = t.text().substring(0, t.text().length() - 1);
                int k = defined.getOrDefault(n, 0) + (t.text().endsWith("f") ? 1 : 0);
                out.add(new Token(Token.Kind.IDENT, ".L" + n + "$" + k, 0, t.start(), t.end()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private void statement(TokenCursor c, List<Statement> out) {
        while (!c.atEnd()) {
            Token first = c.next();
            if (first.kind() != Token.Kind.IDENT) {
                throw c.error(first, "expected a label, directive or instruction, found " + first.describe());
            }
            if (c.peek().is(":")) {
                Token colon = c.next();
                out.add(new Statement.LabelDef(first.text(), c.span(first.start(), colon.start())));
                continue;
            }
            if (c.peek().is("=")) {                                   // name = expr, the same as .set
                c.next();
                List<List<Token>> args = List.of(List.of(first), rest(c));
                out.add(new Statement.Directive(".set", args, c.span(first)));
                return;
            }
            if (first.text().startsWith(".")) {
                out.add(new Statement.Directive(first.text().toLowerCase(Locale.ROOT), arguments(c), c.span(first)));
                return;
            }
            out.add(instruction(c, first));
            return;
        }
    }

    private static List<Token> rest(TokenCursor c) {
        List<Token> tokens = new ArrayList<>();
        while (!c.atEnd()) tokens.add(c.next());
        return tokens;
    }

    private static List<List<Token>> arguments(TokenCursor c) {
        List<List<Token>> args = new ArrayList<>();
        if (c.atEnd()) return args;
        List<Token> current = new ArrayList<>();
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("(")) depth++;
            if (t.is(")")) depth--;
            if (t.is(",") && depth == 0) {
                args.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        args.add(current);
        return args;
    }

    private Statement instruction(TokenCursor c, Token mnemonic) {
        boolean lock = false;
        boolean rep = false;
        Token m = mnemonic;
        if (m.text().equalsIgnoreCase("lock") || m.text().equalsIgnoreCase("rep")) {
            lock = m.text().equalsIgnoreCase("lock");
            rep = !lock;
            if (c.atEnd()) throw new AsmError(X64AsmCode.SYNTAX, c.span(m), m.text() + " must prefix an instruction on the same line");
            Token prefix = m;
            m = c.next();
            if (m.kind() != Token.Kind.IDENT) throw c.error(m, "expected an instruction after " + prefix.text() + ", found " + m.describe());
        }
        List<AsmOperand> operands = new ArrayList<>();
        if (!c.atEnd()) {
            operands.add(operand(c));
            while (c.accept(",")) operands.add(operand(c));
            if (!c.atEnd()) throw c.error(c.peek(), "expected ',' or end of line, found " + c.peek().describe());
        }
        int end = operands.isEmpty() ? m.end() : operands.get(operands.size() - 1).span().end();
        return new Statement.Instruction(m.text().toLowerCase(Locale.ROOT), lock, rep, operands, c.span(mnemonic.start(), end));
    }

    private AsmOperand operand(TokenCursor c) {
        Token t = c.peek();
        if (t.is("*")) {
            c.next();
            AsmOperand inner = operand(c);
            return new AsmOperand.Indirect(inner, c.span(t.start(), inner.span().end()));
        }
        if (t.is("$")) {
            c.next();
            Expr e = c.expression();
            return new AsmOperand.Immediate(e, c.span(t.start(), e.span().end()));
        }
        SegReg segment = null;
        if (t.kind() == Token.Kind.REGISTER) {
            Reg reg = register(c, c.next());
            if (!c.peek().is(":")) return new AsmOperand.Register(reg, c.span(t));
            c.next();
            if (!(reg instanceof SegReg s)) throw new AsmError(X64AsmCode.BAD_ADDRESS, c.span(t), "%" + t.text() + " is not a segment register");
            segment = s;
        }
        return memory(c, t.start(), segment);
    }

    private AsmOperand memory(TokenCursor c, int start, SegReg segment) {
        Expr disp = null;
        if (!(c.peek().is("(") && (c.peek(1).kind() == Token.Kind.REGISTER || c.peek(1).is(",")))) {
            disp = c.expression();
        }
        Gpr base = null;
        Gpr index = null;
        int scale = 1;
        boolean rip = false;
        int end = disp == null ? start : disp.span().end();
        if (c.peek().is("(") && (c.peek(1).kind() == Token.Kind.REGISTER || c.peek(1).is(","))) {
            c.next();
            if (c.peek().kind() == Token.Kind.REGISTER) {
                Token b = c.next();
                if (b.text().equalsIgnoreCase("rip")) {
                    rip = true;
                } else {
                    base = addressRegister(c, b);
                }
            }
            if (c.accept(",")) {
                Token i = c.next();
                if (i.kind() != Token.Kind.REGISTER) throw c.error(i, "expected an index register, found " + i.describe());
                index = addressRegister(c, i);
                if (c.accept(",")) {
                    Token s = c.next();
                    if (s.kind() != Token.Kind.NUMBER) throw c.error(s, "expected a scale of 1, 2, 4 or 8, found " + s.describe());
                    if (s.value() != 1 && s.value() != 2 && s.value() != 4 && s.value() != 8) {
                        throw new AsmError(X64AsmCode.BAD_ADDRESS, c.span(s), "scale must be 1, 2, 4 or 8, not " + s.value());
                    }
                    scale = (int) s.value();
                }
            }
            end = c.expect(")", "')'").end();
        }
        if (disp == null && base == null && index == null && !rip) {
            throw c.error(c.peek(), "expected an operand, found " + c.peek().describe());
        }
        return new AsmOperand.Memory(segment, disp, base, index, scale, rip, c.span(start, end));
    }

    private Gpr addressRegister(TokenCursor c, Token t) {
        Reg r = register(c, t);
        if (r instanceof Gpr g) return g;
        throw new AsmError(X64AsmCode.BAD_ADDRESS, c.span(t), "%" + t.text() + " cannot be used in an address");
    }

    private static Reg register(TokenCursor c, Token t) {
        String name = t.text().toLowerCase(Locale.ROOT);
        Gpr g = Gpr.byName(name);
        if (g != null) return g;
        for (ControlReg cr : ControlReg.values()) if (cr.asmName().equals(name)) return cr;
        for (SegReg s : SegReg.values()) if (s.asmName().equals(name)) return s;
        throw new AsmError(X64AsmCode.UNKNOWN_REGISTER, c.span(t), "unknown register %" + t.text());
    }
}
