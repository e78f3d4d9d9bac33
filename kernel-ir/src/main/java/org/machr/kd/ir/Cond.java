package org.machr.kd.ir;

/** Integer compare conditions: signed ({@code S*}) and unsigned ({@code U*}) orderings. */
public enum Cond {
    EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

    /** The condition that holds exactly when this one does not. */
    public Cond negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case SLT -> SGE;
            case SLE -> SGT;
            case SGT -> SLE;
            case SGE -> SLT;
            case ULT -> UGE;
            case ULE -> UGT;
            case UGT -> ULE;
            case UGE -> ULT;
        };
    }

    /** The condition with operands swapped ({@code a < b} iff {@code b > a}). */
    public Cond swap() {
        return switch (this) {
            case EQ, NE -> this;
            case SLT -> SGT;
            case SLE -> SGE;
            case SGT -> SLT;
            case SGE -> SLE;
            case ULT -> UGT;
            case ULE -> UGE;
            case UGT -> ULT;
            case UGE -> ULE;
        };
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
