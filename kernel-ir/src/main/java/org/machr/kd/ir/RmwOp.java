package org.machr.kd.ir;

/** Atomic read-modify-write operations; each returns the old value. */
public enum RmwOp {
    XCHG, ADD, SUB, AND, OR, XOR;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
