package org.machr.codegen.x86_64;

/** The 32-bit general-purpose registers (Intel SDM Vol. 2A Table 3-1), in register-number order. */
public enum Gpr32 implements Gpr {
    EAX,
    ECX,
    EDX,
    EBX,
    ESP,
    EBP,
    ESI,
    EDI,
    R8D,
    R9D,
    R10D,
    R11D,
    R12D,
    R13D,
    R14D,
    R15D;

    @Override
    public int number() {
        return ordinal();
    }

    @Override
    public OpSize size() {
        return OpSize.DWORD;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
