package org.machr.codegen.aarch64;

import java.util.Locale;
import java.util.Optional;

/**
 * A system register operand of MRS/MSR as (op0, op1, CRn, CRm, op2) (Arm ARM D19 "AArch64 System
 * Register Descriptions"; encodings from D19.2–D19.12). Named registers print by name; any other is
 * written {@code S<op0>_<op1>_C<n>_C<m>_<op2>}. PMEVCNTR<n>_EL0 and PMEVTYPER<n>_EL0 are computed.
 */
public record SysReg(int op0, int op1, int crn, int crm, int op2) {

    public SysReg {
        InvalidOperandException.check(op0 >= 2 && op0 <= 3 && op1 >= 0 && op1 <= 7 && crn >= 0 && crn <= 15
                        && crm >= 0 && crm <= 15 && op2 >= 0 && op2 <= 7,
                "system register S" + op0 + "_" + op1 + "_C" + crn + "_C" + crm + "_" + op2 + " is not encodable");
    }

    /** The 15-bit o0:op1:CRn:CRm:op2 field of MRS/MSR (bits 19..5 after the caller shifts by 5). */
    public int encoding() {
        return ((op0 - 2) << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    /** Registers known by name, in the spelling llvm-mc prints (upper case, {@code CurrentEL}, …). */
    public enum Named {
        MIDR_EL1(3, 0, 0, 0, 0), MPIDR_EL1(3, 0, 0, 0, 5), REVIDR_EL1(3, 0, 0, 0, 6),
        ID_AA64PFR0_EL1(3, 0, 0, 4, 0), ID_AA64PFR1_EL1(3, 0, 0, 4, 1), ID_AA64DFR0_EL1(3, 0, 0, 5, 0),
        ID_AA64ISAR0_EL1(3, 0, 0, 6, 0), ID_AA64ISAR1_EL1(3, 0, 0, 6, 1),
        ID_AA64MMFR0_EL1(3, 0, 0, 7, 0), ID_AA64MMFR1_EL1(3, 0, 0, 7, 1), ID_AA64MMFR2_EL1(3, 0, 0, 7, 2),
        SCTLR_EL1(3, 0, 1, 0, 0), ACTLR_EL1(3, 0, 1, 0, 1), CPACR_EL1(3, 0, 1, 0, 2),
        TTBR0_EL1(3, 0, 2, 0, 0), TTBR1_EL1(3, 0, 2, 0, 1), TCR_EL1(3, 0, 2, 0, 2),
        SPSR_EL1(3, 0, 4, 0, 0), ELR_EL1(3, 0, 4, 0, 1), SP_EL0(3, 0, 4, 1, 0),
        SPSel(3, 0, 4, 2, 0), CurrentEL(3, 0, 4, 2, 2), NZCV(3, 3, 4, 2, 0), DAIF(3, 3, 4, 2, 1),
        FPCR(3, 3, 4, 4, 0), FPSR(3, 3, 4, 4, 1),
        AFSR0_EL1(3, 0, 5, 1, 0), AFSR1_EL1(3, 0, 5, 1, 1), ESR_EL1(3, 0, 5, 2, 0),
        FAR_EL1(3, 0, 6, 0, 0), PAR_EL1(3, 0, 7, 4, 0),
        PMINTENSET_EL1(3, 0, 9, 14, 1), PMINTENCLR_EL1(3, 0, 9, 14, 2),
        PMCR_EL0(3, 3, 9, 12, 0), PMCNTENSET_EL0(3, 3, 9, 12, 1), PMCNTENCLR_EL0(3, 3, 9, 12, 2),
        PMOVSCLR_EL0(3, 3, 9, 12, 3), PMSWINC_EL0(3, 3, 9, 12, 4), PMSELR_EL0(3, 3, 9, 12, 5),
        PMCEID0_EL0(3, 3, 9, 12, 6), PMCEID1_EL0(3, 3, 9, 12, 7),
        PMCCNTR_EL0(3, 3, 9, 13, 0), PMXEVTYPER_EL0(3, 3, 9, 13, 1), PMXEVCNTR_EL0(3, 3, 9, 13, 2),
        PMUSERENR_EL0(3, 3, 9, 14, 0), PMOVSSET_EL0(3, 3, 9, 14, 3), PMCCFILTR_EL0(3, 3, 14, 15, 7),
        MAIR_EL1(3, 0, 10, 2, 0), AMAIR_EL1(3, 0, 10, 3, 0),
        VBAR_EL1(3, 0, 12, 0, 0), ISR_EL1(3, 0, 12, 1, 0),
        CONTEXTIDR_EL1(3, 0, 13, 0, 1), TPIDR_EL1(3, 0, 13, 0, 4),
        TPIDR_EL0(3, 3, 13, 0, 2), TPIDRRO_EL0(3, 3, 13, 0, 3),
        CNTKCTL_EL1(3, 0, 14, 1, 0), CNTFRQ_EL0(3, 3, 14, 0, 0), CNTPCT_EL0(3, 3, 14, 0, 1),
        CNTVCT_EL0(3, 3, 14, 0, 2), CNTP_TVAL_EL0(3, 3, 14, 2, 0), CNTP_CTL_EL0(3, 3, 14, 2, 1),
        CNTP_CVAL_EL0(3, 3, 14, 2, 2), CNTV_TVAL_EL0(3, 3, 14, 3, 0), CNTV_CTL_EL0(3, 3, 14, 3, 1),
        CNTV_CVAL_EL0(3, 3, 14, 3, 2);

        public final SysReg reg;

        Named(int op0, int op1, int crn, int crm, int op2) {
            this.reg = new SysReg(op0, op1, crn, crm, op2);
        }
    }

    /** Looks a register up by name, case-insensitively, including the generic S-form and PMEV*<n>_EL0. */
    public static Optional<SysReg> byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (Named n : Named.values()) {
            if (n.name().toUpperCase(Locale.ROOT).equals(upper)) return Optional.of(n.reg);
        }
        var generic = java.util.regex.Pattern.compile("S([23])_([0-7])_C(\\d+)_C(\\d+)_([0-7])").matcher(upper);
        if (generic.matches()) {
            int crn = Integer.parseInt(generic.group(3));
            int crm = Integer.parseInt(generic.group(4));
            if (crn > 15 || crm > 15) return Optional.empty();
            return Optional.of(new SysReg(Integer.parseInt(generic.group(1)), Integer.parseInt(generic.group(2)),
                    crn, crm, Integer.parseInt(generic.group(5))));
        }
        var pmev = java.util.regex.Pattern.compile("PMEV(CNTR|TYPER)(\\d+)_EL0").matcher(upper);
        if (pmev.matches()) {
            int n = Integer.parseInt(pmev.group(2));
            if (n > 30) return Optional.empty();
            int base = pmev.group(1).equals("CNTR") ? 8 : 12;
            return Optional.of(new SysReg(3, 3, 14, base + (n >> 3), n & 7));
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("MIDR_EL1", "MPIDR_EL1", "REVIDR_EL1",
            "ID_AA64PFR0_EL1", "ID_AA64PFR1_EL1", "ID_AA64DFR0_EL1", "ID_AA64ISAR0_EL1", "ID_AA64ISAR1_EL1",
            "ID_AA64MMFR0_EL1", "ID_AA64MMFR1_EL1", "ID_AA64MMFR2_EL1", "CurrentEL", "ISR_EL1", "CNTPCT_EL0",
            "CNTVCT_EL0", "PMCEID0_EL0", "PMCEID1_EL0");

    /** Whether MSR cannot write the register (identification registers, counters, CurrentEL). */
    public boolean isReadOnly() {
        return READ_ONLY.contains(asmName());
    }

    /** Whether MRS cannot read the register (PMSWINC_EL0). */
    public boolean isWriteOnly() {
        return asmName().equals("PMSWINC_EL0");
    }

    /** The name llvm-mc prints. */
    public String asmName() {
        for (Named n : Named.values()) if (n.reg.equals(this)) return n.name();
        if (op0 == 3 && op1 == 3 && crn == 14 && crm >= 8 && crm <= 15) {
            int n = ((crm & 3) << 3) | op2;
            if (n <= 30) return (crm < 12 ? "PMEVCNTR" : "PMEVTYPER") + n + "_EL0";
        }
        return "S" + op0 + "_" + op1 + "_C" + crn + "_C" + crm + "_" + op2;
    }
}
