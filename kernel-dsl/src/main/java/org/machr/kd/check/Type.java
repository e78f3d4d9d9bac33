package org.machr.kd.check;

import java.math.BigInteger;
import java.util.List;

/** A resolved type (docs/language.md §3). Structs and enums are equal by declaration, the rest structurally. */
public sealed interface Type {

    Int U8 = new Int(IntKind.U8), U16 = new Int(IntKind.U16), U32 = new Int(IntKind.U32), U64 = new Int(IntKind.U64);
    Int I8 = new Int(IntKind.I8), I16 = new Int(IntKind.I16), I32 = new Int(IntKind.I32), I64 = new Int(IntKind.I64);
    Int USIZE = new Int(IntKind.USIZE);
    Bool BOOL = new Bool();
    Void VOID = new Void();
    Null NULL = new Null();
    Error ERROR = new Error();

    /** How the type is written in source and in diagnostics. */
    String display();

    enum IntKind {
        U8("u8", 8, false), U16("u16", 16, false), U32("u32", 32, false), U64("u64", 64, false),
        I8("i8", 8, true), I16("i16", 16, true), I32("i32", 32, true), I64("i64", 64, true),
        USIZE("usize", 64, false);

        public final String spelling;
        public final int bits;
        public final boolean signed;
        private final BigInteger min;
        private final BigInteger max;

        IntKind(String spelling, int bits, boolean signed) {
            this.spelling = spelling;
            this.bits = bits;
            this.signed = signed;
            this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            this.max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }

        public BigInteger min() {
            return min;
        }

        public BigInteger max() {
            return max;
        }

        public boolean fits(BigInteger v) {
            return v.compareTo(min()) >= 0 && v.compareTo(max()) <= 0;
        }

        /** {@code v} reduced modulo 2^bits into this type's range (wrapping, §6). */
        public BigInteger wrap(BigInteger v) {
            BigInteger m = v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            if (signed && m.testBit(bits - 1)) m = m.subtract(BigInteger.ONE.shiftLeft(bits));
            return m;
        }

        private static final IntKind[] ALL = values();

        public static IntKind byName(String name) {
            for (IntKind k : ALL) if (k.spelling.equals(name)) return k;
            return null;
        }
    }

    record Int(IntKind kind) implements Type {
        public String display() { return kind.spelling; }
    }

    record Bool() implements Type {
        public String display() { return "bool"; }
    }

    record Pointer(Type pointee, boolean nullable) implements Type {
        public String display() { return (nullable ? "?*" : "*") + pointee.display(); }
    }

    record Array(long length, Type element) implements Type {
        public String display() { return "[" + length + "]" + element.display(); }
    }

    record Slice(Type element) implements Type {
        public String display() { return "[]" + element.display(); }
    }

    record Struct(StructInfo info) implements Type {
        public String display() { return info.name(); }
    }

    record Enum(EnumInfo info) implements Type {
        public String display() { return info.name(); }
    }

    /** A function pointer type; {@code result} is {@link #VOID} for no result. */
    record Fn(List<Type> params, Type result) implements Type {
        public String display() {
            StringBuilder s = new StringBuilder("fn(");
            for (int i = 0; i < params.size(); i++) s.append(i == 0 ? "" : ", ").append(params.get(i).display());
            s.append(')');
            if (!(result instanceof Void)) s.append(" -> ").append(result.display());
            return s.toString();
        }
    }

    /** The "type" of a statement-like call with no result. */
    record Void() implements Type {
        public String display() { return "nothing"; }
    }

    /** The type of {@code null} before it meets a {@code ?*T}. */
    record Null() implements Type {
        public String display() { return "null"; }
    }

    /** A type already reported as wrong: it matches anything, so one mistake gives one diagnostic. */
    record Error() implements Type {
        public String display() { return "<error>"; }
    }

    static boolean isInt(Type t) {
        return t instanceof Int;
    }

    /** Scalars fit one register: integers, bool, enums, pointers, function pointers. */
    static boolean isScalar(Type t) {
        return t instanceof Int || t instanceof Bool || t instanceof Enum || t instanceof Pointer || t instanceof Fn;
    }
}
