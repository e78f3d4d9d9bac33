package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * The 8-bit general-purpose registers (Intel SDM Vol. 2A §2.2.1.2 and Table 3-1, "Register Codes").
 * Numbers 4..7 mean spl/bpl/sil/dil when a REX prefix is present and ah/ch/dh/bh when it is not, so
 * spl..dil force an (empty) REX prefix and ah..bh can never be used in an instruction that has one.
 * The first sixteen constants are in register-number order.
 */
public enum Gpr8 implements Gpr {
    AL(0), CL(1), DL(2), BL(3), SPL(4), BPL(5), SIL(6), DIL(7),
    R8B(8), R9B(9), R10B(10), R11B(11), R12B(12), R13B(13), R14B(14), R15B(15),
    AH(4), CH(5), DH(6), BH(7);

    private final int number;

    Gpr8(int number) {
        this.number = number;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public OpSize size() {
        return OpSize.BYTE;
    }

    @Override
    public boolean needsRex() {
        return ordinal() >= 4 && ordinal() < 16;
    }

    @Override
    public boolean forbidsRex() {
        return ordinal() >= 16;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
