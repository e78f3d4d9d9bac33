package org.machr.codegen.x86_64;

/**
 * A general-purpose register of one of the four widths (Intel SDM Vol. 1 §3.4.1, Vol. 2A §2.2.1,
 * Table 3-1 "Register Codes Associated With +rb, +rw, +rd, +ro").
 */
public sealed interface Gpr extends Reg permits Gpr64, Gpr32, Gpr16, Gpr8 {

    OpSize size();

    /** Whether encoding this register needs a REX prefix (r8..r15, and spl/bpl/sil/dil). */
    default boolean needsRex() {
        return number() >= 8;
    }

    /** Whether this register cannot be encoded when a REX prefix is present (ah, ch, dh, bh). */
    default boolean forbidsRex() {
        return false;
    }

    /** The register with the same number at {@code size} (ah..bh map to their REX-less numbers). */
    static Gpr of(int number, OpSize size) {
        return switch (size) {
            case QWORD -> Gpr64.values()[number];
            case DWORD -> Gpr32.values()[number];
            case WORD -> Gpr16.values()[number];
            case BYTE -> Gpr8.values()[number];
        };
    }

    /** Looks a register up by its AT&amp;T name without {@code %}; null when there is none. */
    static Gpr byName(String name) {
        for (OpSize s : OpSize.values()) {
            for (int i = 0; i < (s == OpSize.BYTE ? Gpr8.values().length : 16); i++) {
                Gpr g = s == OpSize.BYTE ? Gpr8.values()[i] : of(i, s);
                if (g.asmName().equals(name)) return g;
            }
        }
        return null;
    }
}
