package org.machr.codegen.common.regalloc;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Block-level liveness of virtual registers by the usual backward dataflow
 * ({@code in = uses ∪ (out − defs)}, {@code out = ∪ in(successor)}), iterated to a fixpoint.
 */
final class Liveness {

    final BitSet[] liveIn;
    final BitSet[] liveOut;

    Liveness(RegAllocFunction f) {
        int n = f.blockCount();
        BitSet[] upwardUses = new BitSet[n];
        BitSet[] defs = new BitSet[n];
        liveIn = new BitSet[n];
        liveOut = new BitSet[n];
        for (int b = 0; b < n; b++) {
            upwardUses[b] = new BitSet();
            defs[b] = new BitSet();
            for (RegAllocInsn insn : f.insns(b)) {
                for (Operand op : insn.operands()) {
                    if (op.isUse() && !defs[b].get(op.vreg().id())) upwardUses[b].set(op.vreg().id());
                }
                for (Operand op : insn.operands()) if (!op.isUse()) defs[b].set(op.vreg().id());
            }
            liveIn[b] = (BitSet) upwardUses[b].clone();
            liveOut[b] = new BitSet();
        }
        List<List<Integer>> succs = new ArrayList<>();
        for (int b = 0; b < n; b++) succs.add(f.successors(b));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = n - 1; b >= 0; b--) {
                BitSet out = new BitSet();
                for (int s : succs.get(b)) out.or(liveIn[s]);
                BitSet in = (BitSet) out.clone();
                in.andNot(defs[b]);
                in.or(upwardUses[b]);
                if (!out.equals(liveOut[b]) || !in.equals(liveIn[b])) {
                    liveOut[b] = out;
                    liveIn[b] = in;
                    changed = true;
                }
            }
        }
    }
}
