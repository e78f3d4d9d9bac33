package org.machr.codegen.x86_64;

import org.machr.codegen.common.LabelUseKind;

/**
 * How x86_64 code refers to a {@link org.machr.codegen.common.Label}: a rel8 or rel32 field, measured
 * from the end of the field. The field is emitted holding any extra addend (e.g. minus the size of an
 * immediate that follows a RIP-relative displacement) and the patch adds the displacement to it.
 */
public enum X64LabelUse implements LabelUseKind {
    /** rel8 of a short jump (Intel SDM Vol. 2A "Jcc", "JMP": cb). */
    REL8(1, -128, 127),
    /** rel32 of a near jump or call, or a RIP-relative disp32 (SDM Vol. 2A §2.2.1.6). */
    REL32(4, Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final int size;
    private final long min;
    private final long max;

    X64LabelUse(int size, long min, long max) {
        this.size = size;
        this.min = min;
        this.max = max;
    }

    @Override
    public int patchSize() {
        return size;
    }

    @Override
    public int pcBias() {
        return size;
    }

    @Override
    public boolean inRange(long displacement) {
        return displacement >= min && displacement <= max;
    }

    @Override
    public String rangeDescription() {
        return "[" + min + ", " + max + "] bytes";
    }

    @Override
    public long patch(long original, long displacement) {
        long mask = size == 8 ? -1L : (1L << (size * 8)) - 1;
        return (original + displacement) & mask;
    }
}
