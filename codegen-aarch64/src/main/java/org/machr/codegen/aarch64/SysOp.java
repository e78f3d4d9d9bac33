package org.machr.codegen.aarch64;

import java.util.Locale;
import java.util.Optional;

/**
 * The cache, TLB and address-translation maintenance operations, aliases of SYS #op1, Cn, Cm, #op2{, Xt}
 * (Arm ARM C5.3 "A64 System instructions for cache maintenance / address translation / TLB maintenance").
 *
 * @param takesReg whether the operation has an Xt operand (an address or ASID)
 */
public enum SysOp {
    IC_IALLUIS("ic", 0, 7, 1, 0, false), IC_IALLU("ic", 0, 7, 5, 0, false), IC_IVAU("ic", 3, 7, 5, 1, true),
    DC_IVAC("dc", 0, 7, 6, 1, true), DC_ISW("dc", 0, 7, 6, 2, true), DC_CSW("dc", 0, 7, 10, 2, true),
    DC_CISW("dc", 0, 7, 14, 2, true), DC_ZVA("dc", 3, 7, 4, 1, true), DC_CVAC("dc", 3, 7, 10, 1, true),
    DC_CVAU("dc", 3, 7, 11, 1, true), DC_CIVAC("dc", 3, 7, 14, 1, true),
    AT_S1E1R("at", 0, 7, 8, 0, true), AT_S1E1W("at", 0, 7, 8, 1, true), AT_S1E0R("at", 0, 7, 8, 2, true),
    AT_S1E0W("at", 0, 7, 8, 3, true),
    TLBI_VMALLE1IS("tlbi", 0, 8, 3, 0, false), TLBI_VAE1IS("tlbi", 0, 8, 3, 1, true),
    TLBI_ASIDE1IS("tlbi", 0, 8, 3, 2, true), TLBI_VAAE1IS("tlbi", 0, 8, 3, 3, true),
    TLBI_VALE1IS("tlbi", 0, 8, 3, 5, true), TLBI_VAALE1IS("tlbi", 0, 8, 3, 7, true),
    TLBI_VMALLE1("tlbi", 0, 8, 7, 0, false), TLBI_VAE1("tlbi", 0, 8, 7, 1, true),
    TLBI_ASIDE1("tlbi", 0, 8, 7, 2, true), TLBI_VAAE1("tlbi", 0, 8, 7, 3, true),
    TLBI_VALE1("tlbi", 0, 8, 7, 5, true), TLBI_VAALE1("tlbi", 0, 8, 7, 7, true);

    public final String mnemonic;
    public final int op1;
    public final int crn;
    public final int crm;
    public final int op2;
    public final boolean takesReg;

    SysOp(String mnemonic, int op1, int crn, int crm, int op2, boolean takesReg) {
        this.mnemonic = mnemonic;
        this.op1 = op1;
        this.crn = crn;
        this.crm = crm;
        this.op2 = op2;
        this.takesReg = takesReg;
    }

    /** The operation name after the mnemonic, e.g. {@code vmalle1is}. */
    public String opName() {
        return name().substring(mnemonic.length() + 1).toLowerCase(Locale.ROOT);
    }

    public static Optional<SysOp> of(String mnemonic, String op) {
        String m = mnemonic.toLowerCase(Locale.ROOT);
        String o = op.toLowerCase(Locale.ROOT);
        for (SysOp s : values()) if (s.mnemonic.equals(m) && s.opName().equals(o)) return Optional.of(s);
        return Optional.empty();
    }
}
