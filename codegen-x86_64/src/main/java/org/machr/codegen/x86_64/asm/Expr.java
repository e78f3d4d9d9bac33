package org.machr.codegen.x86_64.asm;

import org.machr.diag.Span;

/** An assembler expression: numbers, symbols, {@code .} (the current location) and C-like operators. */
sealed interface Expr {

    Span span();

    record Num(long value, Span span) implements Expr {}

    record Sym(String name, Span span) implements Expr {}

    /** {@code .}, the address of the statement being assembled. */
    record Dot(Span span) implements Expr {}

    /** {@code -e}, {@code ~e}, {@code !e}. */
    record Unary(String op, Expr operand, Span span) implements Expr {}

    /** {@code + - * / % << >> & | ^}. */
    record Binary(String op, Expr left, Expr right, Span span) implements Expr {}
}
