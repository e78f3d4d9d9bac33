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
        Type calleeType = null;
        if (call.callee() instanceof Expr.Member m && exprs.pathEntity(m.target(), c) == null) {
            Type receiver = exprs.value(m.target(), null, c);
            if (receiver instanceof Type.Error) {
                exprs.values(call.args(), c);
                return Type.ERROR;
            }
            Type method = methodCall(call, m, receiver, c);
            if (method != null) return method;
            calleeType = exprs.fieldOf(m, receiver);
        }
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
            Type t = calleeType != null ? calleeType : exprs.value(call.callee(), null, c);
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

    /**
     * {@code x.f(args)} where {@code x} is a struct {@code S} or a {@code *S} without a field {@code f}:
     * a call of the function {@code f} of S's module whose first parameter is {@code *S}, with
     * {@code &x} (or the pointer itself) as first argument (docs/language.md §5.3). Null when the
     * callee is not such a method, so that it is checked as an ordinary call.
     */
    private Type methodCall(Expr.Call call, Expr.Member m, Type receiver, Ctx c) {
        boolean pointer = receiver instanceof Type.Pointer p && !p.nullable() && p.pointee() instanceof Type.Struct;
        Type.Struct struct = pointer ? (Type.Struct) ((Type.Pointer) receiver).pointee()
                : receiver instanceof Type.Struct s ? s : null;
        if (struct == null) return null;
        checker.types.layout(struct.info());
        if (struct.info().field(m.name()) != null) return null;
        if (!(struct.info().module().members().get(m.name()) instanceof FnInfo f)) return null;
        checker.types.signature(f);
        Type.Fn type = f.type();
        Type self = new Type.Pointer(struct, false);
        if (type.params().isEmpty() || !type.params().get(0).equals(self)) return null;
        if (f.module() != c.module && !f.decl().pub()) {
            checker.diagnostics.error(KdCode.KD0103, m.nameSpan(), "'" + f.name() + "' is private to module '"
                    + f.module().name() + "'");
        }
        if (!pointer) {
            if (!Places.isPlace(m.target(), checker.sem)) {
                checker.diagnostics.error(KdCode.KD0209, m.target().span(), "cannot take the address of this expression");
            } else if (exprs.rootLocal(m.target()) instanceof LocalVar local) {
                local.addressTaken = true;
                exprs.unsafeOperation(m.target().span(), "address of local", c);
            }
        }
        checker.sem.methods.put(call, new Semantics.MethodCall(f, !pointer));
        checker.sem.types.put(m, type);
        if (f.decl().unsafe()) exprs.unsafeOperation(call.span(), "call to unsafe fn " + f.name(), c);
        List<Type> params = type.params().subList(1, type.params().size());
        if (params.size() != call.args().size()) {
            checker.diagnostics.error(KdCode.KD0205, call.span(), "'" + f.name() + "' takes " + params.size()
                    + (params.size() == 1 ? " argument" : " arguments") + " after the receiver, found " + call.args().size());
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
