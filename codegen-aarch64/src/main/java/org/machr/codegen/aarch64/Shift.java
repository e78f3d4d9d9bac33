package org.machr.codegen.aarch64;

/** A shifted-register operand's shift: amount 0..63 (0..31 for 32-bit operations, checked at use). */
public record Shift(ShiftType type, int amount) {
    public static final Shift NONE = new Shift(ShiftType.LSL, 0);

    public Shift {
        InvalidOperandException.check(amount >= 0 && amount <= 63, "shift amount " + amount + " is not in 0..63");
    }

    void checkWidth(boolean is64) {
        InvalidOperandException.check(is64 || amount <= 31, "shift amount " + amount + " is not in 0..31 for a 32-bit operation");
    }
}
