package org.machr.link.elf;

import java.util.Optional;
import org.machr.link.X64Reloc;

/**
 * The one place that maps {@link X64Reloc} kinds to ELF relocation numbers, from the System V AMD64 psABI,
 * section 4.4.1 table 4.9 "Relocation Types". Confirmed against llvm-mc and GNU as output by
 * {@code ElfRelocNumbersTest}.
 */
public final class X64ElfRelocs {

    private X64ElfRelocs() {}

    /** The {@code R_X86_64_*} number of {@code kind}. */
    public static int number(X64Reloc kind) {
        return switch (kind) {
            case ABS64 -> 1;
            case PC32 -> 2;
            case PLT32 -> 4;
            case ABS32 -> 10;
            case ABS32S -> 11;
            case PC64 -> 24;
        };
    }

    /** The kind numbered {@code type}, or empty for a relocation we do not support. */
    public static Optional<X64Reloc> kind(int type) {
        for (X64Reloc k : X64Reloc.values()) {
            if (number(k) == type) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The ELF name, e.g. {@code R_X86_64_PC32}, as readelf prints it. */
    public static String elfName(X64Reloc kind) {
        return switch (kind) {
            case ABS64 -> "R_X86_64_64";
            case ABS32 -> "R_X86_64_32";
            case ABS32S -> "R_X86_64_32S";
            default -> "R_X86_64_" + kind.name();
        };
    }
}
