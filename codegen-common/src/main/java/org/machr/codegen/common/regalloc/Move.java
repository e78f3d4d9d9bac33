package org.machr.codegen.common.regalloc;

/** A copy of one value from one location to another, inserted by the allocator. */
public record Move(Location from, Location to) {
    @Override
    public String toString() {
        return to + " := " + from;
    }
}
