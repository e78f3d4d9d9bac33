package org.machr.link;

import java.util.Optional;

/**
 * Applies x86_64 relocations: one switch over {@link X64Reloc}, with the field sizes of the System V AMD64
 * psABI section 4.4 (word32: zero-extended for R_X86_64_32, sign-extended for _32S, _PC32 and _PLT32).
 */
public final class X64Relocator {

    private X64Relocator() {}

    /** Patches {@code buf} at {@code at} (address {@code p}) for symbol address {@code s} and addend {@code a}. */
    public static Optional<RelocProblem> apply(X64Reloc kind, byte[] buf, int at, long s, long a, long p) {
        return switch (kind) {
            case PC32, PLT32 -> signed32(buf, at, s + a - p);
            case ABS32S -> signed32(buf, at, s + a);
            case ABS32 -> unsigned32(buf, at, s + a);
            case ABS64 -> word64(buf, at, s + a);
            case PC64 -> word64(buf, at, s + a - p);
        };
    }

    private static Optional<RelocProblem> signed32(byte[] buf, int at, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return Optional.of(RelocProblem.overflow(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        Bytes.putLe(buf, at, 4, value);
        return Optional.empty();
    }

    private static Optional<RelocProblem> unsigned32(byte[] buf, int at, long value) {
        if (value < 0 || value > 0xffffffffL) return Optional.of(RelocProblem.overflow(value, 0, 0xffffffffL));
        Bytes.putLe(buf, at, 4, value);
        return Optional.empty();
    }

    private static Optional<RelocProblem> word64(byte[] buf, int at, long value) {
        Bytes.putLe(buf, at, 8, value);
        return Optional.empty();
    }
}
