package org.machr.codegen.common;

import java.util.List;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.SpillSlot;

/**
 * The layout of a stack frame below the incoming stack pointer, as offsets from the stack pointer after
 * the prologue (lowest address first):
 * <pre>
 *   [outgoing arguments][locals][spill slots][callee-saved registers][frame record]   ← incoming SP
 * </pre>
 * Each area is aligned to its natural alignment and the whole frame to the ABI's stack alignment
 * (16 bytes on AArch64 (AAPCS64 §6.4.5.1) and x86-64 (SysV psABI §3.2.2)). The frame record (AArch64
 * FP/LR, x86-64 saved RBP) is at the top so the frame chain links to the caller's.
 *
 * @param frameSize         bytes the prologue subtracts from the stack pointer
 * @param localsOffset      offset of the locals area
 * @param spillOffset       offset of spill slot 0
 * @param calleeSavedOffset offset of the first callee-saved register
 * @param frameRecordOffset offset of the frame record
 */
public record FrameLayout(int frameSize, int localsOffset, int spillOffset, int slotSize, int calleeSavedOffset,
                          int regSize, List<PReg> calleeSaved, int frameRecordOffset) {

    /**
     * @param outgoingArgBytes stack bytes for arguments of calls made by this function
     * @param localsBytes      bytes of stack-allocated locals, aligned to {@code localsAlign}
     * @param spillSlots       number of spill slots of {@code slotSize} bytes
     * @param calleeSaved      callee-saved registers to save, each {@code regSize} bytes
     * @param frameRecordBytes size of the frame record (16 for AArch64 FP+LR, 0 if none)
     * @param stackAlign       the ABI stack alignment
     */
    public static FrameLayout compute(int outgoingArgBytes, int localsBytes, int localsAlign, int spillSlots,
                                      int slotSize, List<PReg> calleeSaved, int regSize, int frameRecordBytes,
                                      int stackAlign) {
        if (outgoingArgBytes < 0 || localsBytes < 0 || spillSlots < 0) throw new IllegalArgumentException("negative size");
        int off = outgoingArgBytes;
        off = roundUp(off, Math.max(localsAlign, 1));
        int locals = off;
        off += localsBytes;
        off = roundUp(off, slotSize);
        int spill = off;
        off += spillSlots * slotSize;
        off = roundUp(off, regSize);
        int saves = off;
        off += calleeSaved.size() * regSize;
        off = roundUp(off, Math.max(frameRecordBytes == 0 ? 1 : 16, 1));
        int record = off;
        off += frameRecordBytes;
        int size = roundUp(off, stackAlign);
        // Keep the frame record at the very top, next to the caller's frame.
        int shift = size - off;
        return new FrameLayout(size, locals, spill, slotSize, saves + shift, regSize, List.copyOf(calleeSaved),
                record + shift);
    }

    public int offsetOf(SpillSlot slot) {
        return spillOffset + slot.index() * slotSize;
    }

    /** Offset of the save slot of {@code reg}, which must be in {@link #calleeSaved()}. */
    public int saveOffsetOf(PReg reg) {
        int i = calleeSaved.indexOf(reg);
        if (i < 0) throw new IllegalArgumentException(reg + " is not saved in this frame");
        return calleeSavedOffset + i * regSize;
    }

    private static int roundUp(int v, int a) {
        return (v + a - 1) / a * a;
    }
}
