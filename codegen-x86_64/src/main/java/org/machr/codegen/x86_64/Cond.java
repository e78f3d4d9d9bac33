package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * Condition codes, numbered as the low nibble of Jcc (0F 80+cc), SETcc (0F 90+cc) and CMOVcc (0F 40+cc)
 * (Intel SDM Vol. 1 Appendix B "EFLAGS Condition Codes"; Vol. 2A "Jcc"). The constant names are the
 * forms llvm-mc prints; {@link #byName} also accepts the aliases.
 */
public enum Cond {
    O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G;

    public int code() {
        return ordinal();
    }

    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The condition for a mnemonic suffix such as {@code e}, {@code z}, {@code nae}; null if unknown. */
    public static Cond byName(String s) {
        return switch (s) {
            case "o" -> O;
            case "no" -> NO;
            case "b", "c", "nae" -> B;
            case "ae", "nb", "nc" -> AE;
            case "e", "z" -> E;
            case "ne", "nz" -> NE;
            case "be", "na" -> BE;
            case "a", "nbe" -> A;
            case "s" -> S;
            case "ns" -> NS;
            case "p", "pe" -> P;
            case "np", "po" -> NP;
            case "l", "nge" -> L;
            case "ge", "nl" -> GE;
            case "le", "ng" -> LE;
            case "g", "nle" -> G;
            default -> null;
        };
    }
}
