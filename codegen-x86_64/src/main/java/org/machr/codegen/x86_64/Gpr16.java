package org.machr.codegen.x86_64;

/** The 16-bit general-purpose registers (Intel SDM Vol. 2A Table 3-1), in register-number order. */
public enum Gpr16 implements Gpr {
    AX,
    CX,
    DX,
    BX,
    SP,
    BP,
    SI,
    DI,
    R8W,
    R9W,
    R10W,
    R11W,
    R12W,
    R13W,
    R14W,
    R15W;

    @Override
    public int number() {
        return ordinal();
    }

    @Override
    public OpSize size() {
        return OpSize.WORD;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
