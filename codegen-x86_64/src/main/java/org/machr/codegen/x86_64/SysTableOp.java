package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * The 0F 01 /n memory-operand system instructions (Intel SDM Vol. 2A "LGDT/LIDT", "SGDT", "SIDT",
 * "INVLPG"). The descriptor-table ones print with the mode's size suffix ({@code lgdtq}/{@code lgdtl}).
 */
public enum SysTableOp {
    SGDT(0, true), SIDT(1, true), LGDT(2, true), LIDT(3, true), INVLPG(7, false);

    private final int digit;
    private final boolean suffixed;

    SysTableOp(int digit, boolean suffixed) {
        this.digit = digit;
        this.suffixed = suffixed;
    }

    public int digit() {
        return digit;
    }

    /** Whether llvm-mc prints an operand-size suffix. */
    public boolean suffixed() {
        return suffixed;
    }

    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }
}
