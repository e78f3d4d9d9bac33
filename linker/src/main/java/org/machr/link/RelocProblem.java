package org.machr.link;

/**
 * Why a relocation could not be applied: its value overflows the field, or is not a multiple of what the
 * instruction encodes. {@code detail} states the value and the allowed range, e.g.
 * {@code 0x8000000 is not in [-0x8000000, 0x7fffffc]}.
 */
public record RelocProblem(LinkCode code, String detail) {

    static RelocProblem overflow(long value, long min, long max) {
        return new RelocProblem(LinkCode.RELOCATION_OVERFLOW,
                hex(value) + " is not in [" + hex(min) + ", " + hex(max) + "]");
    }

    static RelocProblem misaligned(long value, int multiple) {
        return new RelocProblem(LinkCode.RELOCATION_MISALIGNED, hex(value) + " is not a multiple of " + multiple);
    }

    static String hex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }
}
