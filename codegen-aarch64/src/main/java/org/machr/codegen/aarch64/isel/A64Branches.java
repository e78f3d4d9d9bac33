package org.machr.codegen.aarch64.isel;

import static org.machr.codegen.aarch64.isel.A64Abi.X;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Cond;
import org.machr.codegen.aarch64.Imm12;
import org.machr.codegen.aarch64.Ops.CondSelectOp;
import org.machr.codegen.aarch64.Ops.ExceptionOp;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Compares, selects and block terminators for {@link A64Lowering}: a compare whose only use is the
 * block's branch is fused into it ({@code cmp}/{@code cmn} + {@code b.cond}, or {@code cbz}/{@code cbnz}
 * against 0), a block whose only predecessor left the same flags set branches without its own
 * {@code cmp}, branches fall through to the next block in layout, switches are compare chains.
 */
final class A64Branches {

    private final A64Lowering l;
    /** The compare fused into each lowered block's branch (null: none). */
    private final java.util.Map<Integer, Insn.Compare> fusedCompares = new java.util.HashMap<>();
    /** Whether the flags on entry to the block being lowered are those its fused compare would set. */
    private boolean flagsLive;

    A64Branches(A64Lowering l) {
        this.l = l;
    }

    /** Whether {@code i}, the last instruction of {@code b}, is a compare only {@code b}'s branch reads. */
    boolean fusesInto(Insn i, Block b) {
        return i instanceof Insn.Compare c && b.terminator() instanceof Terminator.Branch br
                && l.sameReg(br.cond(), c.dst()) && l.facts.singleUse(l.resolve(c.dst()));
    }

    /** Selects the terminator of {@code b}, whose instructions are {@code seq}, with {@code fused} (or null) fused into it. */
    void terminate(Block b, List<Insn> seq, Insn.Compare fused) {
        flagsLive = fused != null && keepsFlags(seq, fused) && sameFlags(b, fused);
        terminator(b.terminator(), fused);
        fusedCompares.put(b.id(), fused);
    }

    void compare(Insn.Compare c) {
        VReg d = l.v(c.dst());
        Cond cond = cond(c.cond());
        CompareOperands cmp = compareOperands(c);
        List<Operand> ops = cmp.operands();
        ops.add(Operand.def(d));
        l.add(ops, (ctx, x) -> {
            cmp.emit(ctx, x);
            ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSINC, x.get(x.size() - 1), XReg.XZR, XReg.XZR, cond.invert()));
        });
    }

    void select(Insn.Select s) {
        VReg d = l.v(s.dst());
        VReg c = l.reg(s.cond());
        VReg t = l.reg(s.ifTrue());
        VReg f = l.reg(s.ifFalse());
        l.add(List.of(Operand.use(c), Operand.use(t), Operand.use(f), Operand.def(d)), (ctx, x) -> {
            ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), new Imm12(0, false)));
            ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSEL, x.get(3), x.get(1), x.get(2), Cond.NE));
        });
    }

    /**
     * The only predecessor of block {@code b} ends in a fused compare of the same operands as
     * {@code compare}, {@code b}'s own: the flags it set still hold, so {@code b} needs no CMP.
     */
    private boolean sameFlags(Block b, Insn.Compare compare) {
        List<Block> preds = l.facts.preds.getOrDefault(b.id(), List.of());
        if (b == l.fn.entry() || preds.size() != 1 || preds.get(0) == b) return false;
        Insn.Compare before = fusedCompares.get(preds.get(0).id());
        boolean setFlags = before != null && !(before.b() instanceof Imm k && k.value() == 0
                && (before.cond() == org.machr.kd.ir.Cond.EQ || before.cond() == org.machr.kd.ir.Cond.NE));
        return setFlags && sameOperand(before.a(), compare.a()) && sameOperand(before.b(), compare.b());
    }

    /** The instructions before {@code compare} set no flags and write none of its operands. */
    private boolean keepsFlags(List<Insn> seq, Insn.Compare compare) {
        for (Insn i : seq.subList(0, seq.size() - 1)) {
            boolean flagless = i instanceof Insn.Copy || i instanceof Insn.Binary || i instanceof Insn.Unary
                    || i instanceof Insn.Convert || i instanceof Insn.Load || i instanceof Insn.Store;
            if (!flagless) return false;
            for (Reg d : i.defs()) {
                if (sameOperand(d, compare.a()) || sameOperand(d, compare.b())) return false;
            }
        }
        return true;
    }

    private boolean sameOperand(org.machr.kd.ir.Operand x, org.machr.kd.ir.Operand y) {
        return x instanceof Reg r ? l.sameReg(y, r) : x.equals(y);
    }

    /** {@code cmp a, b}: {@code b} in a register, or an immediate ADD/SUB can hold (negative: CMN). */
    private record CompareOperands(VReg a, VReg b, long imm) {
        List<Operand> operands() {
            List<Operand> ops = new ArrayList<>();
            ops.add(Operand.use(a));
            if (b != null) ops.add(Operand.use(b));
            return ops;
        }

        boolean isZero() {
            return b == null && imm == 0;
        }

        void emit(EmitContext ctx, List<XReg> x) {
            if (b != null) ctx.emit(new A64Insn.AddSubShifted(true, true, XReg.XZR, x.get(0), x.get(1), Shift.NONE));
            else if (imm >= 0) ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), Imm12.of(imm)));
            else ctx.emit(new A64Insn.AddSubImm(false, true, XReg.XZR, x.get(0), Imm12.of(-imm)));
        }
    }

    private CompareOperands compareOperands(Insn.Compare c) {
        VReg a = l.reg(c.a());
        if (c.b() instanceof Imm k && k.value() != Long.MIN_VALUE && fitsImm12(Math.abs(k.value()))) {
            return new CompareOperands(a, null, k.value());
        }
        return new CompareOperands(a, l.reg(c.b()), 0);
    }

    private static boolean fitsImm12(long v) {
        return v >= 0 && v <= 4095 || v > 0 && v <= 0xfff000L && (v & 0xfff) == 0;
    }

    static Cond cond(org.machr.kd.ir.Cond c) {
        return switch (c) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case SLT -> Cond.LT;
            case SLE -> Cond.LE;
            case SGT -> Cond.GT;
            case SGE -> Cond.GE;
            case ULT -> Cond.LO;
            case ULE -> Cond.LS;
            case UGT -> Cond.HI;
            case UGE -> Cond.HS;
        };
    }

    /**
     * A two-way branch: {@code branch.apply(true, yes)} and a jump to {@code no} unless it follows; when
     * {@code yes} follows, only {@code branch.apply(false, no)}.
     */
    private static void conditional(EmitContext ctx, java.util.function.BiFunction<Boolean, Target, A64Insn> branch, int yes, int no) {
        if (ctx.nextBlock == yes) {
            ctx.emit(branch.apply(false, new Target.ToLabel(ctx.blockLabels.get(no))));
            return;
        }
        ctx.emit(branch.apply(true, new Target.ToLabel(ctx.blockLabels.get(yes))));
        if (ctx.nextBlock != no) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(no))));
    }

    private void terminator(Terminator t, Insn.Compare fused) {
        switch (t) {
            case Terminator.Jump j -> {
                int target = l.blockIndex.get(j.target());
                l.out.add(new MInsn(List.of(), Set.of(), false, true, (ctx, x) -> {
                    if (ctx.nextBlock != target) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(target))));
                }));
            }
            case Terminator.Branch b when fused != null -> {
                CompareOperands cmp = compareOperands(fused);
                Cond cond = cond(fused.cond());
                int yes = l.blockIndex.get(b.ifTrue());
                int no = l.blockIndex.get(b.ifFalse());
                boolean zeroTest = cmp.isZero() && (cond == Cond.EQ || cond == Cond.NE);
                boolean reuseFlags = flagsLive;
                l.out.add(new MInsn(cmp.operands(), Set.of(), false, true, (ctx, x) -> {
                    if (reuseFlags && !zeroTest) {
                        conditional(ctx, (holds, label) -> new A64Insn.CondBranch(holds ? cond : cond.invert(), label), yes, no);
                    } else if (zeroTest) {
                        conditional(ctx, (nonZero, label) -> new A64Insn.CompareBranch(nonZero == (cond == Cond.NE), x.get(0), label), yes, no);
                    } else {
                        cmp.emit(ctx, x);
                        conditional(ctx, (holds, label) -> new A64Insn.CondBranch(holds ? cond : cond.invert(), label), yes, no);
                    }
                }));
            }
            case Terminator.Branch b -> {
                VReg c = l.reg(b.cond());
                int yes = l.blockIndex.get(b.ifTrue());
                int no = l.blockIndex.get(b.ifFalse());
                l.out.add(new MInsn(List.of(Operand.use(c)), Set.of(), false, true, (ctx, x) ->
                        conditional(ctx, (nonZero, label) -> new A64Insn.CompareBranch(nonZero, x.get(0), label), yes, no)));
            }
            case Terminator.Switch s -> {
                VReg value = l.reg(s.value());
                for (Terminator.Case k : s.cases()) {
                    int target = l.blockIndex.get(k.target());
                    long key = k.value();
                    if (key >= 0 && key <= 4095) {
                        l.add(List.of(Operand.use(value)), (ctx, x) -> {
                            ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), new Imm12((int) key, false)));
                            ctx.emit(new A64Insn.CondBranch(Cond.EQ, new Target.ToLabel(ctx.blockLabels.get(target))));
                        });
                    } else {
                        VReg kv = l.reg(new Imm(s.value().type(), key));
                        l.add(List.of(Operand.use(value), Operand.use(kv)), (ctx, x) -> {
                            ctx.emit(new A64Insn.AddSubShifted(true, true, XReg.XZR, x.get(0), x.get(1), Shift.NONE));
                            ctx.emit(new A64Insn.CondBranch(Cond.EQ, new Target.ToLabel(ctx.blockLabels.get(target))));
                        });
                    }
                }
                terminator(new Terminator.Jump(s.otherwise()), null);
            }
            case Terminator.Return r -> {
                if (r.values().size() > 2) throw new UnsupportedIrException("returning more than 2 values");
                List<Operand> ops = new ArrayList<>();
                for (int i = 0; i < r.values().size(); i++) ops.add(Operand.fixedUse(l.reg(r.values().get(i)), X[i]));
                l.out.add(new MInsn(ops, Set.of(), false, true, (ctx, x) -> ctx.epilogue()));
            }
            case Terminator.Unreachable u -> l.out.add(new MInsn(List.of(), Set.of(), false, true,
                    (ctx, x) -> ctx.emit(new A64Insn.ExceptionGen(ExceptionOp.BRK, 0x3e8))));
        }
    }
}
