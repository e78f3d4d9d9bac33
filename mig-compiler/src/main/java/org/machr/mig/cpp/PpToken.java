package org.machr.mig.cpp;

import java.util.Set;

/**
 * One preprocessing token and where it came from.
 *
 * @param kind         what sort of token
 * @param text         its spelling
 * @param context      the file it was read from (for a macro expansion: the file of the outermost invocation)
 * @param offset       offset of its first character in that file's text (for diagnostics)
 * @param line         the presumed line (after {@code #line}) of that character
 * @param column       1-based column of that character
 * @param presumedName the file name to show in line markers
 * @param atLineStart  first token of a line (directives are recognised by this)
 * @param spaceBefore  white space or a comment precedes it
 * @param hideset      macros that must not expand this token again (C11 6.10.3.4; Prosser's algorithm)
 * @param expanded     produced by a macro expansion, so its column says nothing
 */
record PpToken(PpKind kind, String text, FileContext context, int offset, int line, int column,
               String presumedName, boolean atLineStart, boolean spaceBefore, Set<String> hideset,
               boolean expanded) {

    boolean is(String punctuatorOrName) {
        return (kind == PpKind.PUNCTUATOR || kind == PpKind.IDENTIFIER) && text.equals(punctuatorOrName);
    }

    boolean isIdentifier() {
        return kind == PpKind.IDENTIFIER;
    }

    PpToken withHideset(Set<String> newHideset) {
        return new PpToken(kind, text, context, offset, line, column, presumedName, atLineStart, spaceBefore,
                newHideset, expanded);
    }

    PpToken withSpaceBefore(boolean space) {
        return new PpToken(kind, text, context, offset, line, column, presumedName, atLineStart, space,
                hideset, expanded);
    }

    PpToken withText(PpKind newKind, String newText) {
        return new PpToken(newKind, newText, context, offset, line, column, presumedName, atLineStart,
                spaceBefore, hideset, expanded);
    }

    /** This token as it appears in the expansion of a macro invoked at {@code site}. */
    PpToken expandedAt(PpToken site, boolean space) {
        return new PpToken(kind, text, site.context, site.offset, site.line, site.column, site.presumedName,
                false, space, hideset, true);
    }

    @Override
    public String toString() {
        return text;
    }
}
