package org.machr.codegen.common.regalloc;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a set of moves meant to happen at once (every source read before any destination is written)
 * into a sequence of ordinary moves: a move is emitted once nothing pending still reads its destination;
 * a cycle (a swap) is broken by saving one source in a scratch register. A stack-to-stack move goes
 * through a second scratch register, as no target copies memory to memory in one instruction.
 */
public final class ParallelMoves {

    private ParallelMoves() {}

    /**
     * @param moves        destinations must be distinct
     * @param cycleScratch a register of the moves' class not among their locations
     * @param memScratch   another one for stack-to-stack moves, or {@code null} if there are none
     */
    public static List<Move> sequentialize(List<Move> moves, PReg cycleScratch, PReg memScratch) {
        List<Move> pending = new ArrayList<>();
        for (Move m : moves) {
            if (!m.from().equals(m.to())) pending.add(m);
            for (Move other : pending) {
                if (other != m && other.to().equals(m.to())) {
                    throw new IllegalArgumentException("two parallel moves write " + m.to());
                }
            }
        }
        List<Move> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            int ready = -1;
            for (int i = 0; i < pending.size() && ready < 0; i++) {
                if (!isReadByOther(pending, i)) ready = i;
            }
            if (ready >= 0) {
                emit(out, pending.remove(ready), memScratch);
            } else {
                // Every destination is still read: all remaining moves are in cycles. Save one source.
                Move m = pending.get(0);
                out.add(new Move(m.from(), cycleScratch));
                pending.set(0, new Move(cycleScratch, m.to()));
                for (int i = 1; i < pending.size(); i++) {
                    if (pending.get(i).from().equals(m.from())) pending.set(i, new Move(cycleScratch, pending.get(i).to()));
                }
            }
        }
        return out;
    }

    private static boolean isReadByOther(List<Move> pending, int index) {
        Location dst = pending.get(index).to();
        for (int j = 0; j < pending.size(); j++) {
            if (j != index && pending.get(j).from().equals(dst)) return true;
        }
        return false;
    }

    private static void emit(List<Move> out, Move m, PReg memScratch) {
        if (m.from() instanceof SpillSlot && m.to() instanceof SpillSlot) {
            if (memScratch == null) throw new IllegalStateException("stack-to-stack move " + m + " needs a scratch register");
            out.add(new Move(m.from(), memScratch));
            out.add(new Move(memScratch, m.to()));
        } else {
            out.add(m);
        }
    }
}
