package org.machr.link;

import org.machr.diag.DiagnosticCode;
import org.machr.diag.Severity;

/** Every diagnostic the linker reports; each is documented in {@code docs/linker.md}. */
public enum LinkCode implements DiagnosticCode {
    /** An input or output file cannot be read or written. */
    IO_ERROR("LNK0001"),
    /** The input is not a little-endian ELF64 file, or its header or tables are cut short or inconsistent. */
    MALFORMED_ELF("LNK0002"),
    /** The ELF file is for a machine or of a type (e.g. shared object) we do not link. */
    UNSUPPORTED_ELF("LNK0003"),
    /** A section, symbol or relocation uses an ELF feature we do not support (REL, COMMON, TLS, groups). */
    UNSUPPORTED_FEATURE("LNK0004"),
    /** A relocation type we do not know. */
    UNSUPPORTED_RELOCATION("LNK0005"),
    /** A section of an unknown type was dropped while reading (warning). */
    IGNORED_SECTION("LNK0006", Severity.WARNING),
    /** Inputs for different architectures, or not for the architecture linked. */
    ARCH_MISMATCH("LNK0010"),
    /** A symbol is referenced but defined nowhere. */
    UNDEFINED_SYMBOL("LNK0011"),
    /** Two object files define the same global symbol. */
    DUPLICATE_SYMBOL("LNK0012"),
    /** A relocation's value does not fit its field. */
    RELOCATION_OVERFLOW("LNK0013"),
    /** A relocation's value is not a multiple of what its instruction encodes. */
    RELOCATION_MISALIGNED("LNK0014"),
    /** The entry symbol is not defined. */
    MISSING_ENTRY("LNK0015"),
    /** The image does not fit the target's constraints (address space, multiboot header placement). */
    IMAGE_LAYOUT("LNK0016"),
    /** Bad command-line usage of the linker entry point. */
    USAGE("LNK0017");

    private final String id;
    private final Severity severity;

    LinkCode(String id) {
        this(id, Severity.ERROR);
    }

    LinkCode(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }
}
