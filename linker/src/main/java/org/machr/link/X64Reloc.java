package org.machr.link;

/**
 * x86_64 relocation kinds (System V AMD64 psABI, section 4.4 "Relocation"). In the formulas S is the
 * symbol's address, A the addend and P the address of the patched place. A static link resolves
 * {@link #PLT32} like {@link #PC32} (there is no PLT).
 */
public enum X64Reloc implements RelocKind {
    /** S + A - P, 32 bits signed. */
    PC32(4),
    /** L + A - P; without a PLT, S + A - P, 32 bits signed. */
    PLT32(4),
    /** S + A, 32 bits zero-extended. */
    ABS32(4),
    /** S + A, 32 bits sign-extended. */
    ABS32S(4),
    /** S + A, 64 bits. */
    ABS64(8),
    /** S + A - P, 64 bits. */
    PC64(8);

    private final int width;

    X64Reloc(int width) {
        this.width = width;
    }

    @Override
    public int width() {
        return width;
    }
}
