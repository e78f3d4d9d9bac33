package org.machr.codegen.aarch64.isel;

import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.GpReg;
import org.machr.codegen.aarch64.Ops.BarrierKind;
import org.machr.codegen.aarch64.Ops.ExclusiveOp;
import org.machr.codegen.aarch64.Ops.LogicalRegOp;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.Label;
import org.machr.kd.ir.RmwOp;

/**
 * Atomics for ARMv8.0 (cortex-a72 has no LSE): LDAR/STLR for loads and stores, LDAXR/STLXR loops for
 * read-modify-write and compare-and-swap, {@code dmb ish} for fences. Every ordering is implemented as
 * sequentially consistent (acquire-release exclusives), which is at least as strong as asked. The
 * loops work in the scratch registers x16 (old value), x17 (new value) and w18 (store status), so the
 * allocator's registers for address, operand and result may coincide without breaking the retry.
 */
final class A64Atomics {

    private A64Atomics() {}

    static int sizeLog2(int bytes) {
        return switch (bytes) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            default -> 3;
        };
    }

    private static GpReg sized(XReg r, int bytes) {
        return bytes == 8 ? r : r.withWidth(false);
    }

    static void load(EmitContext ctx, XReg dst, XReg base, int bytes) {
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.LDAR, sizeLog2(bytes), null, sized(dst, bytes), base));
    }

    static void store(EmitContext ctx, XReg value, XReg base, int bytes) {
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.STLR, sizeLog2(bytes), null, sized(value, bytes), base));
    }

    static void fence(EmitContext ctx) {
        ctx.emit(new A64Insn.Barrier(BarrierKind.DMB, 0b1011));
    }

    /** {@code dst = *base; *base = dst op value}, atomically. */
    static void rmw(EmitContext ctx, RmwOp op, XReg dst, XReg base, XReg value, int bytes) {
        int size = sizeLog2(bytes);
        GpReg old = sized(XReg.X16, bytes);
        GpReg v = sized(value, bytes);
        GpReg nu = sized(XReg.X17, bytes);
        Label retry = ctx.newLabel("rmw");
        ctx.bind(retry);
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.LDAXR, size, null, old, base));
        GpReg stored = switch (op) {
            case XCHG -> v;
            case ADD, SUB -> {
                ctx.emit(new A64Insn.AddSubShifted(op == RmwOp.SUB, false, nu, old, v, Shift.NONE));
                yield nu;
            }
            case AND, OR, XOR -> {
                LogicalRegOp l = op == RmwOp.AND ? LogicalRegOp.AND : op == RmwOp.OR ? LogicalRegOp.ORR : LogicalRegOp.EOR;
                ctx.emit(new A64Insn.LogicalShifted(l, nu, old, v, Shift.NONE));
                yield nu;
            }
        };
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.STLXR, size, XReg.X18.withWidth(false), stored, base));
        ctx.emit(new A64Insn.CompareBranch(true, XReg.X18.withWidth(false), new Target.ToLabel(retry)));
        ctx.emit(A64Lowering.mov(dst, XReg.X16));
    }

    /** {@code dst = *base; if dst == expected then *base = replacement}, atomically. */
    static void cas(EmitContext ctx, XReg dst, XReg base, XReg expected, XReg replacement, int bytes) {
        int size = sizeLog2(bytes);
        GpReg old = sized(XReg.X16, bytes);
        Label retry = ctx.newLabel("cas");
        Label done = ctx.newLabel("casdone");
        ctx.bind(retry);
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.LDAXR, size, null, old, base));
        ctx.emit(new A64Insn.AddSubShifted(true, true, sized(XReg.XZR, bytes), old, sized(expected, bytes), Shift.NONE));
        ctx.emit(new A64Insn.CondBranch(org.machr.codegen.aarch64.Cond.NE, new Target.ToLabel(done)));
        ctx.emit(new A64Insn.Exclusive(ExclusiveOp.STLXR, size, XReg.X18.withWidth(false), sized(replacement, bytes), base));
        ctx.emit(new A64Insn.CompareBranch(true, XReg.X18.withWidth(false), new Target.ToLabel(retry)));
        ctx.bind(done);
        ctx.emit(A64Lowering.mov(dst, XReg.X16));
    }
}
