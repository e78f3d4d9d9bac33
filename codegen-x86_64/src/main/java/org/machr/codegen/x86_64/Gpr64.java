package org.machr.codegen.x86_64;

/** The 64-bit general-purpose registers (Intel SDM Vol. 2A Table 3-1), in register-number order. */
public enum Gpr64 implements Gpr {
    RAX,
    RCX,
    RDX,
    RBX,
    RSP,
    RBP,
    RSI,
    RDI,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15;

    @Override
    public int number() {
        return ordinal();
    }

    @Override
    public OpSize size() {
        return OpSize.QWORD;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
