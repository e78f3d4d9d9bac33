package org.machr.codegen.aarch64.asm;

import java.util.List;
import org.machr.codegen.aarch64.GpReg;

/** One parsed instruction operand, with its source span. */
sealed interface Operand {

    int start();

    int end();

    record Reg(GpReg reg, int start, int end) implements Operand {}

    /**
     * An immediate or address expression; {@code hash} if written with {@code #}; {@code modifier} is
     * {@code lo12} for {@code :lo12:expr}, else {@code null}.
     */
    record Imm(Expr expr, String modifier, boolean hash, int start, int end) implements Operand {}

    /** {@code [base, rest…]} and an optional {@code !}. */
    record Mem(Reg base, List<Operand> rest, boolean writeback, int start, int end) implements Operand {}

    /** A shift or extend: {@code lsl #3}, {@code uxtw}, {@code sxtx #2}. */
    record ShiftOp(String kind, Expr amount, int start, int end) implements Operand {}
}
