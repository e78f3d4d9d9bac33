package org.machr.kd.ir.pass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Replaces reads of a register that holds a copy by the copied operand. Function-wide when both the
 * copy's destination and its source (if a register) have a single definition — the value can then
 * never differ; within a block for registers assigned several times, until either side is reassigned.
 */
public final class CopyPropagation implements Pass {

    @Override
    public String name() {
        return "copyprop";
    }

    @Override
    public boolean run(IrFunction f) {
        Uses uses = new Uses(f);
        Map<Integer, Operand> global = new HashMap<>();
        for (int r = 0; r < uses.singleDef.length; r++)
            if (uses.singleDef[r] instanceof Insn.Copy(Reg d, Operand src)
                    && (!(src instanceof Reg s) || (uses.defs[s.id()] == 1 && s.id() != d.id())))
                global.put(r, src);
        boolean changed = false;
        for (Block b : f.blocks()) {
            Map<Integer, Operand> local = new HashMap<>();
            UnaryOperator<Operand> subst = o -> resolve(o, global, local);
            List<Insn> insns = b.insns();
            for (int i = 0; i < insns.size(); i++) {
                Insn before = insns.get(i);
                Insn after = before.mapUses(subst);
                if (!after.equals(before)) {
                    insns.set(i, after);
                    changed = true;
                }
                for (Reg d : after.defs()) {
                    local.remove(d.id());
                    local.values().removeIf(v -> v instanceof Reg r && r.id() == d.id());
                    if (after instanceof Insn.Copy(Reg unused, Operand src) && !(src instanceof Reg s && s.id() == d.id()))
                        local.put(d.id(), src);
                }
            }
            Terminator t = b.terminator();
            if (t != null) {
                Terminator after = t.mapUses(subst);
                if (!after.equals(t)) {
                    b.setTerminator(after);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static Operand resolve(Operand o, Map<Integer, Operand> global, Map<Integer, Operand> local) {
        for (int hops = 0; hops < 64 && o instanceof Reg r; hops++) {
            Operand next = local.containsKey(r.id()) ? local.get(r.id()) : global.get(r.id());
            if (next == null) break;
            o = next;
        }
        return o;
    }
}
