package org.machr.codegen.common;

/**
 * How one architecture refers to a label from an instruction or data field: which bytes hold the
 * displacement, how it is measured, its range, and how to put it into those bytes. Each backend provides
 * an enum of these (e.g. {@code A64LabelUse.BRANCH26}, {@code X64LabelUse.REL32}); the buffer itself knows
 * nothing of encodings — the same split as LLVM MC's fixup kinds and Cranelift's {@code LabelUse}.
 */
public interface LabelUseKind {

    /** A short name for diagnostics, e.g. {@code BRANCH26}. */
    String name();

    /** Number of bytes of the field that is patched, starting at the use offset (1, 2, 4 or 8). */
    int patchSize();

    /**
     * Added to the use offset to give the position the displacement is measured from: 0 on AArch64
     * (relative to the instruction), the field size on x86 (relative to the next instruction when the
     * field ends the instruction).
     */
    int pcBias();

    /** Whether {@code displacement} (target minus base, in bytes) can be encoded. */
    boolean inRange(long displacement);

    /** A human description of the range for diagnostics, e.g. {@code ±128 MiB, multiple of 4}. */
    String rangeDescription();

    /**
     * The field's new content: {@code original} (the little-endian value of the {@link #patchSize()}
     * bytes as emitted, with a zero displacement) with {@code displacement} inserted.
     * Only called when {@link #inRange(long)} holds.
     */
    long patch(long original, long displacement);
}
