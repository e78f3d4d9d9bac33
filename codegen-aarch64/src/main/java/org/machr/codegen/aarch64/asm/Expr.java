package org.machr.codegen.aarch64.asm;

/** An assembler expression; spans are offsets into the source. Symbols may be defined later. */
sealed interface Expr {

    int start();

    int end();

    record Num(long value, int start, int end) implements Expr {}

    /** A symbol: a label, a {@code .equ} name, an external symbol, or a synthetic label for {@code .}. */
    record Sym(String name, int start, int end) implements Expr {}

    record Unary(String op, Expr operand, int start, int end) implements Expr {}

    record Binary(String op, Expr left, Expr right, int start, int end) implements Expr {}
}
