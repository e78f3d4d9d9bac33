package org.machr.codegen.aarch64.isel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * What instruction selection needs to know of a whole function before it fuses IR instructions: how often
 * each register is read and written, which blocks lie on a cycle of the control-flow graph, and the block
 * layout (cold blocks, those ending in {@code unreachable} such as bounds-check failures, go last).
 */
final class IrFacts {

    private final int[] uses;
    private final int[] defs;
    private final Object[] users;
    final Set<Integer> loopBlocks;
    final List<Block> layout;
    /** Each block's predecessors (by block id), one entry per edge. */
    final Map<Integer, List<Block>> preds = new HashMap<>();

    private IrFacts(int[] uses, int[] defs, Object[] users, Set<Integer> loopBlocks, List<Block> layout) {
        this.uses = uses;
        this.users = users;
        this.defs = defs;
        this.loopBlocks = loopBlocks;
        this.layout = layout;
    }

    static IrFacts of(IrFunction fn) {
        int[] uses = new int[fn.regCount()];
        int[] defs = new int[fn.regCount()];
        Object[] users = new Object[fn.regCount()];
        for (Reg p : fn.params()) defs[p.id()]++;
        for (Block b : fn.blocks()) {
            for (Insn i : b.insns()) {
                for (Operand o : i.uses()) {
                    if (o instanceof Reg r) {
                        uses[r.id()]++;
                        users[r.id()] = i;
                    }
                }
                for (Reg d : i.defs()) defs[d.id()]++;
            }
            for (Operand o : b.terminator().uses()) {
                if (o instanceof Reg r) {
                    uses[r.id()]++;
                    users[r.id()] = b.terminator();
                }
            }
        }
        IrFacts facts = new IrFacts(uses, defs, users, loopBlocks(fn), layout(fn));
        for (Block b : fn.blocks()) {
            for (int s : b.terminator().successors()) facts.preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
        }
        return facts;
    }

    /**
     * Hot blocks in chains that let a block fall through to a successor not yet placed (a jump's target,
     * else a branch's true then false successor), each chain started by the first unplaced block in IR
     * order; then the cold blocks.
     */
    private static List<Block> layout(IrFunction fn) {
        Map<Integer, Block> byId = new HashMap<>();
        for (Block b : fn.blocks()) byId.put(b.id(), b);
        Set<Integer> placed = new HashSet<>();
        List<Block> order = new ArrayList<>();
        List<Block> cold = new ArrayList<>();
        for (Block start : fn.blocks()) {
            if (start != fn.entry() && start.terminator() instanceof Terminator.Unreachable) {
                cold.add(start);
                continue;
            }
            Block b = start;
            while (b != null && placed.add(b.id())) {
                order.add(b);
                Block next = null;
                for (int s : b.terminator().successors()) {
                    Block candidate = byId.get(s);
                    if (!placed.contains(s) && !(candidate.terminator() instanceof Terminator.Unreachable)) {
                        next = candidate;
                        break;
                    }
                }
                b = next;
            }
        }
        order.addAll(cold);
        return List.copyOf(order);
    }


    /** The register is written once and read once: an instruction may absorb its definition. */
    boolean singleUse(Reg r) {
        return uses[r.id()] == 1 && defs[r.id()] == 1;
    }

    /** The instruction or terminator that reads {@code r}, if {@link #singleUse(Reg)}; else null. */
    Object onlyUser(Reg r) {
        return singleUse(r) ? users[r.id()] : null;
    }

    /** Blocks from which some path leads back to themselves. */
    private static Set<Integer> loopBlocks(IrFunction fn) {
        Map<Integer, List<Integer>> succs = new HashMap<>();
        for (Block b : fn.blocks()) succs.put(b.id(), b.terminator().successors());
        Set<Integer> inLoop = new HashSet<>();
        for (Block b : fn.blocks()) {
            Set<Integer> seen = new HashSet<>();
            ArrayDeque<Integer> work = new ArrayDeque<>(succs.get(b.id()));
            while (!work.isEmpty()) {
                int n = work.pop();
                if (n == b.id()) {
                    inLoop.add(n);
                    break;
                }
                if (seen.add(n)) work.addAll(succs.getOrDefault(n, List.of()));
            }
        }
        return inLoop;
    }
}
