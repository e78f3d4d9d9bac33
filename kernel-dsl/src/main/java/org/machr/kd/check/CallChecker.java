package org.machr.kd.check;

import java.util.List;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/** Calls (docs/language.md §5.3): direct calls of named functions and calls through function pointers. */
final class CallChecker {

    private final Checker checker;
    private final ExprChecker exprs;

    CallChecker(Checker checker, ExprChecker exprs) {
        this.checker = checker;
        this.exprs = exprs;
    }

    Type call(Expr.Call call, Ctx c) {
        FnInfo direct = directCallee(call.callee(), c);
        Type.Fn type;
        String name;
        if (direct != null) {
            checker.types.signature(direct);
            checker.sem.refs.put(call.callee(), new Semantics.FnRef(direct));
            checker.sem.types.put(call.callee(), direct.type());
            if (direct.decl().unsafe()) exprs.unsafeOperation(call.span(), "call to unsafe fn " + direct.name(), c);
            type = direct.type();
            name = "'" + direct.name() + "'";
        } else {
            Type t = exprs.value(call.callee(), null, c);
            if (t instanceof Type.Error) {
                exprs.values(call.args(), c);
                return Type.ERROR;
            }
            if (!(t instanceof Type.Fn f)) {
                checker.diagnostics.error(KdCode.KD0206, call.callee().span(),
                        "'" + Places.text(call.callee()) + "' of type '" + t.display() + "' cannot be called");
                exprs.values(call.args(), c);
                return Type.ERROR;
            }
            type = f;
            name = "'" + Places.text(call.callee()) + "'";
        }
        List<Type> params = type.params();
        if (params.size() != call.args().size()) {
            checker.diagnostics.error(KdCode.KD0205, call.span(), name + " takes " + params.size()
                    + (params.size() == 1 ? " argument" : " arguments") + ", found " + call.args().size());
            exprs.values(call.args(), c);
            return type.result();
        }
        for (int i = 0; i < params.size(); i++) exprs.coerce(call.args().get(i), params.get(i), c);
        return type.result();
    }

    /** The function a callee path names, without reporting anything; null for other callees. */
    private FnInfo directCallee(Expr callee, Ctx c) {
        if (callee instanceof Expr.Name n) {
            if (c.lookup(n.name()) != null) return null;
            return checker.lookup(c.module, n.name()) instanceof FnInfo f ? f : null;
        }
        if (callee instanceof Expr.Member m && exprs.pathEntity(m.target(), c) instanceof ModuleInfo mod) {
            checker.sem.refs.put(m.target(), new Semantics.ModuleRef(mod));
            Entity e = mod.members().get(m.name());
            if (e instanceof FnInfo f) {
                checker.member(c.module, mod, m.name(), m.nameSpan()); // reports a private callee; the call is still checked
                return f;
            }
        }
        return null;
    }
}
