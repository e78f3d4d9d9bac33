package org.machr.codegen.aarch64;

/**
 * Format-neutral AArch64 relocation kinds the assembler and code generator record against symbols
 * (named after the ELF for the Arm 64-bit Architecture (AAELF64) §5.7 relocations they become; the
 * mapping to ELF numbers lives in the linker).
 */
public enum A64RelocKind {
    CALL26, JUMP26, CONDBR19, TSTBR14, LD_PREL_LO19, ADR_PREL_LO21, ADR_PREL_PG_HI21,
    ADD_ABS_LO12_NC, LDST8_ABS_LO12_NC, LDST16_ABS_LO12_NC, LDST32_ABS_LO12_NC, LDST64_ABS_LO12_NC,
    LDST128_ABS_LO12_NC, ABS64, ABS32, ABS16, PREL64, PREL32, PREL16;

    /** The LDSTn_ABS_LO12_NC kind for an access of {@code 1 << sizeLog2} bytes. */
    public static A64RelocKind ldstLo12(int sizeLog2) {
        return switch (sizeLog2) {
            case 0 -> LDST8_ABS_LO12_NC;
            case 1 -> LDST16_ABS_LO12_NC;
            case 2 -> LDST32_ABS_LO12_NC;
            case 3 -> LDST64_ABS_LO12_NC;
            default -> LDST128_ABS_LO12_NC;
        };
    }
}
