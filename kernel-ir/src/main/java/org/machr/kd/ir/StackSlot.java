package org.machr.kd.ir;

/**
 * A piece of the function's stack frame, in machine memory: locals whose address is taken,
 * aggregates, arguments passed by reference.
 */
public record StackSlot(int id, long size, int align, String hint) {

    public StackSlot {
        if (size < 0) throw new IllegalArgumentException("slot size " + size);
        if (align <= 0 || Integer.bitCount(align) != 1) throw new IllegalArgumentException("slot align " + align);
    }
}
