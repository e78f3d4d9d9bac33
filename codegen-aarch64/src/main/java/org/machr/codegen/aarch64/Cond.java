package org.machr.codegen.aarch64;

/** Condition codes (Arm ARM C1.2.4, table C1-1), in encoding order. */
public enum Cond {
    EQ, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE, AL, NV;

    public int encoding() {
        return ordinal();
    }

    /** The opposite condition (the low bit flipped). */
    public Cond invert() {
        return values()[ordinal() ^ 1];
    }

    public String asmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
