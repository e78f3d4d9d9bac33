package org.machr.codegen.common.regalloc;

import java.util.List;
import java.util.Set;

/**
 * What the register allocator needs to know of a machine instruction: its register operands, the
 * physical registers it destroys (a call clobbers the caller-saved set), whether it is a plain register
 * copy (a hint for the allocator) and whether it ends its block.
 */
public interface RegAllocInsn {

    List<Operand> operands();

    Set<PReg> clobbers();

    /** A copy {@code def := use} with exactly one use and one def of the same class. */
    default boolean isMove() {
        return false;
    }

    /** A branch or return: it must be the last instruction of its block and may not define values. */
    default boolean isTerminator() {
        return false;
    }
}
