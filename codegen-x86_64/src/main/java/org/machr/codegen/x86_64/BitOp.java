package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * Bit test operations: register form 0F A3/AB/B3/BB, immediate form 0F BA /4../7 (Intel SDM Vol. 2A
 * "BT", "BTC", "BTR", "BTS").
 */
public enum BitOp {
    BT(0xA3, 4), BTS(0xAB, 5), BTR(0xB3, 6), BTC(0xBB, 7);

    private final int registerOpcode;
    private final int digit;

    BitOp(int registerOpcode, int digit) {
        this.registerOpcode = registerOpcode;
        this.digit = digit;
    }

    /** Second opcode byte (after 0F) of the {@code r/m, reg} form. */
    public int registerOpcode() {
        return registerOpcode;
    }

    /** The /digit of 0F BA ib. */
    public int digit() {
        return digit;
    }

    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }
}
