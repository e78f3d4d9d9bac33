package org.machr.kd.check;

import java.util.List;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;

/**
 * Checks function bodies (docs/language.md §7): scopes, assignments to places, conditions, loops,
 * defer, exhaustive match, returns on every path, and unsafe blocks.
 */
final class StmtChecker {

    private final Checker checker;
    private final ExprChecker exprs;

    StmtChecker(Checker checker) {
        this.checker = checker;
        this.exprs = checker.exprs;
    }

    private void error(KdCode code, Span span, String message) {
        checker.diagnostics.error(code, span, message);
    }

    void checkFunction(FnInfo f) {
        checker.types.signature(f);
        Ctx c = new Ctx(f.module(), f);
        List<Decl.Param> params = f.decl().params();
        for (int i = 0; i < params.size(); i++) {
            Decl.Param p = params.get(i);
            LocalVar v = new LocalVar(p.name(), f.type().params().get(i), false, true, p.span());
            checker.sem.params.put(p, v);
            c.declare(v);
        }
        Stmt.Block body = f.decl().body();
        block(body, c);
        if (!(f.type().result() instanceof Type.Void) && !(f.type().result() instanceof Type.Error) && !Flow.terminates(body, checker.sem)) {
            error(KdCode.KD0210, body.end(), "function '" + f.name() + "' may end without returning '"
                    + f.type().result().display() + "'");
        }
    }

    private void block(Stmt.Block b, Ctx c) {
        c.push();
        for (Stmt s : b.stmts()) stmt(s, c);
        c.pop();
    }

    private void stmt(Stmt s, Ctx c) {
        switch (s) {
            case Stmt.Local l -> local(l, c);
            case Stmt.Assign a -> assign(a, c);
            case Stmt.ExprStmt e -> {
                if (!(e.expr() instanceof Expr.Call) && !(e.expr() instanceof Expr.Intrinsic)) {
                    exprs.check(e.expr(), null, c);
                    error(KdCode.KD0209, e.expr().span(), "only calls can be used as statements");
                } else {
                    exprs.check(e.expr(), null, c);
                }
            }
            case Stmt.If i -> {
                condition(i.condition(), c);
                block(i.then(), c);
                if (i.otherwise() != null) stmt(i.otherwise(), c);
            }
            case Stmt.IfLet i -> ifLet(i, c);
            case Stmt.While w -> {
                condition(w.condition(), c);
                loopBody(w.body(), c);
            }
            case Stmt.For f -> forLoop(f, c);
            case Stmt.Loop l -> loopBody(l.body(), c);
            case Stmt.Break b -> jump(b.span(), "break", c);
            case Stmt.Continue k -> jump(k.span(), "continue", c);
            case Stmt.Return r -> ret(r, c);
            case Stmt.Defer d -> {
                c.defers++;
                int loops = c.loops;
                c.loops = 0;
                c.push();
                stmt(d.body(), c);
                c.pop();
                c.loops = loops;
                c.defers--;
            }
            case Stmt.Match m -> new MatchChecker(checker, this).match(m, c);
            case Stmt.Unsafe u -> {
                c.unsafeBlocks.push(new int[1]);
                int errors = checker.diagnostics.errorCount();
                block(u.body(), c);
                int[] count = c.unsafeBlocks.pop();
                if (count[0] == 0 && checker.diagnostics.errorCount() == errors) {
                    checker.diagnostics.warning(KdCode.KD0301, new Span(u.span().file(), u.span().start(),
                            u.span().start() + "unsafe".length()), "unsafe block contains no unsafe operation");
                } else if (!c.unsafeBlocks.isEmpty()) {
                    c.unsafeBlocks.peek()[0] += count[0];
                }
            }
            case Stmt.Block b -> block(b, c);
        }
    }

    void armBody(Stmt s, Ctx c) {
        c.push();
        stmt(s, c);
        c.pop();
    }

    private void local(Stmt.Local l, Ctx c) {
        Type declared = l.type() == null ? null : checker.types.resolve(l.type(), c.module);
        Type t;
        if (l.init() == null) {
            t = declared == null ? Type.ERROR : declared;
            if (declared == null) error(KdCode.KD0200, l.nameSpan(), "'" + l.name() + "' needs a type or a value");
            else if (!Zero.allowed(declared)) {
                error(KdCode.KD0200, l.nameSpan(), "'" + l.name() + "' of type '" + declared.display() + "' needs an initial value");
            }
        } else if (declared != null) {
            t = exprs.coerce(l.init(), declared, c);
        } else {
            t = exprs.value(l.init(), null, c);
            if (t instanceof Type.Null) {
                error(KdCode.KD0200, l.init().span(), "the type of 'null' is unknown here; write the variable's type");
                t = Type.ERROR;
            }
        }
        LocalVar v = new LocalVar(l.name(), t, l.mutable(), false, l.nameSpan());
        checker.sem.bindings.put(l, v);
        c.declare(v);
    }

    private void assign(Stmt.Assign a, Ctx c) {
        Type target = exprs.value(a.target(), null, c);
        if (a.op() == null) {
            exprs.coerce(a.value(), target, c);
        } else {
            Type v = exprs.value(a.value(), a.op().isShift() ? null : target, c);
            boolean ok = target instanceof Type.Error || v instanceof Type.Error
                    || target instanceof Type.Int && (a.op().isShift() ? v instanceof Type.Int : target.equals(v));
            if (!ok) {
                error(KdCode.KD0202, a.span(), "operator '" + a.op().symbol + "=' cannot take '" + target.display()
                        + "' and '" + v.display() + "'");
            }
        }
        if (!(target instanceof Type.Error)) mutablePlace(a.target());
    }

    /** Reports KD0208/KD0209 unless {@code e} is a mutable place (docs/language.md §5.5). */
    private void mutablePlace(Expr e) {
        Semantics.Ref ref = checker.sem.refOf(e);
        switch (e) {
            case Expr.Name n when ref instanceof Semantics.LocalRef l -> {
                if (!l.var().mutable()) {
                    String why = l.var().parameter() ? "it is a parameter" : "it is not 'var'";
                    error(KdCode.KD0208, e.span(), "cannot assign to '" + n.name() + "': " + why);
                }
            }
            case Expr.Name n when ref instanceof Semantics.GlobalRef g -> globalMutable(e, g);
            case Expr.Member m when ref instanceof Semantics.GlobalRef g -> globalMutable(e, g);
            case Expr.Name n when ref instanceof Semantics.ConstRef k ->
                    error(KdCode.KD0208, e.span(), "cannot assign to '" + n.name() + "': it is a constant");
            case Expr.Member m when ref instanceof Semantics.FieldRef f -> {
                if (!f.throughPointer()) mutablePlace(m.target());
            }
            case Expr.Index i -> {
                if (checker.sem.typeOf(i.target()) instanceof Type.Array) mutablePlace(i.target());
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.DEREF -> { }
            default -> error(KdCode.KD0209, e.span(), "this expression cannot be assigned to");
        }
    }

    private void globalMutable(Expr e, Semantics.GlobalRef g) {
        if (!g.global().decl().mutable()) {
            error(KdCode.KD0208, e.span(), "cannot assign to '" + g.global().name() + "': it is a 'let' global");
        }
    }

    private void condition(Expr e, Ctx c) {
        Type t = exprs.value(e, Type.BOOL, c);
        if (!(t instanceof Type.Bool) && !(t instanceof Type.Error)) {
            error(KdCode.KD0212, e.span(), "condition must be 'bool', found '" + t.display() + "'");
        }
    }

    private void ifLet(Stmt.IfLet i, Ctx c) {
        Type t = exprs.value(i.value(), null, c);
        Type bound = Type.ERROR;
        if (t instanceof Type.Pointer p && p.nullable()) {
            bound = new Type.Pointer(p.pointee(), false);
        } else if (!(t instanceof Type.Error)) {
            error(KdCode.KD0216, i.value().span(), "'if let' needs a '?*T', found '" + t.display() + "'");
        }
        c.push();
        LocalVar v = new LocalVar(i.name(), bound, false, false, i.nameSpan());
        checker.sem.bindings.put(i, v);
        c.declare(v);
        block(i.then(), c);
        c.pop();
        if (i.otherwise() != null) stmt(i.otherwise(), c);
    }

    private void forLoop(Stmt.For f, Ctx c) {
        Type from;
        Type to;
        if (ExprChecker.isLiteral(f.from()) && !ExprChecker.isLiteral(f.to())) {
            to = exprs.value(f.to(), null, c);
            from = exprs.value(f.from(), to instanceof Type.Int ? to : null, c);
        } else {
            from = exprs.value(f.from(), null, c);
            to = exprs.value(f.to(), from instanceof Type.Int ? from : null, c);
        }
        Type t = from;
        if (!(from instanceof Type.Error || to instanceof Type.Error) && (!(from instanceof Type.Int) || !from.equals(to))) {
            error(KdCode.KD0200, f.to().span(), "range bounds must be integers of one type, found '" + from.display()
                    + "' and '" + to.display() + "'");
            t = Type.ERROR;
        }
        c.push();
        LocalVar v = new LocalVar(f.name(), t, false, false, f.nameSpan());
        checker.sem.bindings.put(f, v);
        c.declare(v);
        loopBody(f.body(), c);
        c.pop();
    }

    private void loopBody(Stmt.Block body, Ctx c) {
        c.loops++;
        block(body, c);
        c.loops--;
    }

    private void jump(Span span, String word, Ctx c) {
        if (c.defers > 0 && c.loops == 0) {
            error(KdCode.KD0231, span, "'" + word + "' is not allowed inside 'defer'");
        } else if (c.loops == 0) {
            error(KdCode.KD0211, span, "'" + word + "' outside of a loop");
        }
    }

    private void ret(Stmt.Return r, Ctx c) {
        if (c.defers > 0) {
            error(KdCode.KD0231, r.span(), "'return' is not allowed inside 'defer'");
            return;
        }
        Type result = c.fn.type().result();
        if (r.value() == null) {
            if (!(result instanceof Type.Void) && !(result instanceof Type.Error)) {
                error(KdCode.KD0223, r.span(), "function '" + c.fn.name() + "' must return a value of type '"
                        + result.display() + "'");
            }
            return;
        }
        if (result instanceof Type.Void) {
            exprs.check(r.value(), null, c);
            error(KdCode.KD0223, r.value().span(), "function '" + c.fn.name() + "' returns nothing");
            return;
        }
        exprs.coerce(r.value(), result, c);
    }
}
