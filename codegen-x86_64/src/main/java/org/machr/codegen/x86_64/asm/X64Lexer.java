package org.machr.codegen.x86_64.asm;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.x86_64.X64AsmCode;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Splits AT&amp;T assembly into {@link Token}s. Comments run from {@code #} or {@code //} to the end of
 * the line, or between {@code /*} and {@code *}{@code /}. Numbers: decimal, {@code 0x} hex, {@code 0b}
 * binary, leading-zero octal, and character constants {@code 'c'}. A bad character is reported and
 * skipped.
 */
final class X64Lexer {

    private final SourceFile file;
    private final String s;
    private final Diagnostics diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    X64Lexer(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.s = file.text();
        this.diagnostics = diagnostics;
    }

    List<Token> lex() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            int start = pos;
            if (c == '\n' || c == ';') {
                pos++;
                add(Token.Kind.EOL, c == '\n' ? "\\n" : ";", start);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int close = s.indexOf("*/", pos + 2);
                pos = close < 0 ? s.length() : close + 2;
            } else if (isIdentStart(c)) {
                while (pos < s.length() && isIdentPart(s.charAt(pos))) pos++;
                add(Token.Kind.IDENT, s.substring(start, pos), start);
            } else if (c == '%' && pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1))) {
                pos++;
                while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) pos++;
                tokens.add(new Token(Token.Kind.REGISTER, s.substring(start + 1, pos), 0, start, pos));
            } else if (Character.isDigit(c)) {
                number(start);
            } else if (c == '\'') {
                character(start);
            } else if (c == '"') {
                string(start);
            } else if ((c == '<' && peek(1) == '<') || (c == '>' && peek(1) == '>')) {
                pos += 2;
                add(Token.Kind.PUNCT, s.substring(start, pos), start);
            } else if ("$,():+-*/%|&^~!@=".indexOf(c) >= 0) {
                pos++;
                add(Token.Kind.PUNCT, String.valueOf(c), start);
            } else {
                pos++;
                diagnostics.error(X64AsmCode.BAD_CHARACTER, new Span(file, start, pos), "unexpected character '" + c + "'");
            }
        }
        add(Token.Kind.EOL, "", pos);
        add(Token.Kind.EOF, "", pos);
        return tokens;
    }

    private void number(int start) {
        int radix = 10;
        int digits = pos;
        if (s.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            radix = 16;
            digits = pos += 2;
        } else if (s.charAt(pos) == '0' && (peek(1) == 'b' || peek(1) == 'B') && isDigitIn(peek(2), 2)) {
            radix = 2;
            digits = pos += 2;
        } else if (s.charAt(pos) == '0' && Character.isDigit(peek(1))) {
            radix = 8;
        }
        while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) pos++;
        String text = s.substring(digits, pos);
        if (radix == 10 && text.matches("[0-9]+[bf]")) {             // a numeric local label reference: 1b, 2f
            tokens.add(new Token(Token.Kind.IDENT, text, 0, start, pos));
            return;
        }
        try {
            long v = Long.parseUnsignedLong(text, radix);
            tokens.add(new Token(Token.Kind.NUMBER, s.substring(start, pos), v, start, pos));
        } catch (NumberFormatException e) {
            diagnostics.error(X64AsmCode.SYNTAX, new Span(file, start, pos), "bad number '" + s.substring(start, pos) + "'");
            tokens.add(new Token(Token.Kind.NUMBER, s.substring(start, pos), 0, start, pos));
        }
    }

    private void character(int start) {
        pos++;
        int[] out = new int[1];
        if (pos < s.length() && s.charAt(pos) != '\n') {
            pos = escape(pos, out);
        }
        if (pos < s.length() && s.charAt(pos) == '\'') pos++;
        tokens.add(new Token(Token.Kind.NUMBER, s.substring(start, pos), out[0], start, pos));
    }

    private void string(int start) {
        pos++;
        StringBuilder sb = new StringBuilder();
        int[] out = new int[1];
        while (pos < s.length() && s.charAt(pos) != '"' && s.charAt(pos) != '\n') {
            pos = escape(pos, out);
            sb.append((char) out[0]);
        }
        if (pos >= s.length() || s.charAt(pos) != '"') {
            diagnostics.error(X64AsmCode.SYNTAX, new Span(file, start, pos), "unterminated string");
        } else {
            pos++;
        }
        tokens.add(new Token(Token.Kind.STRING, sb.toString(), 0, start, pos));
    }

    /** Reads one possibly escaped character at {@code p} into {@code out[0]} (a byte value); returns the next position. */
    private int escape(int p, int[] out) {
        char c = s.charAt(p);
        if (c != '\\' || p + 1 >= s.length()) {
            out[0] = c & 0xFF;
            return p + 1;
        }
        char e = s.charAt(p + 1);
        switch (e) {
            case 'n' -> out[0] = '\n';
            case 't' -> out[0] = '\t';
            case 'r' -> out[0] = '\r';
            case 'b' -> out[0] = '\b';
            case 'f' -> out[0] = '\f';
            case '\\', '"', '\'' -> out[0] = e;
            case 'x' -> {
                int q = p + 2;
                int v = 0;
                while (q < s.length() && Character.digit(s.charAt(q), 16) >= 0) v = v * 16 + Character.digit(s.charAt(q++), 16);
                out[0] = v & 0xFF;
                return q;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int q = p + 1;
                    int v = 0;
                    for (int i = 0; i < 3 && q < s.length() && s.charAt(q) >= '0' && s.charAt(q) <= '7'; i++) v = v * 8 + (s.charAt(q++) - '0');
                    out[0] = v & 0xFF;
                    return q;
                }
                out[0] = e;
            }
        }
        return p + 2;
    }

    private static boolean isDigitIn(char c, int radix) {
        return Character.digit(c, radix) >= 0;
    }

    private char peek(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
    }

    private void add(Token.Kind kind, String text, int start) {
        tokens.add(new Token(kind, text, 0, start, Math.max(start, pos)));
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
}
