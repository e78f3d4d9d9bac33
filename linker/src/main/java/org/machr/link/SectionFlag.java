package org.machr.link;

/** Section attributes (the ELF {@code SHF_*} flags the linker cares about; ELF gABI, "Sections"). */
public enum SectionFlag {
    /** Occupies memory in the running image. */
    ALLOC,
    /** Writable at run time. */
    WRITE,
    /** Holds instructions. */
    EXECUTE,
    /** May be merged with identical data ({@code SHF_MERGE}); entries of {@code entrySize} bytes. */
    MERGE,
    /** Holds NUL-terminated strings ({@code SHF_STRINGS}). */
    STRINGS
}
