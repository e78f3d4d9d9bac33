package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Terminator;

/**
 * Predecessors and natural loops of one function, computed once and valid until the passes change
 * the control flow. Blocks are named by id.
 */
final class Cfg {
    /** One loop: its header, the blocks of its body (header included) and the blocks that jump back. */
    record Loop(int header, BitSet body, List<Integer> latches) {}

    private final IrFunction f;
    private final int[][] preds;
    private List<Loop> loops;

    Cfg(IrFunction f) {
        this.f = f;
        int limit = f.blockIdLimit();
        int[] count = new int[limit];
        for (Block b : f.blocks()) forEachSuccessor(b, s -> count[s]++);
        preds = new int[limit][];
        for (int id = 0; id < limit; id++) preds[id] = new int[count[id]];
        int[] fill = new int[limit];
        for (Block b : f.blocks()) forEachSuccessor(b, s -> preds[s][fill[s]++] = b.id());
    }

    /** The ids of the blocks ending with a jump or branch to {@code id} (once per edge). */
    int[] preds(int id) {
        return preds[id];
    }

    interface IdVisitor {
        void id(int id);
    }

    static void forEachSuccessor(Block b, IdVisitor v) {
        switch (b.terminator()) {
            case Terminator.Jump j -> v.id(j.target());
            case Terminator.Branch br -> {
                v.id(br.ifTrue());
                v.id(br.ifFalse());
            }
            case Terminator.Switch s -> {
                for (Terminator.Case c : s.cases()) v.id(c.target());
                v.id(s.otherwise());
            }
            case null, default -> {}
        }
    }

    /** The number of entries of {@code t.successors()}, without building the list. */
    static int successorCount(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> 1;
            case Terminator.Branch br -> 2;
            case Terminator.Switch s -> s.cases().size() + 1;
            case null, default -> 0;
        };
    }

    /** {@code t.successors().get(k)}, without building the list. */
    static int successor(Terminator t, int k) {
        return switch (t) {
            case Terminator.Jump j -> j.target();
            case Terminator.Branch br -> k == 0 ? br.ifTrue() : br.ifFalse();
            case Terminator.Switch s -> k < s.cases().size() ? s.cases().get(k).target() : s.otherwise();
            default -> throw new IndexOutOfBoundsException(k);
        };
    }

    /**
     * The natural loops: a depth-first search from the entry finds the edges back to a block on the
     * search path; a header whose body (the blocks reaching a latch without passing the header) does
     * not contain the entry dominates its body and makes a loop. Inner loops come first.
     */
    List<Loop> loops() {
        if (loops == null) loops = List.copyOf(findLoops());
        return loops;
    }

    private List<Loop> findLoops() {
        Map<Integer, List<Integer>> latchesByHeader = new LinkedHashMap<>();
        int limit = f.blockIdLimit();
        BitSet visited = new BitSet(limit);
        BitSet onPath = new BitSet(limit);
        int[] stack = new int[limit];
        int[] next = new int[limit];    // per block on the path: index of the next successor to visit
        int depth = 0;
        int entry = f.entry().id();
        stack[depth++] = entry;
        visited.set(entry);
        onPath.set(entry);
        List<Integer> finished = new ArrayList<>();
        while (depth > 0) {
            int b = stack[depth - 1];
            Terminator t = f.block(b).terminator();
            if (next[b] < successorCount(t)) {
                int s = successor(t, next[b]++);
                if (f.block(s) == null) continue;
                if (onPath.get(s)) latchesByHeader.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
                else if (!visited.get(s)) {
                    visited.set(s);
                    onPath.set(s);
                    stack[depth++] = s;
                }
            } else {
                onPath.clear(b);
                finished.add(b);
                depth--;
            }
        }
        List<Loop> loops = new ArrayList<>();
        for (int header : finished) {      // post-order: inner headers finish before outer ones
            List<Integer> latches = latchesByHeader.get(header);
            if (latches == null) continue;
            BitSet body = body(header, latches);
            if (body != null) loops.add(new Loop(header, body, List.copyOf(latches)));
        }
        return loops;
    }

    private BitSet body(int header, List<Integer> latches) {
        BitSet body = new BitSet();
        body.set(header);
        ArrayList<Integer> work = new ArrayList<>();
        for (int l : latches) if (!body.get(l)) {
            body.set(l);
            work.add(l);
        }
        int entry = f.entry().id();
        while (!work.isEmpty()) {
            int b = work.removeLast();
            if (b == entry) return null;
            for (int p : preds[b]) if (!body.get(p)) {
                body.set(p);
                work.add(p);
            }
        }
        return body;
    }
}
