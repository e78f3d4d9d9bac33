package org.machr.kd.check;

import org.machr.kd.ast.Expr;

/** Places (docs/language.md §5.5): what can be assigned to or have its address taken. */
final class Places {

    private Places() {}

    static boolean isPlace(Expr e, Semantics sem) {
        return switch (e) {
            case Expr.Name n -> sem.refOf(n) instanceof Semantics.LocalRef || sem.refOf(n) instanceof Semantics.GlobalRef;
            case Expr.Member m -> sem.refOf(m) instanceof Semantics.FieldRef f && (f.throughPointer() || isPlace(m.target(), sem))
                    || sem.refOf(m) instanceof Semantics.GlobalRef;
            case Expr.Index i -> !(sem.typeOf(i.target()) instanceof Type.Array) || isPlace(i.target(), sem);
            case Expr.Unary u -> u.op() == Expr.UnaryOp.DEREF;
            default -> false;
        };
    }

    /** A short rendering of a path expression for messages. */
    static String text(Expr e) {
        return switch (e) {
            case Expr.Name n -> n.name();
            case Expr.Member m -> text(m.target()) + "." + m.name();
            default -> "expression";
        };
    }
}
