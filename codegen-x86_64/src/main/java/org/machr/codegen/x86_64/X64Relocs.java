package org.machr.codegen.x86_64;

import org.machr.link.X64Reloc;

/**
 * The one place that maps encoder fixups to the linker's format-neutral {@link X64Reloc} kinds (which
 * {@code org.machr.link.elf.X64ElfRelocs} numbers as ELF R_X86_64_*; System V AMD64 psABI §4.4.1).
 */
public final class X64Relocs {

    private X64Relocs() {}

    /** The relocation for a fixup that stays unresolved in the object, or null when the object model has none. */
    public static X64Reloc relocFor(X64FixupKind kind) {
        return switch (kind) {
            case PC32 -> X64Reloc.PC32;
            case BRANCH32 -> X64Reloc.PLT32;
            case ABS32 -> X64Reloc.ABS32;
            case ABS32S -> X64Reloc.ABS32S;
            case ABS64 -> X64Reloc.ABS64;
            case PC8, ABS8, ABS16 -> null;
        };
    }
}
