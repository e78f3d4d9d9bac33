package org.machr.codegen.x86_64;

/**
 * An operand size and its AT&amp;T mnemonic suffix (Intel SDM Vol. 1 §4.1, "Fundamental data types";
 * Vol. 2A §2.2.1.2 for how REX.W and the 66h prefix select the size).
 */
public enum OpSize {
    BYTE(8, 'b'),
    WORD(16, 'w'),
    DWORD(32, 'l'),
    QWORD(64, 'q');

    private final int bits;
    private final char suffix;

    OpSize(int bits, char suffix) {
        this.bits = bits;
        this.suffix = suffix;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    /** The AT&amp;T suffix: {@code b}, {@code w}, {@code l} or {@code q}. */
    public char suffix() {
        return suffix;
    }

    /** Whether {@code value} fits this size as a signed or an unsigned number (how assemblers accept immediates). */
    public boolean fitsSignedOrUnsigned(long value) {
        if (this == QWORD) return true;
        long min = -(1L << (bits - 1));
        long max = (1L << bits) - 1;
        return value >= min && value <= max;
    }

    public static OpSize ofSuffix(char c) {
        for (OpSize s : values()) if (s.suffix == c) return s;
        return null;
    }
}
