package org.machr.codegen.aarch64;

/**
 * A general-purpose register operand: {@link XReg} (64-bit) or {@link WReg} (32-bit). Number 31 is the
 * stack pointer or the zero register depending on the operand position (Arm ARM C1.2.5); the enums keep
 * them apart so an encoder method can reject the wrong one.
 */
public sealed interface GpReg permits XReg, WReg {

    /** The 5-bit register field value (SP and ZR both encode as 31). */
    int encoding();

    boolean is64();

    boolean isSp();

    boolean isZr();

    /** The name as llvm-mc prints it, e.g. {@code x0}, {@code wsp}, {@code xzr}. */
    String asmName();

    static GpReg of(int number, boolean is64) {
        return is64 ? XReg.values()[number] : WReg.values()[number];
    }

    /** The same register number in the other width. */
    default GpReg withWidth(boolean wide) {
        int index = this instanceof XReg x ? x.ordinal() : ((WReg) this).ordinal();
        return wide ? XReg.values()[index] : WReg.values()[index];
    }
}
