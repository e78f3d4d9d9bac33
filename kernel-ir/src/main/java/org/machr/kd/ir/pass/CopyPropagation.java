package org.machr.kd.ir.pass;

import java.util.List;
import java.util.function.UnaryOperator;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;

/**
 * Replaces reads of a register that holds a copy by the copied operand. Function-wide when both the
 * copy's destination and its source (if a register) have a single definition — the value can then
 * never differ; within a block for registers assigned several times, until either side is reassigned.
 * Symbol addresses are propagated only within a block: a register holding one across blocks was put
 * there on purpose (by {@link LoopInvariantMotion}), since materialising an address costs instructions.
 */
public final class CopyPropagation implements Pass {

    @Override
    public String name() {
        return "copyprop";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        Uses uses = analyses.uses();
        int n = f.regCount();
        Operand[] global = new Operand[n];
        for (int r = 0; r < n; r++)
            if (uses.singleDef[r] instanceof Insn.Copy(Reg d, Operand src) && !(src instanceof SymbolAddr)
                    && (!(src instanceof Reg s) || (uses.defs[s.id()] == 1 && s.id() != d.id())))
                global[r] = src;
        // Block-local copies: local[r] holds r's source while valid; a register source is valid while its
        // version (bumped at every assignment) is the one recorded with the copy.
        // A local entry counts only in the block it was recorded in (localBlock, so no clearing per block).
        Operand[] local = new Operand[n];
        int[] localBlock = new int[n];
        int[] sourceVersion = new int[n];
        int[] version = new int[n];
        boolean[] any = new boolean[1];
        boolean changed = false;
        int[] block = {0};              // the current block's number, read by the visitors made once here
        UnaryOperator<Operand> subst = o -> resolve(o, global, local, localBlock, block[0], sourceVersion, version);
        Operands.RegVisitor probe = r -> any[0] |= global[r.id()] != null || localBlock[r.id()] == block[0];
        Operands.RegVisitor kill = d -> {
            version[d.id()]++;
            localBlock[d.id()] = 0;
        };
        for (Block b : f.blocks()) {
            int current = ++block[0];
            List<Insn> insns = b.insns();
            for (int i = 0; i < insns.size(); i++) {
                Insn before = insns.get(i);
                any[0] = false;
                Operands.forEachUse(before, probe);
                Insn after = before;
                if (any[0]) {
                    after = before.mapUses(subst);
                    if (!after.equals(before)) {
                        insns.set(i, after);
                        changed = true;
                    }
                }
                if (after instanceof Insn.Copy(Reg d, Operand src)) {
                    version[d.id()]++;
                    localBlock[d.id()] = 0;
                    if (!(src instanceof Reg s && s.id() == d.id())) {
                        local[d.id()] = src;
                        localBlock[d.id()] = current;
                        if (src instanceof Reg s) sourceVersion[d.id()] = version[s.id()];
                    }
                } else {
                    Operands.forEachDef(after, kill);
                }
            }
            Terminator t = b.terminator();
            any[0] = false;
            if (t != null) Operands.forEachUse(t, probe);
            if (any[0]) {
                Terminator after = t.mapUses(subst);
                if (!after.equals(t)) {
                    b.setTerminator(after);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static Operand resolve(Operand o, Operand[] global, Operand[] local, int[] localBlock, int current,
            int[] sourceVersion, int[] version) {
        for (int hops = 0; hops < 64 && o instanceof Reg r; hops++) {
            Operand next = localBlock[r.id()] == current ? local[r.id()] : null;
            if (next instanceof Reg s && sourceVersion[r.id()] != version[s.id()]) next = null;
            if (next == null) next = global[r.id()];
            if (next == null) break;
            o = next;
        }
        return o;
    }
}
