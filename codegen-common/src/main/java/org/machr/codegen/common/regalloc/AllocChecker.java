package org.machr.codegen.common.regalloc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves an {@link Allocation} correct by abstract interpretation, in the manner of regalloc2's checker:
 * the abstract state maps every location (register or spill slot) to the set of virtual registers whose
 * current value it certainly holds. Moves copy sets, clobbers empty them, a def of {@code v} puts
 * {@code {v}} in its location and removes {@code v} everywhere else (a program copy {@code v := u} puts
 * {@code v} and everything its source location held); at a join the sets are intersected.
 * After the fixpoint, every use must find its virtual register in the location the allocation gave the
 * operand, fixed operands must be in their fixed register, and no edit may follow a terminator.
 * Independent of how the allocation was computed, so it also checks a future better allocator.
 */
public final class AllocChecker {

    private AllocChecker() {}

    /** Every violation found, as readable lines; empty if the allocation is correct. */
    public static List<String> check(RegAllocFunction f, Allocation a) {
        List<RegAllocInsn> insns = new ArrayList<>();
        for (int b = 0; b < f.blockCount(); b++) insns.addAll(f.insns(b));
        int n = f.blockCount();
        List<List<Integer>> preds = new ArrayList<>();
        for (int b = 0; b < n; b++) preds.add(new ArrayList<>());
        for (int b = 0; b < n; b++) for (int s : f.successors(b)) preds.get(s).add(b);

        @SuppressWarnings("unchecked")
        Map<Location, BitSet>[] out = new Map[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.add(0);
        boolean[] queued = new boolean[n];
        queued[0] = true;
        while (!work.isEmpty()) {
            int b = work.poll();
            queued[b] = false;
            Map<Location, BitSet> state = entryState(b, preds.get(b), out);
            runBlock(f, a, b, insns, state, null);
            if (!state.equals(out[b])) {
                out[b] = state;
                for (int s : f.successors(b)) {
                    if (!queued[s]) {
                        queued[s] = true;
                        work.add(s);
                    }
                }
            }
        }
        List<String> errors = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (b != 0 && out[b] == null) continue; // unreachable
            runBlock(f, a, b, insns, entryState(b, preds.get(b), out), errors);
        }
        return errors;
    }

    private static Map<Location, BitSet> entryState(int b, List<Integer> preds, Map<Location, BitSet>[] out) {
        Map<Location, BitSet> meet = null;
        if (b == 0) return new HashMap<>();
        for (int p : preds) {
            if (out[p] == null) continue; // not yet reached: top, neutral for the meet
            if (meet == null) {
                meet = copy(out[p]);
            } else {
                for (var e : meet.entrySet()) {
                    BitSet other = out[p].get(e.getKey());
                    if (other == null) e.getValue().clear();
                    else e.getValue().and(other);
                }
            }
        }
        return meet == null ? new HashMap<>() : meet;
    }

    private static Map<Location, BitSet> copy(Map<Location, BitSet> m) {
        Map<Location, BitSet> c = new HashMap<>();
        for (var e : m.entrySet()) c.put(e.getKey(), (BitSet) e.getValue().clone());
        return c;
    }

    private static void runBlock(RegAllocFunction f, Allocation a, int b, List<RegAllocInsn> insns,
                                 Map<Location, BitSet> state, List<String> errors) {
        int first = a.blockStarts().get(b);
        for (int g = first; g < first + f.insns(b).size(); g++) {
            RegAllocInsn insn = insns.get(g);
            for (Move m : a.movesBefore(g)) applyMove(state, m);
            List<PReg> regs = a.operandLocations().get(g);
            List<Operand> ops = insn.operands();
            if (errors != null && regs.size() != ops.size()) {
                errors.add("insn " + g + ": " + regs.size() + " locations for " + ops.size() + " operands");
                return;
            }
            for (int j = 0; j < ops.size(); j++) {
                Operand op = ops.get(j);
                PReg reg = regs.get(j);
                if (errors == null) continue;
                if (reg.regClass() != op.vreg().regClass()) {
                    errors.add("insn " + g + " operand " + j + ": " + op.vreg() + " in " + reg + " of another class");
                }
                if (op.fixed() != null && !op.fixed().equals(reg)) {
                    errors.add("insn " + g + " operand " + j + ": " + op.vreg() + " must be in " + op.fixed() + ", got " + reg);
                }
                if (op.isUse()) {
                    BitSet holds = state.get(reg);
                    if (holds == null || !holds.get(op.vreg().id())) {
                        errors.add("insn " + g + " operand " + j + ": use of " + op.vreg() + " but " + reg + " holds "
                                + describe(holds));
                    }
                }
            }
            // A copy leaves its destination holding every value its source held.
            BitSet copied = null;
            if (insn.isMove()) {
                for (int j = 0; j < ops.size(); j++) {
                    if (ops.get(j).isUse()) {
                        BitSet held = state.get(regs.get(j));
                        copied = held == null ? new BitSet() : (BitSet) held.clone();
                    }
                }
            }
            for (PReg p : insn.clobbers()) state.put(p, new BitSet());
            for (int j = 0; j < ops.size(); j++) {
                Operand op = ops.get(j);
                if (op.isUse()) continue;
                for (BitSet s : state.values()) s.clear(op.vreg().id());
            }
            for (int j = 0; j < ops.size(); j++) {
                Operand op = ops.get(j);
                if (op.isUse()) continue;
                BitSet s = copied == null ? new BitSet() : copied;
                s.set(op.vreg().id());
                state.put(regs.get(j), s);
            }
            List<Move> after = a.movesAfter(g);
            if (errors != null && insn.isTerminator() && !after.isEmpty()) {
                errors.add("insn " + g + ": moves after a terminator are never executed: " + after);
            }
            for (Move m : after) applyMove(state, m);
        }
    }

    private static void applyMove(Map<Location, BitSet> state, Move m) {
        BitSet from = state.get(m.from());
        state.put(m.to(), from == null ? new BitSet() : (BitSet) from.clone());
    }

    private static String describe(BitSet holds) {
        if (holds == null || holds.isEmpty()) return "nothing known";
        StringBuilder sb = new StringBuilder("{");
        for (int v = holds.nextSetBit(0); v >= 0; v = holds.nextSetBit(v + 1)) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('v').append(v);
        }
        return sb.append('}').toString();
    }
}
