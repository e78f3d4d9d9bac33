package org.machr.kd.ir;

/**
 * An integer immediate. The value is kept in canonical form: truncated to the type's width and
 * sign-extended to 64 bits, so {@code Imm(I8, 255)} equals {@code Imm(I8, -1)}.
 */
public record Imm(IrType type, long value) implements Operand {

    public Imm {
        if (type == null) throw new IllegalArgumentException("type is required");
        value = type.canonical(value);
    }

    public static Imm i8(long v) { return new Imm(IrType.I8, v); }
    public static Imm i16(long v) { return new Imm(IrType.I16, v); }
    public static Imm i32(long v) { return new Imm(IrType.I32, v); }
    public static Imm i64(long v) { return new Imm(IrType.I64, v); }
    public static Imm bool(boolean b) { return new Imm(IrType.BOOL, b ? 1 : 0); }

    /** The value zero-extended from the type's width. */
    public long unsignedValue() {
        return type.unsigned(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
