package org.machr.link;

/** The machine an object file or image is for. */
public enum Arch {
    AARCH64("aarch64"),
    X86_64("x86_64");

    private final String cliName;

    Arch(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in diagnostics, e.g. {@code aarch64}. */
    public String cliName() {
        return cliName;
    }

    /** Whether {@code kind} is a relocation kind of this architecture. */
    public boolean owns(RelocKind kind) {
        return switch (kind) {
            case A64Reloc k -> this == AARCH64;
            case X64Reloc k -> this == X86_64;
        };
    }
}
