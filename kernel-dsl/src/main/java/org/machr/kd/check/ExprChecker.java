package org.machr.kd.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/**
 * Types expressions (docs/language.md §5): literal typing from context, operator rules, null safety,
 * calls, members, indexing, casts and literals. Every expression's type and every name's meaning are
 * recorded in {@link Semantics}.
 */
final class ExprChecker {

    private final Checker checker;
    private final Semantics sem;

    private final Accesses accesses;

    ExprChecker(Checker checker) {
        this.checker = checker;
        this.sem = checker.sem;
        this.accesses = new Accesses(checker, this);
    }

    void error(KdCode code, Span span, String message) {
        checker.diagnostics.error(code, span, message);
    }

    /** Checks a constant expression (no locals) against {@code type}. */
    void checkConstant(Expr e, Type type, ModuleInfo m) {
        coerce(e, type, new Ctx(m, null));
    }

    void checkGlobal(GlobalInfo g) {
        globalType(g);
        if (g.decl().init() == null) {
            if (!Zero.allowed(g.type)) {
                error(KdCode.KD0200, g.decl().nameSpan(), "'" + g.name() + "' of type '" + g.type.display()
                        + "' needs an initial value");
            }
            return;
        }
        Ctx c = new Ctx(g.module(), null);
        coerce(g.decl().init(), g.type, c);
        StaticInit.check(checker, g.decl().init());
    }

    Type globalType(GlobalInfo g) {
        if (!g.typeResolved) {
            g.typeResolved = true;
            g.type = checker.types.resolve(g.decl().type(), g.module());
        }
        return g.type;
    }

    /** Checks {@code e} as a value assignable to {@code target}, reporting a mismatch. */
    Type coerce(Expr e, Type target, Ctx c) {
        Type t = value(e, target, c);
        if (!assignable(t, target)) {
            if (t instanceof Type.Null && target instanceof Type.Pointer p && !p.nullable()) {
                error(KdCode.KD0215, e.span(), "'null' is not a value of type '" + target.display() + "'");
            } else if (t instanceof Type.Pointer p && p.nullable() && target instanceof Type.Pointer q && !q.nullable()
                    && p.pointee().equals(q.pointee())) {
                error(KdCode.KD0214, e.span(), "'" + t.display() + "' may be null; test it with 'if let'");
            } else {
                error(KdCode.KD0200, e.span(), "expected '" + target.display() + "', found '" + t.display() + "'");
            }
        }
        return target;
    }

    static boolean assignable(Type from, Type to) {
        if (from instanceof Type.Error || to instanceof Type.Error || from.equals(to)) return true;
        if (to instanceof Type.Pointer q && q.nullable()) {
            if (from instanceof Type.Null) return true;
            return from instanceof Type.Pointer p && p.pointee().equals(q.pointee());
        }
        return false;
    }

    /** Checks {@code e} where a value is needed: a call of a function without result is KD0229. */
    Type value(Expr e, Type expected, Ctx c) {
        Type t = check(e, expected, c);
        if (t instanceof Type.Void) {
            error(KdCode.KD0229, e.span(), "this call returns nothing and cannot be used as a value");
            return Type.ERROR;
        }
        return t;
    }

    Type check(Expr e, Type expected, Ctx c) {
        Type t = compute(e, expected, c);
        sem.types.put(e, t);
        return t;
    }

    private Type compute(Expr e, Type expected, Ctx c) {
        return switch (e) {
            case Expr.IntLit i -> literal(i, expected);
            case Expr.BoolLit b -> Type.BOOL;
            case Expr.NullLit n -> expected instanceof Type.Pointer p && p.nullable() ? expected : Type.NULL;
            case Expr.StrLit s -> new Type.Slice(Type.U8);
            case Expr.Name n -> name(n, c);
            case Expr.Member m -> accesses.member(m, c);
            case Expr.Call call -> new CallChecker(checker, this).call(call, c);
            case Expr.Index i -> accesses.index(i, c);
            case Expr.SliceOf s -> accesses.sliceOf(s, c);
            case Expr.Unary u -> unary(u, expected, c);
            case Expr.Binary b -> binary(b, expected, c);
            case Expr.Cast cast -> new Casts(checker, this).cast(cast, c);
            case Expr.ArrayLit a -> arrayLit(a, expected, c);
            case Expr.ArrayRepeat r -> arrayRepeat(r, expected, c);
            case Expr.StructLit s -> structLit(s, c);
            case Expr.Intrinsic i -> checker.intrinsics.check(i, c);
            case Expr.TypeQuery q -> {
                Type t = checker.types.resolve(q.type(), c.module);
                long v = q.alignment() ? checker.types.alignOf(t) : checker.types.sizeOf(t);
                sem.constants.put(e, BigInteger.valueOf(v));
                yield Type.USIZE;
            }
            case Expr.OffsetOf o -> offsetOf(o, c);
        };
    }

    Type literal(Expr.IntLit i, Type expected) {
        Type.Int t = expected instanceof Type.Int it ? it : Type.I32;
        if (expected instanceof Type.Error) return Type.ERROR;
        if (!t.kind().fits(i.value())) {
            error(KdCode.KD0201, i.span(), "literal " + i.value() + " does not fit in '" + t.display() + "'");
            return Type.ERROR;
        }
        return t;
    }

    /** Resolves a name chain to a module or type without reporting; null when it is a value. */
    Entity pathEntity(Expr e, Ctx c) {
        if (e instanceof Expr.Name n) {
            if (c.lookup(n.name()) != null) return null;
            Entity ent = checker.lookup(c.module, n.name());
            return ent instanceof ModuleInfo || ent instanceof StructInfo || ent instanceof EnumInfo ? ent : null;
        }
        if (e instanceof Expr.Member m && pathEntity(m.target(), c) instanceof ModuleInfo mod) {
            Entity ent = mod.members().get(m.name());
            return ent instanceof ModuleInfo || ent instanceof StructInfo || ent instanceof EnumInfo ? ent : null;
        }
        return null;
    }

    private Type name(Expr.Name n, Ctx c) {
        LocalVar local = c.lookup(n.name());
        if (local != null) {
            sem.refs.put(n, new Semantics.LocalRef(local));
            return local.type();
        }
        Entity e = checker.lookup(c.module, n.name());
        if (e == null) {
            java.util.Set<String> known = new java.util.TreeSet<>(c.localNames());
            known.addAll(c.module.members().keySet());
            known.addAll(c.module.imports().keySet());
            String hint = Suggestions.didYouMean(n.name(), known);
            if (hint == null) error(KdCode.KD0101, n.span(), "unknown name '" + n.name() + "'");
            else checker.diagnostics.error(KdCode.KD0101, n.span(), "unknown name '" + n.name() + "'", hint);
            return Type.ERROR;
        }
        return entityValue(n, e, c);
    }

    /** The value an entity denotes at {@code at}. */
    Type entityValue(Expr at, Entity e, Ctx c) {
        return switch (e) {
            case GlobalInfo g -> {
                sem.refs.put(at, new Semantics.GlobalRef(g));
                yield globalType(g);
            }
            case FnInfo f -> {
                checker.types.signature(f);
                sem.refs.put(at, new Semantics.FnRef(f));
                if (f.decl().unsafe()) unsafeOperation(at.span(), "unsafe fn pointer", c);
                yield f.type();
            }
            case ConstInfo k -> {
                checker.consts.resolve(k);
                sem.refs.put(at, new Semantics.ConstRef(k));
                sem.constants.put(at, k.value);
                yield k.type;
            }
            case StructInfo s -> typeNotValue(at, s.name());
            case EnumInfo en -> typeNotValue(at, en.name());
            case ModuleInfo m -> {
                error(KdCode.KD0110, at.span(), "'" + m.name() + "' is a module, not a value");
                yield Type.ERROR;
            }
            case DescriptionInfo d -> {
                error(KdCode.KD0110, at.span(), "'" + d.name() + "' is a description, not a value");
                yield Type.ERROR;
            }
        };
    }

    Type typeNotValue(Expr at, String name) {
        error(KdCode.KD0110, at.span(), "'" + name + "' is a type, not a value");
        return Type.ERROR;
    }






    /** The local variable at the root of a place reached without going through a pointer or slice. */
    LocalVar rootLocal(Expr e) {
        return switch (e) {
            case Expr.Name n -> sem.refOf(n) instanceof Semantics.LocalRef l ? l.var() : null;
            case Expr.Member m -> sem.refOf(m) instanceof Semantics.FieldRef f && !f.throughPointer() ? rootLocal(m.target()) : null;
            case Expr.Index i -> sem.typeOf(i.target()) instanceof Type.Array ? rootLocal(i.target()) : null;
            default -> null;
        };
    }

    private Type unary(Expr.Unary u, Type expected, Ctx c) {
        return switch (u.op()) {
            case NEG, COMPLEMENT -> {
                Type t = value(u.operand(), expected, c);
                if (t instanceof Type.Int || t instanceof Type.Error) yield t;
                error(KdCode.KD0202, u.span(), "operator '" + u.op().symbol + "' cannot take '" + t.display() + "'");
                yield Type.ERROR;
            }
            case NOT -> {
                Type t = value(u.operand(), Type.BOOL, c);
                if (t instanceof Type.Bool || t instanceof Type.Error) yield Type.BOOL;
                error(KdCode.KD0202, u.span(), "operator '!' cannot take '" + t.display() + "'");
                yield Type.ERROR;
            }
            case DEREF -> {
                Type t = value(u.operand(), null, c);
                if (t instanceof Type.Pointer p) {
                    if (!p.nullable()) yield p.pointee();
                    error(KdCode.KD0214, u.operand().span(), "'" + t.display() + "' may be null; test it with 'if let'");
                    yield Type.ERROR;
                }
                if (!(t instanceof Type.Error)) error(KdCode.KD0227, u.span(), "cannot dereference '" + t.display() + "'");
                yield Type.ERROR;
            }
            case ADDRESS_OF -> addressOf(u, c);
        };
    }

    private Type addressOf(Expr.Unary u, Ctx c) {
        Type t = value(u.operand(), null, c);
        if (t instanceof Type.Error) return t;
        if (!Places.isPlace(u.operand(), sem)) {
            error(KdCode.KD0209, u.operand().span(), "cannot take the address of this expression");
            return Type.ERROR;
        }
        LocalVar local = rootLocal(u.operand());
        if (local != null) {
            local.addressTaken = true;
            unsafeOperation(u.span(), "address of local", c);
        }
        if (sem.refOf(u.operand()) instanceof Semantics.ConstRef) {
            error(KdCode.KD0209, u.operand().span(), "cannot take the address of a constant");
        }
        return new Type.Pointer(t, false);
    }

    /** The type of field access {@code m} on a value of type {@code receiver} already checked; recorded for {@code m}. */
    Type fieldOf(Expr.Member m, Type receiver) {
        Type t = accesses.field(m, receiver);
        sem.types.put(m, t);
        return t;
    }

    /** A literal-only expression takes its type from the other operand. */
    static boolean isLiteral(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> true;
            case Expr.Unary u -> (u.op() == Expr.UnaryOp.NEG || u.op() == Expr.UnaryOp.COMPLEMENT) && isLiteral(u.operand());
            case Expr.Binary b -> !b.op().isComparison() && !b.op().isLogical() && isLiteral(b.left())
                    && (b.op().isShift() || isLiteral(b.right()));
            default -> false;
        };
    }

    private Type binary(Expr.Binary b, Type expected, Ctx c) {
        Expr.BinaryOp op = b.op();
        if (op.isLogical()) {
            Type l = value(b.left(), Type.BOOL, c);
            Type r = value(b.right(), Type.BOOL, c);
            if (!(l instanceof Type.Bool || l instanceof Type.Error) || !(r instanceof Type.Bool || r instanceof Type.Error)) {
                return badOperands(b, l, r);
            }
            return Type.BOOL;
        }
        if (op.isShift()) {
            Type l = value(b.left(), expected, c);
            Type r = value(b.right(), null, c);
            if (!(l instanceof Type.Int || l instanceof Type.Error) || !(r instanceof Type.Int || r instanceof Type.Error)) {
                return badOperands(b, l, r);
            }
            return l;
        }
        if (op.isComparison() && (isComparison(b.left()) || isComparison(b.right()))) {
            value(b.left(), null, c);
            value(b.right(), null, c);
            return Type.BOOL; // a chained comparison, already a syntax error (KD0010)
        }
        Type hint = op.isComparison() ? null : expected;
        Type l;
        Type r;
        if (isLiteral(b.left()) && !isLiteral(b.right())) {
            r = value(b.right(), hint, c);
            l = value(b.left(), r instanceof Type.Int ? r : hint, c);
        } else {
            l = value(b.left(), hint, c);
            r = value(b.right(), l instanceof Type.Int || l instanceof Type.Pointer ? l : hint, c);
        }
        if (l instanceof Type.Error || r instanceof Type.Error) return op.isComparison() ? Type.BOOL : Type.ERROR;
        if (op.isComparison()) {
            boolean equality = op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE;
            if (l instanceof Type.Int && l.equals(r)) return Type.BOOL;
            if (equality && comparableForEquality(l, r, b)) return Type.BOOL;
            return badOperands(b, l, r);
        }
        if (l instanceof Type.Int && l.equals(r)) return l;
        return badOperands(b, l, r);
    }

    private static boolean isComparison(Expr e) {
        return e instanceof Expr.Binary b && b.op().isComparison();
    }

    private boolean comparableForEquality(Type l, Type r, Expr.Binary b) {
        if (l instanceof Type.Null || r instanceof Type.Null) {
            Type other = l instanceof Type.Null ? r : l;
            if (other instanceof Type.Pointer p && p.nullable()) return true;
            if (other instanceof Type.Pointer) {
                error(KdCode.KD0215, (l instanceof Type.Null ? b.left() : b.right()).span(),
                        "'null' is not a value of type '" + other.display() + "'");
                return true;
            }
            return false;
        }
        if (l instanceof Type.Pointer p && r instanceof Type.Pointer q) return p.pointee().equals(q.pointee());
        return l.equals(r) && (l instanceof Type.Bool || l instanceof Type.Enum || l instanceof Type.Fn);
    }

    private Type badOperands(Expr.Binary b, Type l, Type r) {
        error(KdCode.KD0202, b.opSpan(), "operator '" + b.op().symbol + "' cannot take '" + l.display() + "' and '"
                + r.display() + "'");
        return b.op().isComparison() || b.op().isLogical() ? Type.BOOL : Type.ERROR;
    }

    private Type arrayLit(Expr.ArrayLit a, Type expected, Ctx c) {
        if (a.elements().isEmpty()) {
            error(KdCode.KD0221, a.span(), "array size must be at least 1, found 0");
            return Type.ERROR;
        }
        Type element = expected instanceof Type.Array at ? at.element() : null;
        for (Expr e : a.elements()) {
            if (element == null) {
                element = value(e, null, c);
            } else {
                coerce(e, element, c);
            }
        }
        return element instanceof Type.Error ? element : new Type.Array(a.elements().size(), element);
    }

    private Type arrayRepeat(Expr.ArrayRepeat r, Type expected, Ctx c) {
        Type element = expected instanceof Type.Array at ? coerce(r.value(), at.element(), c) : value(r.value(), null, c);
        BigInteger n = checker.consts.evaluate(r.count(), Type.USIZE, c.module);
        if (n == null) return Type.ERROR;
        if (n.signum() <= 0) {
            error(KdCode.KD0221, r.count().span(), "array size must be at least 1, found " + n);
            return Type.ERROR;
        }
        return element instanceof Type.Error ? element : new Type.Array(n.longValue(), element);
    }

    private Type structLit(Expr.StructLit s, Ctx c) {
        Entity e = pathEntity(s.type(), c);
        if (!(e instanceof StructInfo info)) {
            error(KdCode.KD0109, s.type().span(), "'" + Places.text(s.type()) + "' is not a struct type");
            return Type.ERROR;
        }
        if (s.type() instanceof Expr.Member m && pathEntity(m.target(), c) instanceof ModuleInfo mod) {
            if (checker.member(c.module, mod, m.name(), m.nameSpan()) == null) return Type.ERROR;
        }
        checker.types.layout(info);
        Set<String> seen = new HashSet<>();
        for (Expr.FieldInit f : s.fields()) {
            StructInfo.Field field = info.field(f.name());
            if (field == null) {
                error(KdCode.KD0228, f.span(), "struct '" + info.name() + "' has no field '" + f.name() + "'");
                value(f.value(), null, c);
                continue;
            }
            if (!seen.add(f.name())) error(KdCode.KD0228, f.span(), "field '" + f.name() + "' given twice");
            coerce(f.value(), field.type(), c);
        }
        for (StructInfo.Field field : info.fields()) {
            if (!seen.contains(field.name()) && !Zero.allowed(field.type())) {
                error(KdCode.KD0228, s.span(), "field '" + field.name() + "' of type '" + field.type().display()
                        + "' must be given");
            }
        }
        return new Type.Struct(info);
    }

    private Type offsetOf(Expr.OffsetOf o, Ctx c) {
        Type t = checker.types.resolve(o.type(), c.module);
        if (t instanceof Type.Error) return Type.USIZE;
        if (!(t instanceof Type.Struct s)) {
            error(KdCode.KD0204, o.type().span(), "'@offsetof' needs a struct, found '" + t.display() + "'");
            return Type.USIZE;
        }
        StructInfo.Field f = s.info().field(o.field());
        if (f == null) {
            error(KdCode.KD0204, o.fieldSpan(), "struct '" + s.info().name() + "' has no field '" + o.field() + "'");
            return Type.USIZE;
        }
        sem.constants.put(o, BigInteger.valueOf(f.offset()));
        return Type.USIZE;
    }

    /** Records an operation of docs/language.md §8.3, an error outside unsafe code. */
    void unsafeOperation(Span span, String kind, Ctx c) {
        sem.unsafeSites.add(new UnsafeSite(span, kind, c.functionName()));
        if (c.inUnsafe()) {
            if (!c.unsafeBlocks.isEmpty()) c.unsafeBlocks.peek()[0]++;
            return;
        }
        checker.diagnostics.error(KdCode.KD0300, span, kind + " requires an unsafe block or function",
                "wrap it in 'unsafe { ... }' or declare the function 'unsafe fn'");
    }

    List<Type> values(List<Expr> es, Ctx c) {
        List<Type> out = new ArrayList<>();
        for (Expr e : es) out.add(value(e, null, c));
        return out;
    }
}
