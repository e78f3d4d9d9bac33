package org.machr.link.elf;

import java.util.Optional;
import org.machr.link.A64Reloc;

/**
 * The one place that maps {@link A64Reloc} kinds to ELF relocation numbers, from "ELF for the Arm 64-bit
 * Architecture (AArch64)", section 5.7.3 tables 5-4..5-10 (static data, PC-relative control flow and
 * addressing relocations). Confirmed against llvm-mc and GNU as output by {@code ElfRelocNumbersTest}.
 */
public final class A64ElfRelocs {

    private A64ElfRelocs() {}

    /** The {@code R_AARCH64_*} number of {@code kind}. */
    public static int number(A64Reloc kind) {
        return switch (kind) {
            case ABS64 -> 257;
            case ABS32 -> 258;
            case PREL64 -> 260;
            case PREL32 -> 261;
            case LD_PREL_LO19 -> 273;
            case ADR_PREL_LO21 -> 274;
            case ADR_PREL_PG_HI21 -> 275;
            case ADD_ABS_LO12_NC -> 277;
            case LDST8_ABS_LO12_NC -> 278;
            case TSTBR14 -> 279;
            case CONDBR19 -> 280;
            case JUMP26 -> 282;
            case CALL26 -> 283;
            case LDST16_ABS_LO12_NC -> 284;
            case LDST32_ABS_LO12_NC -> 285;
            case LDST64_ABS_LO12_NC -> 286;
            case LDST128_ABS_LO12_NC -> 299;
        };
    }

    /** The kind numbered {@code type}, or empty for a relocation we do not support. */
    public static Optional<A64Reloc> kind(int type) {
        for (A64Reloc k : A64Reloc.values()) {
            if (number(k) == type) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The ELF name, e.g. {@code R_AARCH64_CALL26}, as readelf prints it. */
    public static String elfName(A64Reloc kind) {
        return "R_AARCH64_" + kind.name();
    }
}
