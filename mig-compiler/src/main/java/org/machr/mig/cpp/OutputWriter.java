package org.machr.mig.cpp;

import java.util.List;

/**
 * Writes the preprocessed text with GNU cpp line markers ({@code # LINE "NAME" [1|2]}): a marker on
 * entering an included file (flag 1), on returning to its includer (flag 2), when a {@code #line}
 * changes the name or numbering, and instead of more than 8 blank lines. Tokens read straight from a
 * file keep their line and, where the line so far allows, their column; tokens from a macro expansion
 * appear on the line of the invocation.
 */
final class OutputWriter {

    private static final int MAX_BLANK_LINES = 8;

    private final StringBuilder out = new StringBuilder();
    private String currentName;
    private int currentLine;
    private int column;
    private boolean atLineStart = true;
    private boolean pendingSpace;
    private PpToken previous;

    /** The start of the main file. */
    void begin(FileContext main) {
        marker(1, main.presumedName(), "");
    }

    void enter(FileContext included) {
        marker(1, included.presumedName(), " 1");
    }

    void returnTo(FileContext includer, int line) {
        marker(line, includer.presumedName(), " 2");
    }

    void token(PpToken t) {
        if (t.kind() == PpKind.PLACEMARKER) {
            pendingSpace |= t.spaceBefore();
            return;
        }
        if (!t.presumedName().equals(currentName)) {
            marker(t.line(), t.presumedName(), "");
        } else if (t.line() > currentLine) {
            int gap = t.line() - currentLine;
            if (gap > MAX_BLANK_LINES) {
                marker(t.line(), t.presumedName(), "");
            } else {
                out.append("\n".repeat(gap));
                currentLine = t.line();
                lineStart();
            }
        } else if (t.line() < currentLine && !t.expanded()) {
            marker(t.line(), t.presumedName(), "");
        }
        int want = t.column() - 1;
        if (atLineStart || (!t.expanded() && column < want)) {
            pad(Math.max(want - column, atLineStart ? 0 : 1));
        } else if (t.spaceBefore() || pendingSpace
                || previous != null && (t.expanded() || previous.expanded()) && wouldPaste(previous, t)) {
            pad(1);
        }
        out.append(t.text());
        column += t.text().length();
        atLineStart = false;
        pendingSpace = false;
        previous = t;
    }

    String finish() {
        if (!atLineStart) out.append('\n');
        atLineStart = true;
        return out.toString();
    }

    private void marker(int line, String name, String flag) {
        if (!atLineStart || out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
        out.append("# ").append(line).append(' ').append(MacroExpander.quote(name)).append(flag).append('\n');
        currentName = name;
        currentLine = line;
        lineStart();
    }

    private void lineStart() {
        atLineStart = true;
        column = 0;
        previous = null;
        pendingSpace = false;
    }

    private void pad(int n) {
        out.append(" ".repeat(n));
        column += n;
    }

    /** Would writing {@code b} right after {@code a} make the text read back as different tokens? */
    static boolean wouldPaste(PpToken a, PpToken b) {
        if (a == null) return false;
        char x = a.text().charAt(a.text().length() - 1);
        char y = b.text().charAt(0);
        if ((PpLexer.isIdentifierPart(x) || x == '.') && (PpLexer.isIdentifierPart(y) || y == '.')) return true;
        if (a.kind() == PpKind.NUMBER && (y == '+' || y == '-')) return true;
        if (a.kind() == PpKind.IDENTIFIER && (y == '\'' || y == '"')) return true;
        if ((a.kind() == PpKind.PUNCTUATOR || a.kind() == PpKind.OTHER)
                && (b.kind() == PpKind.PUNCTUATOR || b.kind() == PpKind.OTHER)) {
            List<PpToken> back = MacroExpander.relex(a.text() + b.text());
            return back.size() != 2 || !back.getFirst().text().equals(a.text());
        }
        return false;
    }
}
