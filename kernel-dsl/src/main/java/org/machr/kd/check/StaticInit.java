package org.machr.kd.check;

import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/**
 * Global initialisers (docs/language.md §4): constants, string literals, function names, and
 * array/struct literals of those — data the linker can place without running code.
 */
final class StaticInit {

    private StaticInit() {}

    static void check(Checker checker, Expr e) {
        switch (e) {
            case Expr.StrLit s -> { }
            case Expr.ArrayLit a -> a.elements().forEach(x -> check(checker, x));
            case Expr.ArrayRepeat r -> check(checker, r.value());
            case Expr.StructLit s -> s.fields().forEach(f -> check(checker, f.value()));
            case Expr.NullLit n -> { }
            default -> {
                if (checker.sem.refOf(e) instanceof Semantics.FnRef) return;
                if (checker.sem.typeOf(e) instanceof Type.Error) return;
                if (checker.consts.value(e) == null) return; // KD0220 reported
                if (!(checker.sem.typeOf(e) instanceof Type.Int || checker.sem.typeOf(e) instanceof Type.Bool
                        || checker.sem.typeOf(e) instanceof Type.Enum)) {
                    checker.diagnostics.error(KdCode.KD0220, e.span(), "expression is not a compile-time constant");
                }
            }
        }
    }
}
