package org.machr.codegen.aarch64;

/** The 64-bit general registers; SP and XZR are both number 31 (Arm ARM C1.2.5). */
public enum XReg implements GpReg {
    X0,
    X1,
    X2,
    X3,
    X4,
    X5,
    X6,
    X7,
    X8,
    X9,
    X10,
    X11,
    X12,
    X13,
    X14,
    X15,
    X16,
    X17,
    X18,
    X19,
    X20,
    X21,
    X22,
    X23,
    X24,
    X25,
    X26,
    X27,
    X28,
    X29,
    X30,
    SP,
    XZR;

    @Override
    public int encoding() {
        return this == XZR ? 31 : ordinal();
    }

    @Override
    public boolean is64() {
        return true;
    }

    @Override
    public boolean isSp() {
        return this == SP;
    }

    @Override
    public boolean isZr() {
        return this == XZR;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
