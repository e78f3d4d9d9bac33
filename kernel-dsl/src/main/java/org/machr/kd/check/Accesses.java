package org.machr.kd.check;

import java.math.BigInteger;
import java.util.List;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/**
 * Member access, indexing and slicing (docs/language.md §5.3): module members, enum variants, struct
 * fields (through a pointer too), {@code .len}/{@code .ptr}, and constant out-of-bounds indexes.
 */
final class Accesses {

    private final Checker checker;
    private final ExprChecker exprs;
    private final Semantics sem;

    Accesses(Checker checker, ExprChecker exprs) {
        this.checker = checker;
        this.exprs = exprs;
        this.sem = checker.sem;
    }

    Type member(Expr.Member m, Ctx c) {
        Entity owner = exprs.pathEntity(m.target(), c);
        if (owner instanceof ModuleInfo mod) {
            sem.refs.put(m.target(), new Semantics.ModuleRef(mod));
            Entity e = checker.member(c.module, mod, m.name(), m.nameSpan());
            return e == null ? Type.ERROR : exprs.entityValue(m, e, c);
        }
        if (owner instanceof EnumInfo en) {
            checker.types.resolveEnum(en);
            BigInteger v = en.value(m.name());
            if (v == null) {
                exprs.error(KdCode.KD0224, m.nameSpan(), "enum '" + en.name() + "' has no variant '" + m.name() + "'");
                return Type.ERROR;
            }
            sem.refs.put(m, new Semantics.VariantRef(en, m.name()));
            sem.constants.put(m, v);
            return new Type.Enum(en);
        }
        if (owner instanceof StructInfo s) return exprs.typeNotValue(m.target(), s.name());
        Type t = exprs.value(m.target(), null, c);
        return field(m, t);
    }

    Type field(Expr.Member m, Type targetType) {
        boolean through = false;
        Type t = targetType;
        if (targetType instanceof Type.Pointer p) {
            if (p.nullable()) {
                exprs.error(KdCode.KD0214, m.target().span(), "'" + targetType.display() + "' may be null; test it with 'if let'");
                return Type.ERROR;
            }
            t = p.pointee();
            through = true;
        }
        final boolean viaPointer = through;
        switch (t) {
            case Type.Error err -> { return Type.ERROR; }
            case Type.Struct s -> {
                checker.types.layout(s.info());
                StructInfo.Field f = s.info().field(m.name());
                if (f == null) {
                    exprs.error(KdCode.KD0204, m.nameSpan(), "struct '" + s.info().name() + "' has no field '" + m.name() + "'");
                    return Type.ERROR;
                }
                sem.refs.put(m, new Semantics.FieldRef(s.info(), f, through));
                return f.type();
            }
            case Type.Array a when m.name().equals("len") -> {
                sem.refs.put(m, new Semantics.LenRef());
                sem.constants.put(m, BigInteger.valueOf(a.length()));
                return Type.USIZE;
            }
            case Type.Slice s when !viaPointer && m.name().equals("len") -> {
                sem.refs.put(m, new Semantics.LenRef());
                return Type.USIZE;
            }
            case Type.Slice s when !viaPointer && m.name().equals("ptr") -> {
                sem.refs.put(m, new Semantics.PtrRef());
                return new Type.Pointer(s.element(), true);
            }
            default -> {
                exprs.error(KdCode.KD0204, m.nameSpan(), "type '" + t.display() + "' has no field '" + m.name() + "'");
                return Type.ERROR;
            }
        }
    }

    /** The element type of an indexable type, or null. */
    private Type elementOf(Type t, Span at) {
        if (t instanceof Type.Pointer p && p.pointee() instanceof Type.Array a) {
            if (p.nullable()) {
                exprs.error(KdCode.KD0214, at, "'" + t.display() + "' may be null; test it with 'if let'");
                return Type.ERROR;
            }
            return a.element();
        }
        return switch (t) {
            case Type.Array a -> a.element();
            case Type.Slice s -> s.element();
            case Type.Error err -> Type.ERROR;
            default -> null;
        };
    }

    Type index(Expr.Index i, Ctx c) {
        Type t = exprs.value(i.target(), null, c);
        Type element = elementOf(t, i.target().span());
        Type it = exprs.value(i.index(), Type.USIZE, c);
        if (!(it instanceof Type.Int) && !(it instanceof Type.Error)) {
            exprs.error(KdCode.KD0200, i.index().span(), "index must be an integer, found '" + it.display() + "'");
        }
        if (element == null) {
            exprs.error(KdCode.KD0207, i.target().span(), "type '" + t.display() + "' cannot be indexed");
            return Type.ERROR;
        }
        Type.Array array = t instanceof Type.Array a ? a : t instanceof Type.Pointer p && p.pointee() instanceof Type.Array a ? a : null;
        BigInteger constant = i.index() instanceof Expr.IntLit lit ? lit.value() : sem.constants.get(i.index());
        if (array != null && constant != null && constant.compareTo(BigInteger.valueOf(array.length())) >= 0) {
            exprs.error(KdCode.KD0230, i.index().span(), "index " + constant + " is out of bounds for '" + array.display() + "'");
        }
        return element;
    }

    Type sliceOf(Expr.SliceOf s, Ctx c) {
        Type t = exprs.value(s.target(), null, c);
        Type element = elementOf(t, s.target().span());
        for (Expr bound : List.of(s.low(), s.high())) {
            Type bt = exprs.value(bound, Type.USIZE, c);
            if (!(bt instanceof Type.Int) && !(bt instanceof Type.Error)) {
                exprs.error(KdCode.KD0200, bound.span(), "slice bound must be an integer, found '" + bt.display() + "'");
            }
        }
        if (element == null) {
            exprs.error(KdCode.KD0207, s.target().span(), "type '" + t.display() + "' cannot be sliced");
            return Type.ERROR;
        }
        if (t instanceof Type.Array && exprs.rootLocal(s.target()) instanceof LocalVar v) {
            v.addressTaken = true;
            sem.unsafeSites.add(new UnsafeSite(s.span(), "slice of local", c.functionName()));
        }
        return element instanceof Type.Error ? Type.ERROR : new Type.Slice(element);
    }
}
