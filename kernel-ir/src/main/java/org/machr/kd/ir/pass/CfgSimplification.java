package org.machr.kd.ir.pass;

import java.util.BitSet;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Terminator;

/**
 * Simplifies the control-flow graph: branches whose targets agree become jumps, jumps to empty
 * forwarding blocks go straight to their destination, unreachable blocks are removed, and a block
 * that is the only successor of its only predecessor is merged into it.
 */
public final class CfgSimplification implements Pass {

    @Override
    public String name() {
        return "simplifycfg";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        boolean changed = false;
        boolean again = true;
        while (again) {
            again = foldSameTargets(f) | threadJumps(f) | removeUnreachable(f) | mergeChains(f);
            changed |= again;
        }
        return changed;
    }

    private static boolean foldSameTargets(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            if (b.terminator() instanceof Terminator.Branch(var c, int t, int e) && t == e) {
                b.setTerminator(new Terminator.Jump(t));
                changed = true;
            }
        }
        return changed;
    }

    /** Where control really goes when it enters {@code id}: through chains of empty jump-only blocks. */
    private static int forward(IrFunction f, int id) {
        int current = id;
        for (int hops = 0; hops < 32; hops++) {
            Block b = f.block(current);
            if (b == null || b == f.entry() || !b.insns().isEmpty() || !(b.terminator() instanceof Terminator.Jump(int next))
                    || next == current) break;
            current = next;
        }
        return current;
    }

    private static boolean threadJumps(IrFunction f) {
        boolean changed = false;
        for (Block b : f.blocks()) {
            Terminator t = b.terminator();
            if (t == null || !anyForwarding(f, t)) continue;
            Terminator threaded = t.mapTargets(id -> forward(f, id));
            if (!threaded.equals(t)) {
                b.setTerminator(threaded);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean anyForwarding(IrFunction f, Terminator t) {
        return switch (t) {
            case Terminator.Jump(int target) -> forward(f, target) != target;
            case Terminator.Branch(var c, int yes, int no) -> forward(f, yes) != yes || forward(f, no) != no;
            case Terminator.Return r -> false;
            case Terminator.Unreachable u -> false;
            default -> true;
        };
    }

    private static boolean removeUnreachable(IrFunction f) {
        BitSet reached = new BitSet();
        int[] work = new int[f.blockIdLimit()];
        int size = 0;
        work[size++] = f.entry().id();
        reached.set(f.entry().id());
        while (size > 0) {
            Block b = f.block(work[--size]);
            int[] top = {size};
            Cfg.forEachSuccessor(b, s -> {
                if (!reached.get(s) && f.block(s) != null) {
                    reached.set(s);
                    work[top[0]++] = s;
                }
            });
            size = top[0];
        }
        if (reached.cardinality() == f.blocks().size()) return false;
        int before = f.blocks().size();
        f.removeBlocks(b -> !reached.get(b.id()));
        return f.blocks().size() != before;
    }

    private static boolean mergeChains(IrFunction f) {
        int[] preds = new int[f.blockIdLimit()];
        for (Block b : f.blocks())
            Cfg.forEachSuccessor(b, s -> preds[s]++);
        BitSet merged = new BitSet();
        for (Block b : f.blocks()) {
            if (merged.get(b.id())) continue;
            while (b.terminator() instanceof Terminator.Jump(int next) && next != b.id() && preds[next] == 1
                    && f.block(next) != f.entry() && !merged.get(next)) {
                Block succ = f.block(next);
                b.insns().addAll(succ.insns());
                b.setTerminator(succ.terminator());
                merged.set(next);
            }
        }
        if (merged.isEmpty()) return false;
        f.removeBlocks(b -> merged.get(b.id()));
        return true;
    }
}
