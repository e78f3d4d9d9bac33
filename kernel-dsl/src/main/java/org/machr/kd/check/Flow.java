package org.machr.kd.check;

import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;

/** Does control reach the end of a statement? Used for "missing return" (KD0210). */
final class Flow {

    private Flow() {}

    /** True when {@code s} never completes normally: it returns, panics, or loops forever. */
    static boolean terminates(Stmt s, Semantics sem) {
        return switch (s) {
            case Stmt.Return r -> true;
            case Stmt.Block b -> b.stmts().stream().anyMatch(x -> terminates(x, sem));
            case Stmt.Unsafe u -> terminates(u.body(), sem);
            case Stmt.If i -> i.otherwise() != null && terminates(i.then(), sem) && terminates(i.otherwise(), sem);
            case Stmt.IfLet i -> i.otherwise() != null && terminates(i.then(), sem) && terminates(i.otherwise(), sem);
            case Stmt.Loop l -> !breaks(l.body());
            case Stmt.While w -> w.condition() instanceof Expr.BoolLit b && b.value() && !breaks(w.body());
            case Stmt.Match m -> sem.exhaustive.contains(m) && m.arms().stream().allMatch(a -> terminates(a.body(), sem));
            case Stmt.ExprStmt e -> e.expr() instanceof Expr.Intrinsic i
                    && (i.name().equals("panic") || i.name().equals("jvm.halt"));
            default -> false;
        };
    }

    /** Does a {@code break} leave this loop body (not counting breaks of nested loops)? */
    static boolean breaks(Stmt s) {
        return switch (s) {
            case Stmt.Break b -> true;
            case Stmt.Block b -> b.stmts().stream().anyMatch(Flow::breaks);
            case Stmt.Unsafe u -> breaks(u.body());
            case Stmt.If i -> breaks(i.then()) || i.otherwise() != null && breaks(i.otherwise());
            case Stmt.IfLet i -> breaks(i.then()) || i.otherwise() != null && breaks(i.otherwise());
            case Stmt.Match m -> m.arms().stream().anyMatch(a -> breaks(a.body()));
            case Stmt.Defer d -> false;
            default -> false;
        };
    }
}
