package org.machr.link.elf;

import java.util.Optional;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.RelocKind;
import org.machr.link.X64Reloc;

/** Dispatches to the per-architecture relocation number tables. */
public final class ElfRelocs {

    private ElfRelocs() {}

    public static int number(RelocKind kind) {
        return switch (kind) {
            case A64Reloc k -> A64ElfRelocs.number(k);
            case X64Reloc k -> X64ElfRelocs.number(k);
        };
    }

    public static Optional<? extends RelocKind> kind(Arch arch, int type) {
        return switch (arch) {
            case AARCH64 -> A64ElfRelocs.kind(type);
            case X86_64 -> X64ElfRelocs.kind(type);
        };
    }

    public static String elfName(RelocKind kind) {
        return switch (kind) {
            case A64Reloc k -> A64ElfRelocs.elfName(k);
            case X64Reloc k -> X64ElfRelocs.elfName(k);
        };
    }
}
