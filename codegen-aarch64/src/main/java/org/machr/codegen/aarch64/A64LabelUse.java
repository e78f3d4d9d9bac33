package org.machr.codegen.aarch64;

import org.machr.codegen.common.LabelUseKind;

/**
 * The PC-relative fields of AArch64 instructions through which code refers to a label of the same
 * buffer (displacements relative to the instruction's own address).
 */
public enum A64LabelUse implements LabelUseKind {
    /** B, BL: imm26 in bits 25..0, word-scaled, ±128 MiB (Arm ARM C4.1.93.14). */
    BRANCH26(26, 0),
    /** B.cond, CBZ/CBNZ, LDR (literal): imm19 in bits 23..5, word-scaled, ±1 MiB. */
    BRANCH19(19, 5),
    /** TBZ/TBNZ: imm14 in bits 18..5, word-scaled, ±32 KiB. */
    BRANCH14(14, 5),
    /** ADR: immhi:immlo (bits 23..5 and 30..29), byte-granular, ±1 MiB. */
    ADR21(21, -1);

    private final int bits;
    private final int lsb;

    A64LabelUse(int bits, int lsb) {
        this.bits = bits;
        this.lsb = lsb;
    }

    @Override public int patchSize() { return 4; }

    @Override public int pcBias() { return 0; }

    @Override
    public boolean inRange(long d) {
        if (this == ADR21) return d >= -(1L << 20) && d < (1L << 20);
        return (d & 3) == 0 && (d >> 2) >= -(1L << (bits - 1)) && (d >> 2) < (1L << (bits - 1));
    }

    @Override
    public String rangeDescription() {
        return switch (this) {
            case BRANCH26 -> "±128 MiB, multiple of 4";
            case BRANCH19 -> "±1 MiB, multiple of 4";
            case BRANCH14 -> "±32 KiB, multiple of 4";
            case ADR21 -> "±1 MiB";
        };
    }

    @Override
    public long patch(long original, long d) {
        return (original & 0xffffffffL) | insert(d);
    }

    /** The displacement's bits in instruction position (assumes the field is zero). */
    long insert(long d) {
        if (this == ADR21) return ((d & 3) << 29) | (((d >> 2) & 0x7ffff) << 5);
        long field = (d >> 2) & ((1L << bits) - 1);
        return field << lsb;
    }
}
