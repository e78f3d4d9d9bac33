package org.machr.link;

/**
 * AArch64 relocation kinds (ELF for the Arm 64-bit Architecture, section 5.7 "Relocation"). In the
 * formulas S is the symbol's address, A the addend, P the address of the patched place and
 * Page(x) = x &amp; ~0xfff.
 */
public enum A64Reloc implements RelocKind {
    /** {@code BL}: S + A - P into imm26 (words), range +/-128 MiB. */
    CALL26(4),
    /** {@code B}: S + A - P into imm26 (words), range +/-128 MiB. */
    JUMP26(4),
    /** {@code B.cond}, {@code CBZ}, {@code CBNZ}: S + A - P into imm19 (words), range +/-1 MiB. */
    CONDBR19(4),
    /** {@code TBZ}, {@code TBNZ}: S + A - P into imm14 (words), range +/-32 KiB. */
    TSTBR14(4),
    /** {@code LDR (literal)}: S + A - P into imm19 (words), range +/-1 MiB. */
    LD_PREL_LO19(4),
    /** {@code ADR}: S + A - P into immhi:immlo, range +/-1 MiB. */
    ADR_PREL_LO21(4),
    /** {@code ADRP}: Page(S + A) - Page(P) into immhi:immlo (pages), range +/-4 GiB. */
    ADR_PREL_PG_HI21(4),
    /** {@code ADD (immediate)}: (S + A) &amp; 0xfff into imm12, no overflow check. */
    ADD_ABS_LO12_NC(4),
    /** Byte load/store: (S + A) &amp; 0xfff into imm12. */
    LDST8_ABS_LO12_NC(4),
    /** Halfword load/store: ((S + A) &amp; 0xfff) / 2 into imm12. */
    LDST16_ABS_LO12_NC(4),
    /** Word load/store: ((S + A) &amp; 0xfff) / 4 into imm12. */
    LDST32_ABS_LO12_NC(4),
    /** Doubleword load/store: ((S + A) &amp; 0xfff) / 8 into imm12. */
    LDST64_ABS_LO12_NC(4),
    /** Quadword load/store: ((S + A) &amp; 0xfff) / 16 into imm12. */
    LDST128_ABS_LO12_NC(4),
    /** 64-bit data: S + A. */
    ABS64(8),
    /** 32-bit data: S + A, must fit in [-2^31, 2^32). */
    ABS32(4),
    /** 32-bit data: S + A - P, must fit in [-2^31, 2^32). */
    PREL32(4),
    /** 64-bit data: S + A - P. */
    PREL64(8);

    private final int width;

    A64Reloc(int width) {
        this.width = width;
    }

    @Override
    public int width() {
        return width;
    }
}
