package org.machr.link;

/**
 * A format-neutral relocation kind: what a fixup computes and where the bits go, not how a file format
 * numbers it. The ELF numbers live in one place per architecture ({@code org.machr.link.elf.A64ElfRelocs},
 * {@code org.machr.link.elf.X64ElfRelocs}).
 */
public sealed interface RelocKind permits A64Reloc, X64Reloc {

    /** The short name, e.g. {@code CALL26}. */
    String name();

    /** How many bytes of the section the relocation patches. */
    int width();
}
