package org.machr.kd.ir.pass;

import java.util.List;
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
        int n = f.regCount();
        Operand[] global = new Operand[n];
        for (int r = 0; r < n; r++)
            if (uses.singleDef[r] instanceof Insn.Copy(Reg d, Operand src)
                    && (!(src instanceof Reg s) || (uses.defs[s.id()] == 1 && s.id() != d.id())))
                global[r] = src;
        // Block-local copies: local[r] holds r's source while valid; a register source is valid while its
        // version (bumped at every assignment) is the one recorded with the copy.
        Operand[] local = new Operand[n];
        int[] sourceVersion = new int[n];
        int[] version = new int[n];
        boolean changed = false;
        for (Block b : f.blocks()) {
            java.util.Arrays.fill(local, null);
            UnaryOperator<Operand> subst = o -> resolve(o, global, local, sourceVersion, version);
            List<Insn> insns = b.insns();
            for (int i = 0; i < insns.size(); i++) {
                Insn before = insns.get(i);
                Insn after = before.mapUses(subst);
                if (!after.equals(before)) {
                    insns.set(i, after);
                    changed = true;
                }
                for (Reg d : after.defs()) {
                    version[d.id()]++;
                    local[d.id()] = null;
                    if (after instanceof Insn.Copy(Reg unused, Operand src) && !(src instanceof Reg s && s.id() == d.id())) {
                        local[d.id()] = src;
                        if (src instanceof Reg s) sourceVersion[d.id()] = version[s.id()];
                    }
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

    private static Operand resolve(Operand o, Operand[] global, Operand[] local, int[] sourceVersion, int[] version) {
        for (int hops = 0; hops < 64 && o instanceof Reg r; hops++) {
            Operand next = local[r.id()];
            if (next instanceof Reg s && sourceVersion[r.id()] != version[s.id()]) next = null;
            if (next == null) next = global[r.id()];
            if (next == null) break;
            o = next;
        }
        return o;
    }
}
