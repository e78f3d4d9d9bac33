package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * The eight classic arithmetic/logic operations. The ordinal is the ModRM.reg extension of the
 * 80/81/83 immediate group and {@code ordinal*8} the base of the register forms 00..3D
 * (Intel SDM Vol. 2A "ADD", "OR", "ADC", "SBB", "AND", Vol. 2B "SUB", "XOR", Vol. 2A "CMP"; Appendix A.4 group 1).
 */
public enum AluOp {
    ADD, OR, ADC, SBB, AND, SUB, XOR, CMP;

    /** The /digit of the immediate forms. */
    public int digit() {
        return ordinal();
    }

    /** Added to the MR/RM/accumulator opcodes (00/01/02/03/04/05). */
    public int opcodeBase() {
        return ordinal() << 3;
    }

    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }
}
