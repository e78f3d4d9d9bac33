package org.machr.codegen.x86_64;

/**
 * How an encoded field refers to a symbol or label, independent of the object format; mapped to ELF
 * relocation types in {@link X64Relocs} (System V AMD64 ABI §4.4.1, Table 4.9 "Relocation Types").
 */
public enum X64FixupKind {
    /** 8-bit PC-relative (short jumps): R_X86_64_PC8. */
    PC8(1, true),
    /** 32-bit PC-relative data reference, e.g. RIP-relative operands: R_X86_64_PC32. */
    PC32(4, true),
    /** 32-bit PC-relative call, jmp or jcc: R_X86_64_PLT32, as llvm-mc emits for {@code call foo}, {@code jne foo}. */
    BRANCH32(4, true),
    /** 16-bit absolute: R_X86_64_16. */
    ABS16(2, false),
    /** 32-bit absolute, zero-extended: R_X86_64_32. */
    ABS32(4, false),
    /** 32-bit absolute, sign-extended to 64 bits: R_X86_64_32S. */
    ABS32S(4, false),
    /** 64-bit absolute: R_X86_64_64. */
    ABS64(8, false),
    /** 8-bit absolute: R_X86_64_8. */
    ABS8(1, false);

    private final int size;
    private final boolean pcRelative;

    X64FixupKind(int size, boolean pcRelative) {
        this.size = size;
        this.pcRelative = pcRelative;
    }

    /** Width of the field in bytes. */
    public int size() {
        return size;
    }

    public boolean pcRelative() {
        return pcRelative;
    }
}
