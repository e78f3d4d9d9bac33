package org.machr.codegen.common;

import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.StackSlot;

/**
 * Where a function's stack slots ({@code &local}, aggregates) go inside the locals area of its frame:
 * each at the next offset its alignment allows, in slot order.
 *
 * @param offsets the offset of each slot by slot id
 * @param bytes   the size of the locals area
 * @param align   the largest slot alignment (1 without slots)
 */
public record LocalSlots(long[] offsets, long bytes, int align) {

    public static LocalSlots of(IrFunction fn) {
        long[] offsets = new long[fn.slots().size()];
        long off = 0;
        int align = 1;
        for (StackSlot s : fn.slots()) {
            off = (off + s.align() - 1) / s.align() * s.align();
            offsets[s.id()] = off;
            off += s.size();
            align = Math.max(align, s.align());
        }
        return new LocalSlots(offsets, off, align);
    }
}
