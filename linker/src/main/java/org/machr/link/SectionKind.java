package org.machr.link;

/** What a section holds, which decides where the linker places it. */
public enum SectionKind {
    /** Executable code. */
    TEXT,
    /** Writable initialised data. */
    DATA,
    /** Read-only data. */
    RODATA,
    /** Zero-initialised data: a size, no bytes in the file. */
    BSS,
    /** Anything else (notes, comments, debug info): kept in objects, not loaded by the linker. */
    OTHER
}
