package org.machr.codegen.aarch64;

/**
 * The unsigned 12-bit immediate of ADD/SUB (immediate), optionally shifted left by 12 (Arm ARM C6.2.4).
 *
 * @param value    0..4095, the encoded field
 * @param shift12  whether the field is shifted left by 12
 */
public record Imm12(int value, boolean shift12) {
    public Imm12 {
        InvalidOperandException.check(value >= 0 && value <= 4095, "immediate " + value + " is not in 0..4095");
    }

    /** The immediate for {@code v}: unshifted if it fits 12 bits, else shifted if its low 12 bits are 0. */
    public static Imm12 of(long v) {
        if (v >= 0 && v <= 4095) return new Imm12((int) v, false);
        if (v > 0 && v <= 0xfff000L && (v & 0xfff) == 0) return new Imm12((int) (v >> 12), true);
        throw new InvalidOperandException("immediate " + v + " is not a 12-bit value optionally shifted by 12");
    }

    /** The value the instruction adds. */
    public long effective() {
        return shift12 ? (long) value << 12 : value;
    }
}
