package org.machr.codegen.x86_64;

import java.util.Locale;

/** Shift and rotate operations with their group-2 /digit (Intel SDM Vol. 2A Appendix A.4, group 2). */
public enum ShiftOp {
    ROL(0), ROR(1), RCL(2), RCR(3), SHL(4), SHR(5), SAR(7);

    private final int digit;

    ShiftOp(int digit) {
        this.digit = digit;
    }

    public int digit() {
        return digit;
    }

    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }
}
