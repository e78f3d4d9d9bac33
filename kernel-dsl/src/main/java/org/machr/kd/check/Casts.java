package org.machr.kd.check;

import java.math.BigInteger;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/** The {@code as} conversions of docs/language.md §5.4 and which of them need {@code unsafe}. */
final class Casts {

    private final Checker checker;
    private final ExprChecker exprs;

    Casts(Checker checker, ExprChecker exprs) {
        this.checker = checker;
        this.exprs = exprs;
    }

    Type cast(Expr.Cast cast, Ctx c) {
        Type to = checker.types.resolve(cast.type(), c.module);
        Type from = exprs.value(cast.value(), literalType(cast.value(), to), c);
        if (from instanceof Type.Error || to instanceof Type.Error) return to;
        if (from.equals(to)) return to;
        boolean addressInt = to instanceof Type.Int i && (i.kind() == Type.IntKind.USIZE || i.kind() == Type.IntKind.U64);
        switch (from) {
            case Type.Int i when to instanceof Type.Int -> { return to; }
            case Type.Bool b when to instanceof Type.Int -> { return to; }
            case Type.Enum e when to instanceof Type.Int -> { return to; }
            case Type.Int i when to instanceof Type.Enum -> {
                exprs.unsafeOperation(cast.span(), "enum cast", c);
                return to;
            }
            case Type.Pointer p when addressInt -> { return to; }
            case Type.Fn f when addressInt -> { return to; }
            case Type.Int i when to instanceof Type.Pointer
                    && (i.kind() == Type.IntKind.USIZE || i.kind() == Type.IntKind.U64) -> {
                exprs.unsafeOperation(cast.span(), "pointer cast", c);
                return to;
            }
            case Type.Null n when to instanceof Type.Pointer p && p.nullable() -> { return to; }
            case Type.Pointer p when to instanceof Type.Pointer q -> {
                if (p.pointee().equals(q.pointee()) && (q.nullable() || !p.nullable())) return to;
                if (p.nullable() && !q.nullable()) break;
                exprs.unsafeOperation(cast.span(), "pointer cast", c);
                return to;
            }
            default -> { }
        }
        checker.diagnostics.error(KdCode.KD0203, cast.span(), "cannot cast '" + from.display() + "' to '" + to.display() + "'");
        return Type.ERROR;
    }

    /**
     * A literal operand of {@code as} takes the target type when it fits there, a pointer target
     * means {@code usize}, otherwise {@code i64} or {@code u64} by value.
     */
    private static Type literalType(Expr value, Type to) {
        if (!(value instanceof Expr.IntLit lit)) return null;
        BigInteger v = lit.value();
        if (to instanceof Type.Int i && i.kind().fits(v)) return to;
        if (to instanceof Type.Pointer) return Type.USIZE;
        return Type.IntKind.I64.fits(v) ? Type.I64 : Type.U64;
    }
}
