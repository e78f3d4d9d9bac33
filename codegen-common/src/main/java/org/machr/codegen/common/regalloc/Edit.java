package org.machr.codegen.common.regalloc;

/**
 * A move the backend must insert around instruction {@code insn} (global index in layout order).
 * Edits of one instruction and side are to be emitted in list order (they are already sequentialised).
 */
public record Edit(int insn, Side side, Move move) {
    public enum Side { BEFORE, AFTER }
}
