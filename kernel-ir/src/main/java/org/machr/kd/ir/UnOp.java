package org.machr.kd.ir;

/** One-operand integer operations: two's-complement negation and bitwise complement. */
public enum UnOp {
    NEG, NOT;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
