package org.machr.codegen.aarch64;

/** The shift of a shifted-register operand, in encoding order (Arm ARM C6.2, "shift" field). */
public enum ShiftType {
    LSL, LSR, ASR, ROR;

    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
