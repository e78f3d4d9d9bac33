package org.machr.codegen.x86_64.isel;

import static org.machr.codegen.x86_64.isel.X64Abi.sized;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.codegen.x86_64.AluOp;
import org.machr.codegen.x86_64.Cond;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.NullaryOp;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.Target;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.Terminator;

/**
 * Block terminators for {@link X64Lowering}: jumps (none to the next block in layout), branches
 * ({@code test} + {@code jcc}, or {@code cmp} + {@code jcc} fused with the compare feeding them),
 * switches as compare chains, returns and {@code unreachable}.
 */
final class X64Branches {

    private final X64Lowering l;

    X64Branches(X64Lowering l) {
        this.l = l;
    }

    private static void jumpTo(EmitContext ctx, int target) {
        if (ctx.nextBlock != target) ctx.emit(new X64Insn.Jmp(new Target.Local(ctx.blockLabels.get(target)), X64Insn.Reach.NEAR));
    }

    /** Whether {@code v} is a value of a signed {@code bits}-bit type (an immediate for a compare at that width). */
    static boolean fitsWidth(long v, int bits) {
        return bits == 64 || v == (v << (64 - bits)) >> (64 - bits);
    }

    /**
     * {@code cmp} + {@code jcc} for a compare feeding the block's branch; with {@code memory}, its left
     * operand is the value loaded from there (canonical narrow values compare alike at their own width).
     */
    void fusedBranch(Insn.Compare c, Terminator.Branch b, X64Memory.Addr memory, OpSize size) {
        VReg a = memory == null ? l.reg(c.a()) : null;
        Imm k = X64Lowering.imm32(c.b());
        VReg rb = k == null ? l.reg(c.b()) : null;
        Cond cond = X64Lowering.cond(c.cond());
        int yes = l.blockIndex.get(b.ifTrue());
        int no = l.blockIndex.get(b.ifFalse());
        List<Operand> ops = new ArrayList<>();
        if (a != null) ops.add(Operand.use(a));
        if (rb != null) ops.add(Operand.use(rb));
        int first = ops.size();
        if (memory != null) ops.addAll(memory.uses());
        l.out.add(new MInsn(ops, Set.of(), false, true, (ctx, x) -> {
            org.machr.codegen.x86_64.Operand left = memory == null ? x.get(0) : memory.mem(x, first);
            org.machr.codegen.x86_64.Operand right = rb == null ? Imm.of(X64Memory.truncate(k.value(), size))
                    : sized(x.get(a == null ? 0 : 1), size);
            ctx.emit(new X64Insn.Alu(AluOp.CMP, size, left, right));
            if (ctx.nextBlock == yes) {
                ctx.emit(new X64Insn.Jcc(negate(cond), new Target.Local(ctx.blockLabels.get(no)), X64Insn.Reach.NEAR));
            } else {
                ctx.emit(new X64Insn.Jcc(cond, new Target.Local(ctx.blockLabels.get(yes)), X64Insn.Reach.NEAR));
                jumpTo(ctx, no);
            }
        }));
    }

    /** The opposite condition (the x86 encoding pairs them: cc ^ 1). */
    static Cond negate(Cond c) {
        return Cond.values()[c.ordinal() ^ 1];
    }

    void terminator(Terminator t) {
        switch (t) {
            case Terminator.Jump j -> {
                int target = l.blockIndex.get(j.target());
                l.out.add(new MInsn(List.of(), Set.of(), false, true, (ctx, x) -> jumpTo(ctx, target)));
            }
            case Terminator.Branch b -> {
                VReg c = l.reg(b.cond());
                int yes = l.blockIndex.get(b.ifTrue());
                int no = l.blockIndex.get(b.ifFalse());
                l.out.add(new MInsn(List.of(Operand.use(c)), Set.of(), false, true, (ctx, x) -> {
                    ctx.emit(new X64Insn.Test(OpSize.QWORD, x.get(0), x.get(0)));
                    if (ctx.nextBlock == yes) {
                        ctx.emit(new X64Insn.Jcc(Cond.E, new Target.Local(ctx.blockLabels.get(no)), X64Insn.Reach.NEAR));
                    } else {
                        ctx.emit(new X64Insn.Jcc(Cond.NE, new Target.Local(ctx.blockLabels.get(yes)), X64Insn.Reach.NEAR));
                        jumpTo(ctx, no);
                    }
                }));
            }
            case Terminator.Switch s -> {
                VReg value = l.reg(s.value());
                for (Terminator.Case k : s.cases()) {
                    int target = l.blockIndex.get(k.target());
                    long key = k.value();
                    if (X64Lowering.fitsImm32(key)) {
                        l.add(List.of(Operand.use(value)), (ctx, x) -> {
                            ctx.emit(new X64Insn.Alu(AluOp.CMP, OpSize.QWORD, x.get(0), Imm.of(key)));
                            ctx.emit(new X64Insn.Jcc(Cond.E, new Target.Local(ctx.blockLabels.get(target)), X64Insn.Reach.NEAR));
                        });
                    } else {
                        VReg kv = l.reg(new org.machr.kd.ir.Imm(s.value().type(), key));
                        l.add(List.of(Operand.use(value), Operand.use(kv)), (ctx, x) -> {
                            ctx.emit(new X64Insn.Alu(AluOp.CMP, OpSize.QWORD, x.get(0), x.get(1)));
                            ctx.emit(new X64Insn.Jcc(Cond.E, new Target.Local(ctx.blockLabels.get(target)), X64Insn.Reach.NEAR));
                        });
                    }
                }
                terminator(new Terminator.Jump(s.otherwise()));
            }
            case Terminator.Return r -> {
                if (r.values().size() > 2) throw new UnsupportedIrException("returning more than 2 values");
                List<Operand> ops = new ArrayList<>();
                for (int i = 0; i < r.values().size(); i++) ops.add(Operand.fixedUse(l.reg(r.values().get(i)), X64Abi.RESULTS.get(i)));
                l.out.add(new MInsn(ops, Set.of(), false, true, (ctx, x) -> ctx.epilogue()));
            }
            case Terminator.Unreachable u -> l.out.add(new MInsn(List.of(), Set.of(), false, true,
                    (ctx, x) -> ctx.emit(new X64Insn.Nullary(NullaryOp.UD2))));
        }
    }
}
