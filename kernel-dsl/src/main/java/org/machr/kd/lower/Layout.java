package org.machr.kd.lower;

import org.machr.kd.check.Type;
import org.machr.kd.ir.IrType;

/** Sizes, alignments and IR types of checked KD types (docs/language.md §3). */
final class Layout {

    private Layout() {}

    static long size(Type t) {
        return switch (t) {
            case Type.Int i -> i.kind().bits / 8;
            case Type.Bool b -> 1;
            case Type.Pointer p -> 8;
            case Type.Fn f -> 8;
            case Type.Slice s -> 16;
            case Type.Array a -> a.length() * size(a.element());
            case Type.Struct s -> s.info().size();
            case Type.Enum e -> e.info().repr().kind().bits / 8;
            case Type.Null n -> 8;
            case Type.Void v -> 0;
            case Type.Error e -> throw new IllegalStateException("error type reached lowering");
        };
    }

    static int align(Type t) {
        return switch (t) {
            case Type.Array a -> align(a.element());
            case Type.Slice s -> 8;
            case Type.Struct s -> (int) s.info().align();
            case Type.Void v -> 1;
            default -> (int) size(t);
        };
    }

    static boolean isScalar(Type t) {
        return Type.isScalar(t) || t instanceof Type.Null;
    }

    static boolean isAggregate(Type t) {
        return t instanceof Type.Struct || t instanceof Type.Array;
    }

    /** The IR type of a scalar KD type. */
    static IrType ir(Type t) {
        return IrType.ofBytes((int) size(t));
    }

    static boolean signed(Type t) {
        return switch (t) {
            case Type.Int i -> i.kind().signed;
            case Type.Enum e -> e.info().repr().kind().signed;
            default -> false;
        };
    }
}
