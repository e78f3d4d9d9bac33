package org.machr.codegen.common.regalloc;

/** Where a value lives: a physical register or a spill slot in the frame. */
public sealed interface Location permits PReg, SpillSlot {
    RegClass regClass();
}
