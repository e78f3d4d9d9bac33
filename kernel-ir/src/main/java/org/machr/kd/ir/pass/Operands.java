package org.machr.kd.ir.pass;

import java.util.List;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Allocation-free views of what instructions read and write, for the passes' hot loops
 * ({@link Insn#uses()} builds a list per call), and renaming of an instruction's result.
 */
final class Operands {
    private Operands() {}

    /** Receives the registers an instruction reads. */
    @FunctionalInterface
    interface RegVisitor {
        void reg(Reg r);
    }

    static void forEachUse(Insn insn, RegVisitor v) {
        switch (insn) {
            case Insn.Copy c -> visit(c.src(), v);
            case Insn.Binary b -> {
                visit(b.a(), v);
                visit(b.b(), v);
            }
            case Insn.Unary u -> visit(u.a(), v);
            case Insn.Convert c -> visit(c.a(), v);
            case Insn.Compare c -> {
                visit(c.a(), v);
                visit(c.b(), v);
            }
            case Insn.Select s -> {
                visit(s.cond(), v);
                visit(s.ifTrue(), v);
                visit(s.ifFalse(), v);
            }
            case Insn.Load l -> visit(l.address(), v);
            case Insn.Store s -> {
                visit(s.address(), v);
                visit(s.value(), v);
            }
            case Insn.Call c -> {
                if (c.callee() instanceof Callee.Indirect(Operand target, var unused)) visit(target, v);
                visitAll(c.args(), v);
            }
            default -> visitAll(insn.uses(), v);
        }
    }

    static void forEachUse(Terminator t, RegVisitor v) {
        switch (t) {
            case Terminator.Branch b -> visit(b.cond(), v);
            case Terminator.Switch s -> visit(s.value(), v);
            case Terminator.Return r -> visitAll(r.values(), v);
            default -> {}
        }
    }

    /** Calls {@code v} for every register the instruction writes. */
    static void forEachDef(Insn insn, RegVisitor v) {
        if (insn instanceof Insn.Call c) {
            for (Reg r : c.results()) v.reg(r);
        } else {
            Reg d = insn.dst();
            if (d != null) v.reg(d);
        }
    }

    /** Whether the instruction reads or writes register {@code id}. */
    static boolean mentions(Insn insn, int id) {
        boolean[] found = {false};
        forEachUse(insn, r -> found[0] |= r.id() == id);
        forEachDef(insn, r -> found[0] |= r.id() == id);
        return found[0];
    }

    /** Whether the instruction writes register {@code id}. */
    static boolean defines(Insn insn, int id) {
        if (insn instanceof Insn.Call c) {
            for (Reg r : c.results()) if (r.id() == id) return true;
            return false;
        }
        Reg d = insn.dst();
        return d != null && d.id() == id;
    }

    /**
     * The instruction writing {@code dst} instead of its single result, or {@code null} when it has
     * no single result that can be renamed.
     */
    static Insn withDst(Insn insn, Reg dst) {
        return switch (insn) {
            case Insn.Copy c -> new Insn.Copy(dst, c.src());
            case Insn.Binary b -> new Insn.Binary(dst, b.op(), b.a(), b.b(), b.loc());
            case Insn.Unary u -> new Insn.Unary(dst, u.op(), u.a());
            case Insn.Convert c -> new Insn.Convert(dst, c.op(), c.a());
            case Insn.Compare c -> new Insn.Compare(dst, c.cond(), c.a(), c.b());
            case Insn.Select s -> new Insn.Select(dst, s.cond(), s.ifTrue(), s.ifFalse());
            case Insn.Load l -> new Insn.Load(dst, l.memType(), l.ext(), l.address(), l.isVolatile(), l.loc());
            case Insn.Call c when c.results().size() == 1 -> new Insn.Call(List.of(dst), c.callee(), c.args(), c.loc());
            case Insn.IntrinsicCall c when c.dst() != null -> new Insn.IntrinsicCall(dst, c.intrinsic(), c.args(), c.systemRegister(), c.loc());
            default -> null;
        };
    }

    /** Pure computations: no memory access, no panic, no side effect; safe to execute speculatively. */
    static boolean isPure(Insn insn) {
        return switch (insn) {
            case Insn.Copy c -> true;
            case Insn.Binary b -> !b.op().canPanic();
            case Insn.Unary u -> true;
            case Insn.Convert c -> true;
            case Insn.Compare c -> true;
            case Insn.Select s -> true;
            default -> false;
        };
    }

    private static void visit(Operand o, RegVisitor v) {
        if (o instanceof Reg r) v.reg(r);
    }

    private static void visitAll(List<Operand> os, RegVisitor v) {
        for (Operand o : os) if (o instanceof Reg r) v.reg(r);
    }
}
