package org.machr.kd.ir.pass;

import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;

/**
 * Whether a known compare outcome {@code x c1 y} decides another compare {@code a c2 b}: for the same
 * operands (in either order) by the orderings the conditions admit, and for one register against
 * constants by the ranges of values the conditions admit.
 */
final class Implication {
    private Implication() {}

    /** A compare {@code a cond b} known (or asked) to hold. */
    record Fact(Cond cond, Operand a, Operand b) {
        Fact negate() {
            return new Fact(cond.negate(), a, b);
        }

        /** The same fact with a constant, if any, on the right. */
        Fact constantRight() {
            return a instanceof Imm && !(b instanceof Imm) ? new Fact(cond.swap(), b, a) : this;
        }
    }

    private static final int LESS = 1, EQUAL = 2, GREATER = 4;

    /** {@code Boolean.TRUE}/{@code FALSE} when {@code known} decides {@code query}, else {@code null}. */
    static Boolean decide(Fact known, Fact query) {
        Boolean decided = null;
        if (known.a().equals(query.a()) && known.b().equals(query.b())) decided = byOrdering(known.cond(), query.cond());
        else if (known.a().equals(query.b()) && known.b().equals(query.a())) decided = byOrdering(known.cond(), query.cond().swap());
        if (decided != null) return decided;
        Fact k = known.constantRight();
        Fact q = query.constantRight();
        if (k.a().equals(q.a()) && k.b() instanceof Imm kc && q.b() instanceof Imm qc) return byRange(k.cond(), kc, q.cond(), qc);
        return null;
    }

    private static Boolean byOrdering(Cond known, Cond query) {
        if (!comparable(known, query)) return null;
        int k = outcomes(known), q = outcomes(query);
        if ((k & ~q) == 0) return Boolean.TRUE;
        if ((k & q) == 0) return Boolean.FALSE;
        return null;
    }

    /** Signed and unsigned orderings say nothing about each other; equality means the same in both. */
    private static boolean comparable(Cond a, Cond b) {
        return !ordered(a) || !ordered(b) || signed(a) == signed(b);
    }

    private static boolean ordered(Cond c) {
        return c != Cond.EQ && c != Cond.NE;
    }

    private static boolean signed(Cond c) {
        return c == Cond.SLT || c == Cond.SLE || c == Cond.SGT || c == Cond.SGE;
    }

    private static int outcomes(Cond c) {
        return switch (c) {
            case EQ -> EQUAL;
            case NE -> LESS | GREATER;
            case SLT, ULT -> LESS;
            case SLE, ULE -> LESS | EQUAL;
            case SGT, UGT -> GREATER;
            case SGE, UGE -> GREATER | EQUAL;
        };
    }

    private static Boolean byRange(Cond known, Imm kc, Cond query, Imm qc) {
        if (!comparable(known, query)) return null;
        boolean signed = ordered(known) ? signed(known) : signed(query);
        IrType t = kc.type();
        long lo = signed ? -(1L << (t.bits() - 1)) : Long.MIN_VALUE;
        long hi = signed ? (t.bits() == 64 ? Long.MAX_VALUE : (1L << (t.bits() - 1)) - 1) : key(t, -1, false);
        long[] k = range(known, key(t, kc.value(), signed), lo, hi);
        long kKey = key(t, kc.value(), signed), qKey = key(t, qc.value(), signed);
        if (k == null) {            // known: x != kc
            if (query == Cond.EQ && qKey == kKey) return Boolean.FALSE;
            if (query == Cond.NE && qKey == kKey) return Boolean.TRUE;
            return null;
        }
        if (k[0] > k[1]) return null;                               // the known edge is never taken
        if (query == Cond.NE) {
            if (qKey < k[0] || qKey > k[1]) return Boolean.TRUE;
            return k[0] == qKey && k[1] == qKey ? Boolean.FALSE : null;
        }
        long[] q = range(query, qKey, lo, hi);
        if (q[0] <= k[0] && k[1] <= q[1]) return Boolean.TRUE;
        if (k[1] < q[0] || q[1] < k[0]) return Boolean.FALSE;
        return null;
    }

    /**
     * The values of {@code x} with {@code x cond c} as an interval of keys {@code [from, to]} (empty when
     * from > to), or {@code null} for {@code NE} that is not at an end of the range.
     */
    private static long[] range(Cond cond, long c, long lo, long hi) {
        return switch (cond) {
            case EQ -> new long[] {c, c};
            case NE -> c == lo ? new long[] {lo + 1, hi} : c == hi ? new long[] {lo, hi - 1} : null;
            case SLT, ULT -> c == lo ? new long[] {hi, lo} : new long[] {lo, c - 1};
            case SLE, ULE -> new long[] {lo, c};
            case SGT, UGT -> c == hi ? new long[] {hi, lo} : new long[] {c + 1, hi};
            case SGE, UGE -> new long[] {c, hi};
        };
    }

    /** A key whose signed order is the value's order: the value itself when signed, else offset by 2^63. */
    private static long key(IrType t, long value, boolean signed) {
        long canonical = t.canonical(value);
        return signed ? canonical : t.unsigned(canonical) ^ Long.MIN_VALUE;
    }
}
