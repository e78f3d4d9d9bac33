package org.machr.codegen.aarch64.asm;

/**
 * A token of one assembler statement.
 *
 * @param text  for IDENT the name, for NUM the literal, for STR the decoded string, for PUNCT the symbol
 * @param start offset in the source text
 * @param end   offset just past the token
 */
record Token(Kind kind, String text, long value, int start, int end) {

    enum Kind { IDENT, NUM, STR, PUNCT, LOCAL_REF }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }
}
