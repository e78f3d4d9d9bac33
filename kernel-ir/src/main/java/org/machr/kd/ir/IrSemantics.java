package org.machr.kd.ir;

/**
 * The arithmetic of the IR on canonical values (see {@link Imm}), in one place: constant folding
 * uses it, and backends are tested against it.
 */
public final class IrSemantics {
    private IrSemantics() {}

    /** Thrown by {@link #binary} for a zero divisor. */
    public static final class DivisionByZero extends ArithmeticException {
        public DivisionByZero() {
            super("division by zero");
        }
    }

    public static long binary(BinOp op, IrType t, long a, long b) {
        int bits = t.bits();
        long ua = t.unsigned(a), ub = t.unsigned(b);
        long r = switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case SDIV -> {
                if (b == 0) throw new DivisionByZero();
                yield b == -1 ? -a : a / b;
            }
            case SREM -> {
                if (b == 0) throw new DivisionByZero();
                yield b == -1 ? 0 : a % b;
            }
            case UDIV -> {
                if (ub == 0) throw new DivisionByZero();
                yield Long.divideUnsigned(ua, ub);
            }
            case UREM -> {
                if (ub == 0) throw new DivisionByZero();
                yield Long.remainderUnsigned(ua, ub);
            }
            case SHL -> a << shiftAmount(bits, b);
            case LSHR -> ua >>> shiftAmount(bits, b);
            case ASHR -> a >> shiftAmount(bits, b);
        };
        return t.canonical(r);
    }

    /** The shift amount actually used: {@code b} modulo the bit width. */
    public static int shiftAmount(int bits, long b) {
        return (int) (b & (bits - 1));
    }

    public static long unary(UnOp op, IrType t, long a) {
        return t.canonical(switch (op) {
            case NEG -> -a;
            case NOT -> ~a;
        });
    }

    public static long convert(ConvOp op, IrType from, IrType to, long a) {
        return switch (op) {
            case SEXT, TRUNC -> to.canonical(a);
            case ZEXT -> to.canonical(from.unsigned(a));
        };
    }

    public static boolean compare(Cond c, IrType t, long a, long b) {
        long ua = t.unsigned(a), ub = t.unsigned(b);
        return switch (c) {
            case EQ -> a == b;
            case NE -> a != b;
            case SLT -> a < b;
            case SLE -> a <= b;
            case SGT -> a > b;
            case SGE -> a >= b;
            case ULT -> Long.compareUnsigned(ua, ub) < 0;
            case ULE -> Long.compareUnsigned(ua, ub) <= 0;
            case UGT -> Long.compareUnsigned(ua, ub) > 0;
            case UGE -> Long.compareUnsigned(ua, ub) >= 0;
        };
    }
}
