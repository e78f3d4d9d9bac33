package org.machr.mig.cpp;

import java.util.Arrays;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Splits one file into preprocessing tokens (C11 5.1.1.2 phases 1–3): backslash-newline pairs are
 * spliced away, comments ({@code /* *}{@code /} and {@code //}) become white space, and each token
 * remembers its original offset, line and column.
 */
final class PpLexer {

    private static final String[] PUNCTUATORS = {
        "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=",
        "%=", "+=", "-=", "&=", "^=", "|=", "##",
        "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?",
        ":", ";", "=", ",", "#"};

    private final FileContext context;
    private final Diagnostics diagnostics;
    private final char[] chars;
    /** For each spliced character, its offset in the original text. */
    private final int[] origin;
    private final int[] lineStarts;
    private int pos;
    private boolean atLineStart = true;
    private boolean quiet;

    PpLexer(FileContext context, Diagnostics diagnostics) {
        this.context = context;
        this.diagnostics = diagnostics;
        String text = context.file().text();
        char[] spliced = new char[text.length()];
        int[] from = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                continue;
            }
            if (c == '\\' && i + 2 < text.length() && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
                i += 2;
                continue;
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') continue;
            spliced[n] = c;
            from[n++] = i;
        }
        from[n] = text.length();
        this.chars = Arrays.copyOf(spliced, n);
        this.origin = Arrays.copyOf(from, n + 1);
        this.lineStarts = lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    FileContext context() {
        return context;
    }

    /** While skipping a false conditional group, malformed literals are not reported (C11 6.10.1p6). */
    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    int physicalLine(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private int column(int offset) {
        return offset - lineStarts[physicalLine(offset) - 1] + 1;
    }

    /** The next token; an {@link PpKind#END_OF_FILE} token at the end, again and again. */
    PpToken next() {
        boolean space = skipSpace();
        int start = pos;
        if (pos >= chars.length) return token(PpKind.END_OF_FILE, "", start, space);
        char c = chars[pos];
        PpToken literal = literalWithPrefix(space);
        if (literal != null) return literal;
        if (isIdentifierStart(c)) {
            while (pos < chars.length && isIdentifierPart(chars[pos])) pos++;
            return token(PpKind.IDENTIFIER, text(start), start, space);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < chars.length && Character.isDigit(chars[pos + 1]))) {
            pos++;
            while (pos < chars.length) {
                char d = chars[pos];
                if ((d == '+' || d == '-') && "eEpP".indexOf(chars[pos - 1]) >= 0) pos++;
                else if (isIdentifierPart(d) || d == '.') pos++;
                else break;
            }
            return token(PpKind.NUMBER, text(start), start, space);
        }
        for (String p : PUNCTUATORS) {
            if (startsWith(p)) {
                pos += p.length();
                return token(PpKind.PUNCTUATOR, p, start, space);
            }
        }
        pos++;
        return token(PpKind.OTHER, String.valueOf(c), start, space);
    }

    /**
     * After {@code #include}: a {@code <name>} header name, read as one token (C11 6.4.7), or null
     * when the line does not continue with {@code <}.
     */
    PpToken headerName() {
        int save = pos;
        boolean space = skipSpace();
        if (pos < chars.length && chars[pos] == '<' && !atLineStart) {
            int start = pos;
            int end = pos + 1;
            while (end < chars.length && chars[end] != '>' && chars[end] != '\n') end++;
            if (end < chars.length && chars[end] == '>') {
                pos = end + 1;
                return token(PpKind.STRING, text(start), start, space);
            }
        }
        pos = save;
        return null;
    }

    /** Skips white space and comments; true when any was skipped. Notes line starts. */
    private boolean skipSpace() {
        boolean space = false;
        while (pos < chars.length) {
            char c = chars[pos];
            if (c == '\n') {
                atLineStart = true;
                space = false;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r') {
                space = true;
                pos++;
            } else if (startsWith("/*")) {
                int end = indexOf("*/", pos + 2);
                if (end < 0) {
                    report(CppCode.UNTERMINATED_COMMENT, pos, 2, "unterminated comment");
                    pos = chars.length;
                } else {
                    pos = end + 2;
                }
                space = true;
            } else if (startsWith("//")) {
                while (pos < chars.length && chars[pos] != '\n') pos++;
                space = true;
            } else {
                break;
            }
        }
        return space;
    }

    /** A character constant or string literal, with an optional {@code L}, {@code u}, {@code U} or {@code u8}. */
    private PpToken literalWithPrefix(boolean space) {
        int start = pos;
        int q = pos;
        if (startsWith("u8")) q += 2;
        else if (chars[q] == 'L' || chars[q] == 'u' || chars[q] == 'U') q++;
        if (q >= chars.length || (chars[q] != '\'' && chars[q] != '"')) return null;
        char quote = chars[q];
        int end = q + 1;
        while (end < chars.length && chars[end] != quote && chars[end] != '\n') {
            end += chars[end] == '\\' && end + 1 < chars.length && chars[end + 1] != '\n' ? 2 : 1;
        }
        if (end >= chars.length || chars[end] != quote) {
            if (q > start) return null; // the prefix is an identifier; the quote comes next
            if (!quiet) report(CppCode.UNTERMINATED_LITERAL, start, 1, "missing terminating " + quote + " character");
            pos = start + 1;
            return token(PpKind.OTHER, String.valueOf(quote), start, space);
        }
        pos = end + 1;
        return token(quote == '\'' ? PpKind.CHARACTER : PpKind.STRING, text(start), start, space);
    }

    private PpToken token(PpKind kind, String text, int start, boolean space) {
        int offset = origin[start];
        int line = physicalLine(offset);
        PpToken t = new PpToken(kind, text, context, offset, context.presumedLine(line), column(offset),
                context.presumedName(), atLineStart, space, Set.of(), false);
        if (kind != PpKind.END_OF_FILE) atLineStart = false;
        return t;
    }

    private void report(CppCode code, int start, int length, String message) {
        int from = origin[Math.min(start, chars.length)];
        int to = origin[Math.min(start + length, chars.length)];
        SourceFile file = context.file();
        diagnostics.report(new org.machr.diag.Diagnostic(code.severity(), code, new Span(file, from, Math.max(from, to)),
                message, java.util.List.of()));
    }

    private String text(int start) {
        return new String(chars, start, pos - start);
    }

    private boolean startsWith(String s) {
        if (pos + s.length() > chars.length) return false;
        for (int i = 0; i < s.length(); i++) if (chars[pos + i] != s.charAt(i)) return false;
        return true;
    }

    private int indexOf(String s, int from) {
        outer:
        for (int i = from; i + s.length() <= chars.length; i++) {
            for (int j = 0; j < s.length(); j++) if (chars[i + j] != s.charAt(j)) continue outer;
            return i;
        }
        return -1;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c);
    }
}
