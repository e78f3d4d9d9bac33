package org.machr.kd.lower;

import java.util.List;
import org.machr.kd.ast.Expr;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.MemOrder;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.RmwOp;

/**
 * Intrinsics (docs/language.md §9) as IR: volatile accesses and atomics become memory instructions,
 * {@code @panic} a call of {@code rt.panic_at}, hosted and per-architecture machine ones IR intrinsics.
 */
final class IntrinsicLowering {

    private final FnLowering f;
    private final ExprLowering exprs;
    private final FunctionBuilder b;

    IntrinsicLowering(FnLowering f, ExprLowering exprs) {
        this.f = f;
        this.exprs = exprs;
        this.b = f.b;
    }

    Value lower(Expr.Intrinsic i) {
        String name = i.name();
        List<Expr> args = i.args();
        Loc loc = f.loc(i.span());
        if (name.startsWith("volatile_load")) {
            IrType t = IrType.ofBytes(Integer.parseInt(name.substring("volatile_load".length())) / 8);
            return new Value.Scalar(b.load(t, Ext.ZERO, t, arg(args, 0), true, loc));
        }
        if (name.startsWith("volatile_store")) {
            IrType t = IrType.ofBytes(Integer.parseInt(name.substring("volatile_store".length())) / 8);
            Operand address = arg(args, 0);
            b.store(t, address, arg(args, 1), true, loc);
            return Value.NONE;
        }
        return switch (name) {
            case "atomic_load" -> {
                IrType t = Layout.ir(f.sem.typeOf(i));
                yield new Value.Scalar(b.atomicLoad(t, arg(args, 0), order(args, 1), loc));
            }
            case "atomic_store" -> {
                Operand p = arg(args, 0);
                b.atomicStore(p, arg(args, 1), order(args, 2), loc);
                yield Value.NONE;
            }
            case "atomic_cas" -> {
                Operand p = arg(args, 0);
                Operand expected = arg(args, 1);
                yield new Value.Scalar(b.atomicCas(p, expected, arg(args, 2), order(args, 3), loc));
            }
            case "atomic_fetch_add" -> {
                Operand p = arg(args, 0);
                yield new Value.Scalar(b.atomicRmw(RmwOp.ADD, p, arg(args, 1), order(args, 2), loc));
            }
            case "barrier" -> {
                b.fence(MemOrder.SEQ_CST);
                yield Value.NONE;
            }
            case "slice" -> {
                Operand p = arg(args, 0);
                yield new Value.SliceValue(p, arg(args, 1));
            }
            case "panic" -> {
                exprs.panic((Value.SliceValue) exprs.value(args.get(0)), i.span());
                yield Value.NONE;
            }
            default -> machine(name, args, loc);
        };
    }

    /** The hosted and per-architecture intrinsics, one IR intrinsic each; msr/mrs name their register. */
    private Value machine(String name, List<Expr> args, Loc loc) {
        Intrinsic in = Intrinsic.byName(name).orElseThrow(() -> new IllegalStateException("unchecked intrinsic @" + name));
        String systemRegister = null;
        List<Expr> operands = args;
        if (in.takesSystemRegister()) {
            systemRegister = ((Expr.Name) args.get(0)).name();
            operands = args.subList(1, args.size());
        }
        List<Operand> values = new java.util.ArrayList<>();
        for (Expr e : operands) values.add(exprs.value(e).scalar());
        Reg r = b.intrinsic(in, values, systemRegister, loc);
        return r == null ? Value.NONE : new Value.Scalar(r);
    }

    private Operand arg(List<Expr> args, int index) {
        return exprs.value(args.get(index)).scalar();
    }

    private static MemOrder order(List<Expr> args, int index) {
        if (args.size() <= index || !(args.get(index) instanceof Expr.Name n)) return MemOrder.SEQ_CST;
        return MemOrder.valueOf(n.name().toUpperCase(java.util.Locale.ROOT));
    }
}
