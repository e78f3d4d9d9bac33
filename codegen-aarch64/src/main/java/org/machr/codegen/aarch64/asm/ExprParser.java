package org.machr.codegen.aarch64.asm;

import java.util.List;
import java.util.function.Supplier;

/**
 * Parses expressions from a statement's tokens with C-like precedence (lowest first: {@code |},
 * {@code ^}, {@code &}, shifts, {@code + -}, {@code * / %}, unary {@code - ~ +}). {@code .} is the
 * current location, given by {@code dot}; numeric references {@code 1f}/{@code 1b} are mapped to
 * unique names by {@code localRef}.
 */
final class ExprParser {

    interface LocalRefs {
        String resolve(Token t);
    }

    private final List<Token> toks;
    private int pos;
    private final Supplier<String> dot;
    private final LocalRefs localRefs;

    ExprParser(List<Token> toks, int pos, Supplier<String> dot, LocalRefs localRefs) {
        this.toks = toks;
        this.pos = pos;
        this.dot = dot;
        this.localRefs = localRefs;
    }

    int pos() {
        return pos;
    }

    /** Parses one expression or throws {@link AsmError} at the offending token. */
    Expr parse() {
        return binary(0);
    }

    private static final String[][] LEVELS = {{"|", "||"}, {"^"}, {"&", "&&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};

    private Expr binary(int level) {
        if (level == LEVELS.length) return unary();
        Expr left = binary(level + 1);
        while (pos < toks.size() && toks.get(pos).kind() == Token.Kind.PUNCT && contains(LEVELS[level], toks.get(pos).text())) {
            String op = toks.get(pos++).text();
            Expr right = binary(level + 1);
            left = new Expr.Binary(op, left, right, left.start(), right.end());
        }
        return left;
    }

    private static boolean contains(String[] ops, String op) {
        for (String o : ops) if (o.equals(op)) return true;
        return false;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("-") || t.is("~") || t.is("+")) {
            pos++;
            Expr e = unary();
            return new Expr.Unary(t.text(), e, t.start(), e.end());
        }
        return primary();
    }

    private Token peek() {
        if (pos >= toks.size()) {
            Token last = toks.get(toks.size() - 1);
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, last.end(), last.end(), "expected an expression");
        }
        return toks.get(pos);
    }

    private Expr primary() {
        Token t = peek();
        pos++;
        switch (t.kind()) {
            case NUM -> {
                return new Expr.Num(t.value(), t.start(), t.end());
            }
            case LOCAL_REF -> {
                return new Expr.Sym(localRefs.resolve(t), t.start(), t.end());
            }
            case IDENT -> {
                return new Expr.Sym(t.text().equals(".") ? dot.get() : t.text(), t.start(), t.end());
            }
            case PUNCT -> {
                if (t.is("(")) {
                    Expr e = parse();
                    Token close = peek();
                    if (!close.is(")")) throw new AsmError(A64AsmCode.BAD_EXPRESSION, close.start(), close.end(), "expected ')'");
                    pos++;
                    return e;
                }
            }
            default -> { }
        }
        throw new AsmError(A64AsmCode.BAD_EXPRESSION, t.start(), t.end(), "expected an expression, found '" + t.text() + "'");
    }
}
