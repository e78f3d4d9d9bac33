package org.machr.codegen.x86_64;

/**
 * An immediate: a number, or a symbol's address plus {@code value} when {@code target} is set. Whether
 * it fits is checked against the field it is encoded into (imm8/16/32/64; Intel SDM Vol. 2A §2.2.1.5),
 * so the same number can be legal in one instruction and rejected in another.
 */
public record Imm(long value, Target target) implements Operand {

    public static Imm of(long value) {
        return new Imm(value, null);
    }

    /**
     * An immediate for a field of {@code size}, validated: it must fit as a signed or unsigned number of
     * that many bits (for QWORD any value; the encoder still checks the field it picks, e.g. imm32).
     *
     * @throws IllegalArgumentException naming the value and the range
     */
    public static Imm of(long value, OpSize size) {
        if (!size.fitsSignedOrUnsigned(value)) {
            long min = -(1L << (size.bits() - 1));
            long max = (1L << size.bits()) - 1;
            throw new IllegalArgumentException("immediate " + value + " does not fit " + size.bits() + " bits (range [" + min + ", " + max + "])");
        }
        return new Imm(value, null);
    }

    public static Imm symbol(String name, long addend) {
        return new Imm(addend, Target.symbol(name));
    }

    public boolean isSymbolic() {
        return target != null;
    }

    /** A plain number that fits a sign-extended 8-bit field. */
    public boolean fitsSigned8() {
        return target == null && value >= -128 && value <= 127;
    }

    public boolean fitsSigned32() {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }
}
