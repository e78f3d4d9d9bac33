package org.machr.kd.ir.pass;

import java.util.BitSet;
import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;

/** The registers live on entry to each block of one function (read before being written on some path). */
final class Liveness {
    private final BitSet[] liveIn;

    Liveness(IrFunction f) {
        int limit = f.blockIdLimit();
        BitSet[] uses = new BitSet[limit];
        BitSet[] defs = new BitSet[limit];
        liveIn = new BitSet[limit];
        List<Block> blocks = f.blocks();
        for (Block b : blocks) {
            BitSet use = new BitSet(), def = new BitSet();
            for (Insn i : b.insns()) {
                Operands.forEachUse(i, r -> { if (!def.get(r.id())) use.set(r.id()); });
                Operands.forEachDef(i, r -> def.set(r.id()));
            }
            Operands.forEachUse(b.terminator(), r -> { if (!def.get(r.id())) use.set(r.id()); });
            uses[b.id()] = use;
            defs[b.id()] = def;
            liveIn[b.id()] = (BitSet) use.clone();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = blocks.size() - 1; k >= 0; k--) {
                Block b = blocks.get(k);
                BitSet in = new BitSet();
                Cfg.forEachSuccessor(b, s -> { if (liveIn[s] != null) in.or(liveIn[s]); });
                in.andNot(defs[b.id()]);
                in.or(uses[b.id()]);
                if (!in.equals(liveIn[b.id()])) {
                    liveIn[b.id()] = in;
                    changed = true;
                }
            }
        }
    }

    BitSet liveIn(int block) {
        return liveIn[block];
    }
}
