package org.machr.codegen.aarch64;

/** The 32-bit general registers; WSP and WZR are both number 31 (Arm ARM C1.2.5). */
public enum WReg implements GpReg {
    W0,
    W1,
    W2,
    W3,
    W4,
    W5,
    W6,
    W7,
    W8,
    W9,
    W10,
    W11,
    W12,
    W13,
    W14,
    W15,
    W16,
    W17,
    W18,
    W19,
    W20,
    W21,
    W22,
    W23,
    W24,
    W25,
    W26,
    W27,
    W28,
    W29,
    W30,
    WSP,
    WZR;

    @Override
    public int encoding() {
        return this == WZR ? 31 : ordinal();
    }

    @Override
    public boolean is64() {
        return false;
    }

    @Override
    public boolean isSp() {
        return this == WSP;
    }

    @Override
    public boolean isZr() {
        return this == WZR;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
