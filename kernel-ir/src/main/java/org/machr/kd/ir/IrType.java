package org.machr.kd.ir;

/**
 * The scalar types of the IR. Pointers and addresses are {@link #I64}; booleans are {@link #I8}
 * holding 0 or 1. Signedness is not part of a type: operations that care (division, compares,
 * extensions, loads) say which interpretation they use.
 */
public enum IrType {
    I8(8), I16(16), I32(32), I64(64);

    private final int bits;

    IrType(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    /** The type used for addresses and pointers. */
    public static final IrType PTR = I64;

    /** The type of a boolean (compare results, branch conditions). */
    public static final IrType BOOL = I8;

    /** {@code value} truncated to this width and sign-extended back to 64 bits: the canonical form. */
    public long canonical(long value) {
        return switch (this) {
            case I8 -> (byte) value;
            case I16 -> (short) value;
            case I32 -> (int) value;
            case I64 -> value;
        };
    }

    /** {@code value} truncated to this width and zero-extended to 64 bits. */
    public long unsigned(long value) {
        return bits == 64 ? value : value & ((1L << bits) - 1);
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type for a byte width of 1, 2, 4 or 8. */
    public static IrType ofBytes(int bytes) {
        return switch (bytes) {
            case 1 -> I8;
            case 2 -> I16;
            case 4 -> I32;
            case 8 -> I64;
            default -> throw new IllegalArgumentException("no scalar type of " + bytes + " bytes");
        };
    }
}
