package org.machr.codegen.x86_64.asm;

import java.util.List;
import org.machr.codegen.x86_64.X64AsmCode;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * A position in a token list, with the expression grammar (lowest to highest precedence):
 * {@code |}, {@code ^}, {@code &}, {@code << >>}, {@code + -}, {@code * / %}, unary {@code - ~ !}, primary.
 */
final class TokenCursor {

    private static final List<List<String>> LEVELS = List.of(
            List.of("|"), List.of("^"), List.of("&"), List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

    final SourceFile file;
    private final List<Token> tokens;
    int pos;

    TokenCursor(SourceFile file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : tokens.get(tokens.size() - 1);
    }

    Token peek(int ahead) {
        int i = Math.min(pos + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    /** The current token, advancing past it unless it ends the statement (EOL/EOF stay put). */
    Token next() {
        Token t = peek();
        if (pos < tokens.size() && t.kind() != Token.Kind.EOL && t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    /** Moves past the end-of-statement token. */
    void endStatement() {
        if (peek().kind() == Token.Kind.EOL) pos++;
    }

    boolean atEnd() {
        return pos >= tokens.size() || peek().kind() == Token.Kind.EOL || peek().kind() == Token.Kind.EOF;
    }

    boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    Token expect(String punct, String what) {
        if (!peek().is(punct)) throw error(peek(), "expected " + what + ", found " + peek().describe());
        return next();
    }

    Span span(Token t) {
        return new Span(file, t.start(), t.end());
    }

    Span span(int start, int end) {
        return new Span(file, start, Math.max(start, end));
    }

    AsmError error(Token t, String message) {
        return new AsmError(X64AsmCode.SYNTAX, span(t), message);
    }

    Expr expression() {
        return binary(0);
    }

    private Expr binary(int level) {
        if (level == LEVELS.size()) return unary();
        Expr left = binary(level + 1);
        while (peek().kind() == Token.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            String op = next().text();
            Expr right = binary(level + 1);
            left = new Expr.Binary(op, left, right, span(left.span().start(), right.span().end()));
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("-") || t.is("~") || t.is("!") || t.is("+")) {
            next();
            Expr e = unary();
            return t.is("+") ? e : new Expr.Unary(t.text(), e, span(t.start(), e.span().end()));
        }
        return primary();
    }

    private Expr primary() {
        Token t = next();
        return switch (t.kind()) {
            case NUMBER -> new Expr.Num(t.value(), span(t));
            case IDENT -> t.text().equals(".") ? new Expr.Dot(span(t)) : new Expr.Sym(t.text(), span(t));
            case PUNCT -> {
                if (t.is("(")) {
                    Expr e = expression();
                    expect(")", "')'");
                    yield e;
                }
                throw error(t, "expected an expression, found " + t.describe());
            }
            default -> throw error(t, "expected an expression, found " + t.describe());
        };
    }
}
