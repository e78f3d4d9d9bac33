package org.machr.kd.ir.pass;

import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;

/**
 * Writes results straight into the register they are copied to: {@code %t = op ...; %x = copy %t},
 * where {@code %t} has that one definition and that one use, becomes {@code %x = op ...}. The
 * definition and the copy must be in one block with no read or write of {@code %x} between them (the
 * operands of {@code op} are read before {@code %x} is written, so {@code %x = add %x, 1} is fine).
 */
public final class CopyCoalescing implements Pass {

    @Override
    public String name() {
        return "coalesce";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        Uses uses = analyses.uses();
        boolean changed = false;
        for (Block b : f.blocks()) {
            List<Insn> insns = b.insns();
            for (int j = 0; j < insns.size(); j++) {
                if (!(insns.get(j) instanceof Insn.Copy(Reg x, Operand src)) || !(src instanceof Reg t) || t.id() == x.id()
                        || uses.defs[t.id()] != 1 || uses.uses[t.id()] != 1) continue;
                int i = definitionBefore(insns, j, t, x);
                if (i < 0) continue;
                Insn renamed = Operands.withDst(insns.get(i), x);
                if (renamed == null) continue;
                insns.set(i, renamed);
                insns.remove(j);
                j--;
                changed = true;
            }
        }
        return changed;
    }

    /** The index of {@code t}'s definition before {@code copyAt}, or -1 if absent or {@code x} is touched in between. */
    private static int definitionBefore(List<Insn> insns, int copyAt, Reg t, Reg x) {
        for (int i = copyAt - 1; i >= 0; i--) {
            Insn insn = insns.get(i);
            if (Operands.defines(insn, t.id())) return insn.defs().size() == 1 ? i : -1;
            if (Operands.mentions(insn, x.id())) return -1;
        }
        return -1;
    }
}
