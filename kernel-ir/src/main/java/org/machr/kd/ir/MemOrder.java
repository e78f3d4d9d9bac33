package org.machr.kd.ir;

/** Memory orderings of atomic operations and fences, with the C11 meanings. */
public enum MemOrder {
    RELAXED, ACQUIRE, RELEASE, ACQ_REL, SEQ_CST;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
