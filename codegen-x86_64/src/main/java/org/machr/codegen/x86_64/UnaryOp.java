package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * One-operand r/m operations: INC/DEC (group 4/5: FE/FF /0 /1) and the group 3 operations NOT/NEG/MUL/
 * IMUL/DIV/IDIV (F6/F7 /2../7) (Intel SDM Vol. 2A Appendix A.4, Table A-6).
 */
public enum UnaryOp {
    INC(0), DEC(1), NOT(2), NEG(3), MUL(4), IMUL(5), DIV(6), IDIV(7);

    private final int digit;

    UnaryOp(int digit) {
        this.digit = digit;
    }

    public int digit() {
        return digit;
    }

    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }
}
