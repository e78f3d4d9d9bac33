package org.machr.codegen.aarch64;

/**
 * An operand that the instruction cannot encode (immediate out of range, SP where only XZR is allowed,
 * mixed register widths). Thrown by the validating constructors of operand and instruction records; the
 * assembler turns it into a diagnostic at the operand, so users never see it as an exception.
 */
public final class InvalidOperandException extends IllegalArgumentException {
    public InvalidOperandException(String message) {
        super(message);
    }

    static void check(boolean ok, String message) {
        if (!ok) throw new InvalidOperandException(message);
    }
}
