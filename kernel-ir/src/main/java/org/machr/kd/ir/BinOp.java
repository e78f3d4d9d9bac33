package org.machr.kd.ir;

/**
 * Two-operand integer operations. Both operands and the result have the instruction's type.
 * Arithmetic wraps (two's complement). Semantics, which every backend must reproduce:
 * <ul>
 * <li>{@code SDIV}/{@code UDIV}/{@code SREM}/{@code UREM}: a zero divisor panics with
 *     {@code "division by zero"} at the instruction's location; {@code MIN / -1} wraps to {@code MIN}
 *     and {@code MIN % -1} is 0. Signed division truncates toward zero; the remainder has the sign of
 *     the dividend.</li>
 * <li>Shifts: the amount is taken modulo the bit width (the AArch64 {@code LSLV} rule), so backends
 *     whose hardware masks differently (x86 for 8/16-bit) mask explicitly. A language that wants
 *     other semantics for large amounts lowers them with a compare and {@code select}.</li>
 * </ul>
 */
public enum BinOp {
    ADD, SUB, MUL, SDIV, UDIV, SREM, UREM, AND, OR, XOR, SHL, LSHR, ASHR;

    /** Whether the operation can panic (and so needs a location). */
    public boolean canPanic() {
        return this == SDIV || this == UDIV || this == SREM || this == UREM;
    }

    public boolean commutative() {
        return this == ADD || this == MUL || this == AND || this == OR || this == XOR;
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
