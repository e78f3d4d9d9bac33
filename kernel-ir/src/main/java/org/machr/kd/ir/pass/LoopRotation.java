package org.machr.kd.ir.pass;

import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Terminator;

/**
 * Turns {@code while} loops into a guard and a do-while: a latch that jumps back to a loop header
 * ending in a conditional branch gets a copy of the header's instructions and branch, so each
 * iteration ends with one conditional branch instead of a jump and a branch. The header is left as
 * the guard, entered only from outside the loop. Copying instructions is exact in this IR: registers
 * may be assigned in several places. Only small headers without calls are copied.
 */
public final class LoopRotation implements Pass {
    static final int MAX_HEADER_INSNS = 6;

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        if (!hasBackwardJump(f)) return false;
        boolean changed = false;
        for (Cfg.Loop loop : analyses.cfg().loops()) {
            Block header = f.block(loop.header());
            if (!(header.terminator() instanceof Terminator.Branch branch) || !copyable(header.insns())) continue;
            for (int id : loop.latches()) {
                Block latch = f.block(id);
                if (latch == header || !(latch.terminator() instanceof Terminator.Jump(int target)) || target != header.id())
                    continue;
                latch.insns().addAll(header.insns());
                latch.setTerminator(branch);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean copyable(List<Insn> insns) {
        if (insns.size() > MAX_HEADER_INSNS) return false;
        for (Insn i : insns) if (i instanceof Insn.Call || i instanceof Insn.IntrinsicCall) return false;
        return true;
    }

    /** A cheap filter: only functions with a jump to a block laid out no later than the jump are searched. */
    private static boolean hasBackwardJump(IrFunction f) {
        int[] position = new int[f.blockIdLimit()];
        List<Block> blocks = f.blocks();
        for (int i = 0; i < blocks.size(); i++) position[blocks.get(i).id()] = i;
        for (int i = 0; i < blocks.size(); i++)
            if (blocks.get(i).terminator() instanceof Terminator.Jump(int target) && position[target] <= i) return true;
        return false;
    }
}
