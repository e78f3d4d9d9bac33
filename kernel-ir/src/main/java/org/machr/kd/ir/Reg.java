package org.machr.kd.ir;

/**
 * A virtual register of one function. Registers are not SSA: a register may be assigned by several
 * instructions (a {@code var} lowered to a register, for example). Ids are unique per function.
 */
public record Reg(int id, IrType type) implements Operand {

    public Reg {
        if (id < 0) throw new IllegalArgumentException("register id " + id);
        if (type == null) throw new IllegalArgumentException("type is required");
    }

    @Override
    public String toString() {
        return "%" + id;
    }
}
