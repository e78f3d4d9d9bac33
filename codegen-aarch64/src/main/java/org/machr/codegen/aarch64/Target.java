package org.machr.codegen.aarch64;

import org.machr.codegen.common.Label;

/**
 * What a PC-relative instruction (branch, ADR, ADRP, LDR literal) refers to: a known byte offset, a label
 * of the same {@link org.machr.codegen.common.CodeBuffer}, or a symbol resolved by the linker.
 */
public sealed interface Target {

    /** A byte offset from the instruction (for ADRP: from its 4 KiB page, a multiple of 4096). */
    record Offset(long bytes) implements Target {}

    record ToLabel(Label label) implements Target {}

    record ToSymbol(String symbol, long addend) implements Target {}

    static Target offset(long bytes) {
        return new Offset(bytes);
    }
}
