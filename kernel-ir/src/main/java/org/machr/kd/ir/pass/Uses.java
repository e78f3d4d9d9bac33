package org.machr.kd.ir.pass;

import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Reg;

/** Per-register counts of definitions and uses of one function: the side tables passes share. */
final class Uses {
    final int[] defs;
    final int[] uses;
    /** The defining instruction of registers with exactly one definition (else null). */
    final Insn[] singleDef;

    Uses(IrFunction f) {
        int n = f.regCount();
        defs = new int[n];
        uses = new int[n];
        singleDef = new Insn[n];
        for (Reg p : f.params()) defs[p.id()]++;
        Operands.RegVisitor countUse = r -> uses[r.id()]++;
        for (Block b : f.blocks()) {
            for (Insn i : b.insns()) {
                Operands.forEachUse(i, countUse);
                if (i instanceof Insn.Call c) {
                    for (Reg d : c.results()) define(d, i);
                } else if (i.dst() != null) {
                    define(i.dst(), i);
                }
            }
            if (b.terminator() != null) Operands.forEachUse(b.terminator(), countUse);
        }
        for (int r = 0; r < n; r++) if (defs[r] != 1) singleDef[r] = null;
    }

    private void define(Reg d, Insn i) {
        defs[d.id()]++;
        singleDef[d.id()] = i;
    }
}
