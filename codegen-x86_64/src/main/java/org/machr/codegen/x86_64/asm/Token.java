package org.machr.codegen.x86_64.asm;

/**
 * A token of AT&amp;T assembly: its kind, text and the offsets {@code [start, end)} in the source.
 * For {@link Kind#NUMBER} {@code value} holds the number; for {@link Kind#STRING} {@code text} holds the
 * string with escapes decoded.
 */
record Token(Kind kind, String text, long value, int start, int end) {

    enum Kind {
        /** a name: mnemonic, directive ({@code .text}), symbol or label */
        IDENT,
        /** {@code %rax} — text is the name without {@code %} */
        REGISTER,
        NUMBER,
        STRING,
        /** one of {@code $ , ( ) : + - * / % << >> | & ^ ~ ! @ =} */
        PUNCT,
        /** end of a statement: newline or {@code ;} */
        EOL,
        EOF
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    String describe() {
        return switch (kind) {
            case EOL -> "end of line";
            case EOF -> "end of file";
            case STRING -> "string";
            case REGISTER -> "'%" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
