package org.machr.link;

import java.util.Optional;

/**
 * Applies AArch64 relocations: one switch over {@link A64Reloc}, with the range and alignment checks of
 * "ELF for the Arm 64-bit Architecture" section 5.7 and the instruction fields of the Arm ARM (C4.1).
 */
public final class A64Relocator {

    private A64Relocator() {}

    /**
     * Patches {@code buf} at {@code at}, where the place's address is {@code p}, for symbol address {@code s}
     * and addend {@code a}; returns the problem instead when the value does not fit.
     */
    public static Optional<RelocProblem> apply(A64Reloc kind, byte[] buf, int at, long s, long a, long p) {
        return switch (kind) {
            case CALL26, JUMP26 -> branch(buf, at, s + a - p, 26, 0);
            case CONDBR19, LD_PREL_LO19 -> branch(buf, at, s + a - p, 19, 5);
            case TSTBR14 -> branch(buf, at, s + a - p, 14, 5);
            case ADR_PREL_LO21 -> adr(buf, at, s + a - p);
            case ADR_PREL_PG_HI21 -> adrp(buf, at, page(s + a) - page(p));
            case ADD_ABS_LO12_NC -> lo12(buf, at, s + a, 0);
            case LDST8_ABS_LO12_NC -> lo12(buf, at, s + a, 0);
            case LDST16_ABS_LO12_NC -> lo12(buf, at, s + a, 1);
            case LDST32_ABS_LO12_NC -> lo12(buf, at, s + a, 2);
            case LDST64_ABS_LO12_NC -> lo12(buf, at, s + a, 3);
            case LDST128_ABS_LO12_NC -> lo12(buf, at, s + a, 4);
            case ABS64 -> data64(buf, at, s + a);
            case ABS32 -> data32(buf, at, s + a);
            case PREL64 -> data64(buf, at, s + a - p);
            case PREL32 -> data32(buf, at, s + a - p);
        };
    }

    static long page(long address) {
        return address & ~0xfffL;
    }

    /** B/BL imm26 at bit 0, B.cond/CBZ/LDR-literal imm19 and TBZ imm14 at bit 5; word offsets. */
    private static Optional<RelocProblem> branch(byte[] buf, int at, long x, int bits, int lsb) {
        long limit = 1L << (bits + 1);
        if (x < -limit || x >= limit) return Optional.of(RelocProblem.overflow(x, -limit, limit - 4));
        if ((x & 3) != 0) return Optional.of(RelocProblem.misaligned(x, 4));
        long mask = (1L << bits) - 1;
        insert(buf, at, mask << lsb, ((x >> 2) & mask) << lsb);
        return Optional.empty();
    }

    /** ADR: immlo (bits 30:29) and immhi (bits 23:5) hold a byte offset of +/-1 MiB. */
    private static Optional<RelocProblem> adr(byte[] buf, int at, long x) {
        long limit = 1L << 20;
        if (x < -limit || x >= limit) return Optional.of(RelocProblem.overflow(x, -limit, limit - 1));
        insertAdrImmediate(buf, at, x);
        return Optional.empty();
    }

    /** ADRP: the same fields hold a page offset of +/-4 GiB. */
    private static Optional<RelocProblem> adrp(byte[] buf, int at, long x) {
        long limit = 1L << 32;
        if (x < -limit || x >= limit) return Optional.of(RelocProblem.overflow(x, -limit, limit - 4096));
        insertAdrImmediate(buf, at, x >> 12);
        return Optional.empty();
    }

    private static void insertAdrImmediate(byte[] buf, int at, long imm) {
        long fields = ((imm & 3) << 29) | (((imm >> 2) & 0x7ffff) << 5);
        insert(buf, at, (3L << 29) | (0x7ffffL << 5), fields);
    }

    /** ADD/LDR/STR (unsigned offset) imm12 at bits 21:10, scaled by the access size 2^shift. */
    private static Optional<RelocProblem> lo12(byte[] buf, int at, long value, int shift) {
        long lo = value & 0xfff;
        if ((lo & ((1L << shift) - 1)) != 0) return Optional.of(RelocProblem.misaligned(lo, 1 << shift));
        insert(buf, at, 0xfffL << 10, (lo >> shift) << 10);
        return Optional.empty();
    }

    private static Optional<RelocProblem> data64(byte[] buf, int at, long value) {
        Bytes.putLe(buf, at, 8, value);
        return Optional.empty();
    }

    /** 32-bit data accepts signed or unsigned interpretations: [-2^31, 2^32). */
    private static Optional<RelocProblem> data32(byte[] buf, int at, long value) {
        if (value < Integer.MIN_VALUE || value > 0xffffffffL) {
            return Optional.of(RelocProblem.overflow(value, Integer.MIN_VALUE, 0xffffffffL));
        }
        Bytes.putLe(buf, at, 4, value);
        return Optional.empty();
    }

    private static void insert(byte[] buf, int at, long mask, long bits) {
        long insn = Bytes.getLe(buf, at, 4);
        Bytes.putLe(buf, at, 4, (insn & ~mask) | (bits & mask));
    }
}
