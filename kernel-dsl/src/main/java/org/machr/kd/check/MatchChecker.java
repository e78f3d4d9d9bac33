package org.machr.kd.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;

/** {@code match} (docs/language.md §7): patterns, duplicates (KD0218) and exhaustiveness (KD0217). */
final class MatchChecker {

    private final Checker checker;
    private final StmtChecker stmts;

    MatchChecker(Checker checker, StmtChecker stmts) {
        this.checker = checker;
        this.stmts = stmts;
    }

    void match(Stmt.Match m, Ctx c) {
        Type t = checker.exprs.value(m.value(), null, c);
        boolean valid = t instanceof Type.Enum || t instanceof Type.Int;
        if (!valid && !(t instanceof Type.Error)) {
            checker.diagnostics.error(KdCode.KD0219, m.value().span(), "cannot match on '" + t.display() + "'");
        }
        Set<BigInteger> seen = new HashSet<>();
        boolean wildcard = false;
        for (Stmt.Arm arm : m.arms()) {
            if (wildcard) {
                checker.diagnostics.error(KdCode.KD0218, arm.span(), "this arm is unreachable: '_' above covers everything");
            }
            for (Stmt.Pattern p : arm.patterns()) {
                if (p instanceof Stmt.ValuePattern v && valid) pattern(v, t, seen, c);
                if (p instanceof Stmt.Wildcard) wildcard = true;
            }
            stmts.armBody(arm.body(), c);
        }
        if (!valid || wildcard) {
            if (wildcard) checker.sem.exhaustive.add(m);
            return;
        }
        if (t instanceof Type.Enum e) {
            List<String> missing = new ArrayList<>();
            for (String name : e.info().variantNames()) {
                if (!seen.contains(e.info().value(name))) missing.add("'" + e.info().name() + "." + name + "'");
            }
            if (missing.isEmpty()) {
                checker.sem.exhaustive.add(m);
            } else {
                checker.diagnostics.error(KdCode.KD0217, m.value().span(), "match does not cover " + String.join(", ", missing));
            }
        } else {
            checker.diagnostics.error(KdCode.KD0217, m.value().span(), "match on '" + t.display() + "' needs a '_' arm");
        }
    }

    private void pattern(Stmt.ValuePattern p, Type t, Set<BigInteger> seen, Ctx c) {
        Expr e = p.value();
        Type pt = checker.exprs.value(e, t, c);
        if (pt instanceof Type.Error) return;
        if (!pt.equals(t)) {
            checker.diagnostics.error(KdCode.KD0200, e.span(), "expected '" + t.display() + "', found '" + pt.display() + "'");
            return;
        }
        BigInteger v = checker.consts.value(e);
        if (v == null) return;
        if (!seen.add(v)) {
            String text = e instanceof Expr.IntLit ? v.toString() : "'" + Places.text(e) + "'";
            checker.diagnostics.error(KdCode.KD0218, e.span(), "pattern " + text + " is already covered");
        }
    }
}
