package org.machr.codegen.x86_64.asm;

import java.util.List;
import org.machr.codegen.x86_64.X64Mode;
import org.machr.diag.Span;

/** One piece of a section's contents in source order; the assembler lays them out and encodes them. */
sealed interface Item {

    /** A label definition: takes no space. */
    record Label(String name, Span span) implements Item {}

    /** An instruction; {@code shortBranch} is the relaxation state of a direct jmp/jcc. */
    final class Insn implements Item {
        final Statement.Instruction statement;
        final X64Mode mode;
        boolean shortBranch;
        int size;

        Insn(Statement.Instruction statement, X64Mode mode) {
            this.statement = statement;
            this.mode = mode;
        }
    }

    /** {@code .byte/.word/.long/.quad}: values of {@code width} bytes. */
    record Data(List<Expr> values, int width, Span span) implements Item {}

    /** Literal bytes ({@code .ascii}, {@code .asciz}). */
    record Bytes(byte[] bytes) implements Item {}

    /** {@code count} copies of a {@code width}-byte {@code value} ({@code .skip}, {@code .zero}, {@code .fill}). */
    record Fill(long count, int width, long value) implements Item {}

    /**
     * Padding to a multiple of {@code alignment}: with {@code fill}, or with NOPs in code when {@code fill}
     * is null; no padding if more than {@code maxSkip} bytes would be needed.
     */
    record Align(long alignment, Long fill, long maxSkip, X64Mode mode) implements Item {}
}
