package org.machr.codegen.common.regalloc;

/**
 * One register operand of a machine instruction. Uses are read before the instruction executes (early),
 * defs are written after (late), so a def may share a register with a use that dies here.
 *
 * @param fixed the physical register the operand must be in (call arguments and results, instructions
 *              with implicit registers), or {@code null} for any register of the class
 */
public record Operand(VReg vreg, Kind kind, PReg fixed) {

    public enum Kind { USE, DEF }

    public Operand {
        if (fixed != null && fixed.regClass() != vreg.regClass()) {
            throw new IllegalArgumentException(vreg + " of class " + vreg.regClass() + " fixed to " + fixed);
        }
    }

    public static Operand use(VReg v) {
        return new Operand(v, Kind.USE, null);
    }

    public static Operand def(VReg v) {
        return new Operand(v, Kind.DEF, null);
    }

    public static Operand fixedUse(VReg v, PReg p) {
        return new Operand(v, Kind.USE, p);
    }

    public static Operand fixedDef(VReg v, PReg p) {
        return new Operand(v, Kind.DEF, p);
    }

    public boolean isUse() {
        return kind == Kind.USE;
    }
}
