package org.machr.codegen.aarch64;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A logical immediate: a rotated run of ones replicated across the register in elements of 2, 4, 8,
 * 16, 32 or 64 bits, encoded as N:immr:imms (Arm ARM C6.2 "Logical (immediate)"; the decoding is the
 * {@code DecodeBitMasks} pseudocode of Arm ARM J1.1.3).
 *
 * @param value the immediate as an unsigned value of the operation's width
 */
public record BitmaskImm(long value, boolean is64) {

    public BitmaskImm {
        if (!is64) {
            InvalidOperandException.check(value >= Integer.MIN_VALUE && value <= 0xffffffffL,
                    "immediate " + value + " does not fit 32 bits");
            value &= 0xffffffffL;
        }
        InvalidOperandException.check(encodeOrMinus1(value, is64) >= 0,
                "immediate 0x" + Long.toHexString(value) + " is not a valid logical (bitmask) immediate");
    }

    public static Optional<BitmaskImm> tryOf(long value, boolean is64) {
        if (!is64 && (value < Integer.MIN_VALUE || value > 0xffffffffL)) return Optional.empty();
        long v = is64 ? value : value & 0xffffffffL;
        return encodeOrMinus1(v, is64) < 0 ? Optional.empty() : Optional.of(new BitmaskImm(v, is64));
    }

    /** The 13-bit N:immr:imms field (N in bit 12). */
    public int encoding() {
        return encodeOrMinus1(value, is64);
    }

    private static int encodeOrMinus1(long value, boolean is64) {
        long v = is64 ? value : (value & 0xffffffffL) | (value << 32);
        if (v == 0 || v == -1) return -1;
        int esize = 64;
        while (esize > 2) {
            int half = esize / 2;
            long mask = (1L << half) - 1;
            if ((v & mask) != ((v >>> half) & mask)) break;
            esize = half;
        }
        if (!is64 && esize == 64) return -1;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long elem = v & emask;
        int ones = Long.bitCount(elem);
        long run = ones == 64 ? -1L : (1L << ones) - 1;
        for (int r = 0; r < esize; r++) {
            long rotated = r == 0 ? run : ((run >>> r) | (run << (esize - r))) & emask;
            if (rotated == elem) {
                int n = esize == 64 ? 1 : 0;
                int imms = ((-esize << 1) & 0x3f) | (ones - 1);
                return (n << 12) | (r << 6) | imms;
            }
        }
        return -1;
    }

    /** The immediate encoded by N:immr:imms, or empty if the encoding is reserved. */
    public static OptionalLong decode(int n, int immr, int imms, boolean is64) {
        if (!is64 && n != 0) return OptionalLong.empty();
        int combined = (n << 6) | (~imms & 0x3f);
        if (combined == 0) return OptionalLong.empty();
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1) return OptionalLong.empty();
        int levels = (1 << len) - 1;
        if ((imms & levels) == levels) return OptionalLong.empty();
        int s = imms & levels;
        int r = immr & levels;
        int esize = 1 << len;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long welem = s + 1 == 64 ? -1L : (1L << (s + 1)) - 1;
        long rotated = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
        long result = 0;
        for (int i = 0; i < 64; i += esize) result |= rotated << i;
        return OptionalLong.of(is64 ? result : result & 0xffffffffL);
    }
}
