package org.machr.codegen.common.regalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The result of register allocation.
 *
 * @param vregLocations    the home of each virtual register for its whole life ({@code null} if unused)
 * @param operandLocations per instruction (global index in layout order), the physical register of each
 *                         operand, in operand order: the home register, the fixed register, or a scratch
 *                         register holding a spilled value around the instruction
 * @param edits            moves to insert, ordered by instruction, side (before, after) and sequence
 * @param spillSlots       number of spill slots used
 * @param usedCalleeSaved  callee-saved registers assigned, to save in the prologue
 * @param blockStarts      global index of each block's first instruction
 */
public record Allocation(List<Location> vregLocations, List<List<PReg>> operandLocations, List<Edit> edits,
                         int spillSlots, Set<PReg> usedCalleeSaved, List<Integer> blockStarts) {

    public List<Move> movesBefore(int insn) {
        return moves(insn, Edit.Side.BEFORE);
    }

    public List<Move> movesAfter(int insn) {
        return moves(insn, Edit.Side.AFTER);
    }

    private List<Move> moves(int insn, Edit.Side side) {
        List<Move> out = new ArrayList<>();
        for (Edit e : edits) if (e.insn() == insn && e.side() == side) out.add(e.move());
        return out;
    }

    /** A program move whose source and destination got the same register: the backend may drop it. */
    public boolean isRedundantMove(int insn, RegAllocInsn i) {
        List<PReg> ops = operandLocations.get(insn);
        return i.isMove() && ops.size() == 2 && ops.get(0).equals(ops.get(1));
    }
}
