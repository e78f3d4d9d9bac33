package org.machr.codegen.aarch64.asm;

import java.util.ArrayList;
import java.util.List;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Splits an assembler source into statements of tokens. Statements end at a newline or {@code ;};
 * {@code //} and {@code /* … *}{@code /} are comments, and so is a line whose first non-blank character is
 * {@code #}. Identifiers may contain letters, digits, {@code _ . $}; {@code 1f}/{@code 1b} are references
 * to numeric local labels.
 */
final class AsmLexer {

    private final SourceFile file;
    private final String text;
    private final Diagnostics diags;
    private int pos;

    AsmLexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.text = file.text();
        this.diags = diags;
    }

    List<List<Token>> statements() {
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        boolean lineStart = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == ';') {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
                if (c == '\n') lineStart = true;
                pos++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
                continue;
            }
            if (c == '#' && lineStart) {
                skipToEol();
                continue;
            }
            lineStart = false;
            if (c == '/' && peek(1) == '/') {
                skipToEol();
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                pos = close < 0 ? text.length() : close + 2;
                continue;
            }
            Token t = next();
            if (t != null) cur.add(t);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private void skipToEol() {
        while (pos < text.length() && text.charAt(pos) != '\n') pos++;
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    private static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.' || c == '$';
    }

    private static boolean identPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (identStart(c)) {
            while (pos < text.length() && identPart(text.charAt(pos))) pos++;
            return new Token(Token.Kind.IDENT, text.substring(start, pos), 0, start, pos);
        }
        if (Character.isDigit(c)) return number(start);
        if (c == '"') return string(start);
        if (c == '\'' && pos + 2 < text.length() && text.charAt(pos + 2) == '\'') {
            pos += 3;
            return new Token(Token.Kind.NUM, text.substring(start, pos), text.charAt(start + 1), start, pos);
        }
        for (String two : new String[] {"<<", ">>", "==", "!=", "<=", ">=", "&&", "||"}) {
            if (text.startsWith(two, pos)) {
                pos += 2;
                return new Token(Token.Kind.PUNCT, two, 0, start, pos);
            }
        }
        if ("[]!#,:+-*/%()<>&|^~={}@".indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.PUNCT, String.valueOf(c), 0, start, pos);
        }
        pos++;
        diags.error(A64AsmCode.SYNTAX, new Span(file, start, pos), "unexpected character '" + c + "'");
        return null;
    }

    private Token number(int start) {
        while (pos < text.length() && identPart(text.charAt(pos))) pos++;
        String lit = text.substring(start, pos);
        if (lit.matches("\\d+[fb]")) {
            return new Token(Token.Kind.LOCAL_REF, lit, 0, start, pos);
        }
        try {
            long v;
            String l = lit.toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("0x")) v = Long.parseUnsignedLong(l.substring(2), 16);
            else if (l.startsWith("0b")) v = Long.parseUnsignedLong(l.substring(2), 2);
            else if (l.length() > 1 && l.startsWith("0")) v = Long.parseUnsignedLong(l.substring(1), 8);
            else v = Long.parseUnsignedLong(l);
            return new Token(Token.Kind.NUM, lit, v, start, pos);
        } catch (NumberFormatException e) {
            diags.error(A64AsmCode.SYNTAX, new Span(file, start, pos), "malformed number '" + lit + "'");
            return new Token(Token.Kind.NUM, lit, 0, start, pos);
        }
    }

    private Token string(int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
            char c = text.charAt(pos++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) break;
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '\\' -> sb.append('\\');
                case '"' -> sb.append('"');
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0 && digits < 2) {
                        v = v * 16 + Character.digit(text.charAt(pos++), 16);
                        digits++;
                    }
                    sb.append((char) v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                            v = v * 8 + (text.charAt(pos++) - '0');
                        }
                        sb.append((char) (v & 0xff));
                    } else {
                        diags.error(A64AsmCode.BAD_STRING, new Span(file, pos - 2, pos), "unknown escape '\\" + e + "'");
                    }
                }
            }
        }
        if (pos >= text.length() || text.charAt(pos) != '"') {
            diags.error(A64AsmCode.BAD_STRING, new Span(file, start, pos), "unterminated string");
        } else {
            pos++;
        }
        return new Token(Token.Kind.STR, sb.toString(), 0, start, pos);
    }
}
