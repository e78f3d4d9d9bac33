package org.machr.codegen.common.regalloc;

import java.util.List;

/**
 * A function as the allocator sees it: blocks in layout order (block 0 is the entry), each a list of
 * instructions and its successors. Values that arrive in registers (arguments) must be defined by an
 * instruction at the entry with fixed defs, so every use is reached by a def.
 */
public interface RegAllocFunction {

    int blockCount();

    List<? extends RegAllocInsn> insns(int block);

    List<Integer> successors(int block);

    /** One more than the highest virtual register id used. */
    int vregCount();
}
