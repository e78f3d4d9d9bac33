package org.machr.kd.check;

import java.math.BigInteger;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;

/**
 * Compile-time evaluation (docs/language.md §5.6) with the integer semantics of §6: wrapping
 * arithmetic, truncating signed division, masked shift counts. Booleans evaluate to 0 and 1.
 */
final class ConstEval {

    private final Checker checker;

    ConstEval(Checker checker) {
        this.checker = checker;
    }

    /** Type-checks {@code e} against {@code type} in module {@code m} and evaluates it; null after an error. */
    BigInteger evaluate(Expr e, Type type, ModuleInfo m) {
        int before = checker.diagnostics.errorCount();
        checker.exprs.checkConstant(e, type, m);
        if (checker.diagnostics.errorCount() > before) return null;
        return value(e);
    }

    void resolve(ConstInfo c) {
        if (c.state == ConstInfo.State.DONE) return;
        if (c.state == ConstInfo.State.RESOLVING) {
            checker.diagnostics.error(KdCode.KD0111, c.decl().nameSpan(), "constant '" + c.name() + "' depends on itself");
            c.state = ConstInfo.State.DONE;
            return;
        }
        c.state = ConstInfo.State.RESOLVING;
        c.type = checker.types.resolve(c.decl().type(), c.module());
        if (!(c.type instanceof Type.Int || c.type instanceof Type.Bool || c.type instanceof Type.Enum
                || c.type instanceof Type.Error)) {
            checker.diagnostics.error(KdCode.KD0220, c.decl().type().span(),
                    "constants must have an integer, bool or enum type, found '" + c.type.display() + "'");
            c.state = ConstInfo.State.DONE;
            return;
        }
        BigInteger v = evaluate(c.decl().value(), c.type, c.module());
        if (c.state == ConstInfo.State.DONE) return;
        if (v != null) c.value = v;
        c.state = ConstInfo.State.DONE;
    }

    /** The value of a checked expression, or null (reporting KD0220) when it is not constant. */
    BigInteger value(Expr e) {
        BigInteger known = checker.sem.constants.get(e);
        if (known != null) return known;
        BigInteger v = compute(e);
        if (v != null) checker.sem.constants.put(e, v);
        return v;
    }

    private BigInteger compute(Expr e) {
        Type t = checker.sem.typeOf(e);
        return switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.BoolLit b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
            case Expr.Name n -> fromRef(e);
            case Expr.Member mem -> fromRef(e);
            case Expr.Unary u -> {
                BigInteger v = value(u.operand());
                if (v == null) yield null;
                yield switch (u.op()) {
                    case NEG -> wrap(t, v.negate());
                    case COMPLEMENT -> wrap(t, v.not());
                    case NOT -> v.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO;
                    default -> notConstant(e);
                };
            }
            case Expr.Binary b -> binary(b, t);
            case Expr.Cast c -> {
                BigInteger v = value(c.value());
                if (v == null) yield null;
                yield t instanceof Type.Int ? wrap(t, v) : notConstant(e);
            }
            default -> notConstant(e);
        };
    }

    private BigInteger fromRef(Expr e) {
        Semantics.Ref ref = checker.sem.refOf(e);
        return switch (ref) {
            case Semantics.ConstRef c -> {
                checker.consts.resolve(c.constant());
                yield c.constant().value;
            }
            case Semantics.VariantRef v -> v.type().value(v.variant());
            case null, default -> notConstant(e);
        };
    }

    private BigInteger binary(Expr.Binary b, Type t) {
        BigInteger l = value(b.left());
        BigInteger r = value(b.right());
        if (l == null || r == null) return null;
        Type operand = checker.sem.typeOf(b.left());
        return switch (b.op()) {
            case ADD -> wrap(t, l.add(r));
            case SUB -> wrap(t, l.subtract(r));
            case MUL -> wrap(t, l.multiply(r));
            case DIV, REM -> {
                if (r.signum() == 0) {
                    checker.diagnostics.error(KdCode.KD0222, b.span(), "division by zero in a constant");
                    yield null;
                }
                yield wrap(t, b.op() == Expr.BinaryOp.DIV ? l.divide(r) : l.remainder(r));
            }
            case AND -> wrap(t, l.and(r));
            case OR -> wrap(t, l.or(r));
            case XOR -> wrap(t, l.xor(r));
            case SHL, SHR -> {
                int bits = t instanceof Type.Int i ? i.kind().bits : 64;
                int count = r.and(BigInteger.valueOf(bits - 1)).intValue();
                BigInteger unsignedLeft = l.signum() < 0 && !(t instanceof Type.Int i && i.kind().signed)
                        ? l.add(BigInteger.ONE.shiftLeft(bits)) : l;
                yield wrap(t, b.op() == Expr.BinaryOp.SHL ? l.shiftLeft(count) : unsignedLeft.shiftRight(count));
            }
            case EQ -> bool(l.equals(r));
            case NE -> bool(!l.equals(r));
            case LT -> bool(l.compareTo(r) < 0);
            case LE -> bool(l.compareTo(r) <= 0);
            case GT -> bool(l.compareTo(r) > 0);
            case GE -> bool(l.compareTo(r) >= 0);
            case ANDAND -> bool(l.signum() != 0 && r.signum() != 0);
            case OROR -> bool(l.signum() != 0 || r.signum() != 0);
        };
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static BigInteger wrap(Type t, BigInteger v) {
        return t instanceof Type.Int i ? i.kind().wrap(v) : v;
    }

    private BigInteger notConstant(Expr e) {
        checker.diagnostics.error(KdCode.KD0220, e.span(), "expression is not a compile-time constant");
        return null;
    }
}
