package org.machr.codegen.aarch64;

/** The extension of an extended-register operand, in encoding order of the "option" field (Arm ARM C6.2.4). */
public enum ExtendType {
    UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX;

    public int encoding() {
        return ordinal();
    }

    /** Whether the extended register is an X register (UXTX, SXTX) rather than a W register. */
    public boolean takesXReg() {
        return this == UXTX || this == SXTX;
    }

    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
