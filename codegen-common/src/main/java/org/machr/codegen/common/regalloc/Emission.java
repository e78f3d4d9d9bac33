package org.machr.codegen.common.regalloc;

import java.io.PrintStream;
import java.util.List;

/**
 * What both native backends do between instruction selection and bytes: allocate registers, prove the
 * allocation ({@link AllocChecker}) before anything is emitted, then walk the function in layout order
 * emitting the allocator's moves and each instruction with its registers (the {@code --dump=regalloc}
 * and {@code --dump=isel} listings are taken on the way).
 */
public final class Emission {

    private Emission() {}

    /** Writes one function's code; the block, move and instruction encodings are the backend's. */
    public interface Emitter<I extends RegAllocInsn> {
        /** Block {@code block} starts; {@code next} is the block laid out after it, or -1. */
        void startBlock(int block, int next);

        void move(Move move);

        /** {@code registers}: the physical register of each operand, in operand order. */
        void insn(I insn, List<PReg> registers);
    }

    /** Allocates {@code mf}, checks the result, and prints the assignment to {@code regallocDump} (if not null). */
    public static Allocation allocate(RegAllocFunction mf, RegAllocConfig config, String function, PrintStream regallocDump) {
        Allocation alloc = new LinearScan(config).allocate(mf);
        List<String> problems = AllocChecker.check(mf, alloc);
        if (!problems.isEmpty()) throw new IllegalStateException("register allocation of " + function + " is wrong: " + problems);
        if (regallocDump != null) regallocDump.println("; regalloc " + function + "\n" + LinearScan.describe(alloc));
        return alloc;
    }

    /**
     * Emits every instruction of {@code mf} in order with the moves the allocator put around it; a copy
     * the allocator made redundant is skipped. With {@code isel}, the lines the emitter appends to
     * {@code listing} are recorded beside each instruction.
     */
    @SuppressWarnings("unchecked")
    public static <I extends RegAllocInsn> void emit(RegAllocFunction mf, Allocation alloc, Emitter<I> emitter,
                                                     List<String> listing, IselDump isel) {
        int g = 0;
        for (int b = 0; b < mf.blockCount(); b++) {
            emitter.startBlock(b, b + 1 < mf.blockCount() ? b + 1 : -1);
            if (isel != null) isel.block(b);
            for (RegAllocInsn insn : mf.insns(b)) {
                int mark = isel == null ? 0 : listing.size();
                for (Move mv : alloc.movesBefore(g)) emitter.move(mv);
                if (isel != null) mark = record(isel, listing, mark, null);
                if (!alloc.isRedundantMove(g, insn)) emitter.insn((I) insn, alloc.operandLocations().get(g));
                if (isel != null) mark = record(isel, listing, mark, insn);
                for (Move mv : alloc.movesAfter(g)) emitter.move(mv);
                if (isel != null) record(isel, listing, mark, null);
                g++;
            }
        }
    }

    /** Adds the listing lines emitted since {@code mark} to the isel dump; returns the new mark. */
    private static int record(IselDump isel, List<String> listing, int mark, RegAllocInsn insn) {
        List<String> lines = List.copyOf(listing.subList(mark, listing.size()));
        if (insn == null) isel.allocatorMoves(lines);
        else isel.insn(insn.operands(), insn.clobbers(), lines);
        return listing.size();
    }
}
