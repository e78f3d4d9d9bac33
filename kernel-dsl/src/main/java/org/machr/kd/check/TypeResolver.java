package org.machr.kd.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.TypeExpr;

/**
 * Resolves written types to {@link Type}s, lays out structs the C way, gives enum variants their
 * values, and resolves function signatures (docs/language.md §3, §4).
 */
final class TypeResolver {

    private final Checker checker;

    TypeResolver(Checker checker) {
        this.checker = checker;
    }

    Type resolve(TypeExpr t, ModuleInfo m) {
        return switch (t) {
            case TypeExpr.Named n -> named(n, m);
            case TypeExpr.Pointer p -> {
                Type pointee = resolve(p.pointee(), m);
                yield pointee instanceof Type.Error ? pointee : new Type.Pointer(pointee, p.nullable());
            }
            case TypeExpr.Array a -> {
                Type element = resolve(a.element(), m);
                BigInteger n = checker.consts.evaluate(a.length(), Type.USIZE, m);
                if (n == null) yield Type.ERROR;
                if (n.signum() <= 0) {
                    checker.diagnostics.error(KdCode.KD0221, a.length().span(), "array size must be at least 1, found " + n);
                    yield Type.ERROR;
                }
                yield element instanceof Type.Error ? element : new Type.Array(n.longValue(), element);
            }
            case TypeExpr.Slice s -> {
                Type element = resolve(s.element(), m);
                yield element instanceof Type.Error ? element : new Type.Slice(element);
            }
            case TypeExpr.Fn f -> {
                List<Type> params = new ArrayList<>();
                for (TypeExpr p : f.params()) params.add(signatureType(resolve(p, m), p.span(), "parameter", false));
                Type result = f.result() == null ? Type.VOID
                        : signatureType(resolve(f.result(), m), f.result().span(), "result", false);
                yield new Type.Fn(params, result);
            }
        };
    }

    private Type named(TypeExpr.Named n, ModuleInfo m) {
        List<String> path = n.path();
        if (path.size() == 1) {
            Type.IntKind k = Type.IntKind.byName(path.get(0));
            if (k != null) return new Type.Int(k);
            if (path.get(0).equals("bool")) return Type.BOOL;
        }
        Entity e = checker.lookup(m, path.get(0));
        if (e == null) {
            java.util.Set<String> known = new java.util.TreeSet<>(m.members().keySet());
            known.addAll(m.imports().keySet());
            for (Type.IntKind k : Type.IntKind.values()) known.add(k.spelling);
            known.add("bool");
            String hint = Suggestions.didYouMean(path.get(0), known);
            if (hint == null) checker.diagnostics.error(KdCode.KD0101, n.span(), "unknown type '" + path.get(0) + "'");
            else checker.diagnostics.error(KdCode.KD0101, n.span(), "unknown type '" + path.get(0) + "'", hint);
            return Type.ERROR;
        }
        for (int i = 1; i < path.size(); i++) {
            if (!(e instanceof ModuleInfo mod)) {
                checker.diagnostics.error(KdCode.KD0109, n.span(), "'" + String.join(".", path.subList(0, i)) + "' is not a module");
                return Type.ERROR;
            }
            e = checker.member(m, mod, path.get(i), n.span());
            if (e == null) return Type.ERROR;
        }
        return switch (e) {
            case StructInfo s -> new Type.Struct(s);
            case EnumInfo en -> {
                resolveEnum(en);
                yield new Type.Enum(en);
            }
            default -> {
                checker.diagnostics.error(KdCode.KD0109, n.span(), "'" + String.join(".", path) + "' is not a type");
                yield Type.ERROR;
            }
        };
    }

    /**
     * Parameters and results are scalars, slices or structs; arrays, and structs of {@code extern fn}s
     * (whose C register rules are not implemented), go by pointer (KD0213).
     */
    Type signatureType(Type t, Span span, String what, boolean extern) {
        if (t instanceof Type.Array) {
            checker.diagnostics.error(KdCode.KD0213, span, what + " of type '" + t.display() + "' must be passed by pointer");
            return Type.ERROR;
        }
        if (t instanceof Type.Struct && extern) {
            checker.diagnostics.error(KdCode.KD0213, span, what + " of type '" + t.display()
                    + "' of an extern fn must be passed by pointer: C's small-struct rules are not implemented");
            return Type.ERROR;
        }
        return t;
    }

    void signature(FnInfo f) {
        if (f.type != null) return;
        Decl.Fn d = f.decl();
        List<Type> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Decl.Param p : d.params()) {
            if (!names.add(p.name())) {
                checker.diagnostics.error(KdCode.KD0102, p.span(), "'" + p.name() + "' is already defined in this scope");
            }
            params.add(signatureType(resolve(p.type(), f.module()), p.type().span(), "parameter", d.extern()));
        }
        Type result = d.result() == null ? Type.VOID
                : signatureType(resolve(d.result(), f.module()), d.result().span(), "result", d.extern());
        f.type = new Type.Fn(params, result);
    }

    /** C layout (docs/language.md §3); reports a struct containing itself (KD0107). */
    void layout(StructInfo s) {
        if (s.state == StructInfo.State.DONE) return;
        if (s.state == StructInfo.State.RESOLVING) {
            checker.diagnostics.error(KdCode.KD0107, s.decl().nameSpan(), "struct '" + s.name() + "' contains itself");
            s.state = StructInfo.State.DONE;
            return;
        }
        s.state = StructInfo.State.RESOLVING;
        long offset = 0;
        long align = explicitAlign(s.decl().attributes(), s.decl().nameSpan());
        Set<String> names = new HashSet<>();
        List<StructInfo.Field> fields = new ArrayList<>();
        for (Decl.Field f : s.decl().fields()) {
            Type t = resolve(f.type(), s.module());
            if (!names.add(f.name())) {
                checker.diagnostics.error(KdCode.KD0102, f.span(), "field '" + f.name() + "' is already defined");
                continue;
            }
            long fieldAlign = Math.max(alignOf(t), explicitAlign(f.attributes(), f.span()));
            offset = alignUp(offset, fieldAlign);
            fields.add(new StructInfo.Field(f.name(), t, offset));
            offset += sizeOf(t);
            align = Math.max(align, fieldAlign);
        }
        if (s.state == StructInfo.State.DONE) return; // a cycle was reported while resolving a field
        s.fields.clear();
        s.fields.addAll(fields);
        s.align = align;
        s.size = alignUp(offset, align);
        s.state = StructInfo.State.DONE;
    }

    private long explicitAlign(List<Decl.Attribute> attributes, Span at) {
        for (Decl.Attribute a : attributes) {
            if (!a.name().equals("align")) continue;
            if (a.args().size() != 1 || !(a.args().get(0) instanceof BigInteger b)) {
                checker.diagnostics.error(KdCode.KD0451, a.span(), "'align' takes one integer");
                continue;
            }
            if (b.signum() <= 0 || b.bitCount() != 1 || b.bitLength() > 16) {
                checker.diagnostics.error(KdCode.KD0226, a.span(), "alignment must be a power of two, found " + b);
                continue;
            }
            return b.longValue();
        }
        return 1;
    }

    void resolveEnum(EnumInfo en) {
        if (en.resolved) return;
        en.resolved = true;
        Type repr = resolve(en.decl().repr(), en.module());
        if (repr instanceof Type.Int i) {
            en.repr = i;
        } else if (!(repr instanceof Type.Error)) {
            checker.diagnostics.error(KdCode.KD0225, en.decl().repr().span(),
                    "enum representation must be an integer type, found '" + repr.display() + "'");
        }
        BigInteger next = BigInteger.ZERO;
        for (Decl.Variant v : en.decl().variants()) {
            BigInteger value = next;
            if (v.value() != null) {
                BigInteger given = checker.consts.evaluate(v.value(), en.repr, en.module());
                if (given == null) continue;
                value = given;
            } else if (!en.repr.kind().fits(value)) {
                checker.diagnostics.error(KdCode.KD0225, v.span(), "value " + value + " does not fit '" + en.repr.display() + "'");
            }
            if (en.variants.containsKey(v.name())) {
                checker.diagnostics.error(KdCode.KD0102, v.span(), "variant '" + v.name() + "' is already defined");
                continue;
            }
            for (var other : en.variants.entrySet()) {
                if (other.getValue().equals(value)) {
                    checker.diagnostics.error(KdCode.KD0225, v.span(),
                            "value " + value + " is already used by '" + other.getKey() + "'");
                }
            }
            en.variants.put(v.name(), value);
            next = value.add(BigInteger.ONE);
        }
    }

    long sizeOf(Type t) {
        return switch (t) {
            case Type.Int i -> i.kind().bits / 8;
            case Type.Bool b -> 1;
            case Type.Pointer p -> 8;
            case Type.Fn f -> 8;
            case Type.Slice s -> 16;
            case Type.Array a -> a.length() * sizeOf(a.element());
            case Type.Struct s -> {
                layout(s.info());
                yield s.info().size;
            }
            case Type.Enum e -> {
                resolveEnum(e.info());
                yield e.info().repr.kind().bits / 8;
            }
            case Type.Void v -> 0;
            case Type.Null n -> 8;
            case Type.Error e -> 1;
        };
    }

    long alignOf(Type t) {
        return switch (t) {
            case Type.Array a -> alignOf(a.element());
            case Type.Slice s -> 8;
            case Type.Struct s -> {
                layout(s.info());
                yield s.info().align;
            }
            default -> Math.max(1, sizeOf(t));
        };
    }

    static long alignUp(long v, long align) {
        return (v + align - 1) / align * align;
    }
}
