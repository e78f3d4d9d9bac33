package org.machr.kd.ir;

/**
 * The address of a stack slot of the current function plus a byte offset; type {@link IrType#PTR}.
 * Stack slots live in the machine's memory (not in registers), so their addresses may be taken,
 * stored and used for pointer arithmetic.
 */
public record SlotAddr(int slot, long offset) implements Operand {

    public SlotAddr {
        if (slot < 0) throw new IllegalArgumentException("slot " + slot);
    }

    public SlotAddr(int slot) {
        this(slot, 0);
    }

    @Override
    public IrType type() {
        return IrType.PTR;
    }

    @Override
    public String toString() {
        return "$" + slot + (offset == 0 ? "" : offset > 0 ? "+" + offset : Long.toString(offset));
    }
}
