package org.machr.codegen.common.regalloc;

/**
 * A physical register as the allocator sees it.
 *
 * @param index the hardware number within its class (x0 = 0, …)
 * @param name  for dumps and messages, e.g. {@code x19}
 */
public record PReg(int index, RegClass regClass, String name) implements Location {
    @Override
    public String toString() {
        return name;
    }
}
