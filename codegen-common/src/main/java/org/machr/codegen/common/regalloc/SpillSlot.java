package org.machr.codegen.common.regalloc;

/** A frame slot holding a spilled value; slot {@code index} of the spill area (see {@code FrameLayout}). */
public record SpillSlot(int index, RegClass regClass) implements Location {
    @Override
    public String toString() {
        return "slot" + index;
    }
}
