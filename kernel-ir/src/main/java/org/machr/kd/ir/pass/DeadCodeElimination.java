package org.machr.kd.ir.pass;

import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;

/**
 * Removes instructions without side effects whose result is never read, until none is left.
 * Loads (which may fault), stores, atomics, calls, intrinsics and divisions (which may panic) stay.
 */
public final class DeadCodeElimination implements Pass {

    @Override
    public String name() {
        return "dce";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        Uses uses = analyses.uses();
        boolean changed = false;
        boolean again = true;
        while (again) {                 // use counts are kept up to date, so a sweep costs no recount
            again = false;
            for (Block b : f.blocks()) {
                var it = b.insns().listIterator(b.insns().size());
                while (it.hasPrevious()) {
                    Insn i = it.previous();
                    boolean dead = !i.hasSideEffects() && i.dst() != null && uses.uses[i.dst().id()] == 0
                            || i instanceof Insn.Copy(Reg d, Operand s) && s.equals(d);
                    if (!dead) continue;
                    it.remove();
                    for (Operand o : i.uses()) if (o instanceof Reg r) uses.uses[r.id()]--;
                    again = true;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
