package org.machr.codegen.common.regalloc;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register file of a target as the allocator uses it.
 *
 * @param allocatable per class, the registers to assign in order of preference (caller-saved first, so
 *                    that only values live across calls take callee-saved registers)
 * @param scratch     per class, registers never assigned: reloads and stores of spilled operands and the
 *                    parallel-move cycle breaker use them. At least as many as the most register
 *                    operands one instruction has, and at least one.
 * @param calleeSaved registers a function must preserve; those it assigns are reported for the prologue
 * @param slotSize    bytes of one spill slot (8 on both 64-bit targets)
 */
public record RegAllocConfig(Map<RegClass, List<PReg>> allocatable, Map<RegClass, List<PReg>> scratch,
                             Set<PReg> calleeSaved, int slotSize) {

    public RegAllocConfig {
        allocatable = Map.copyOf(allocatable);
        scratch = Map.copyOf(scratch);
        calleeSaved = Set.copyOf(calleeSaved);
        for (var e : scratch.entrySet()) {
            if (e.getValue().isEmpty()) throw new IllegalArgumentException("no scratch register for " + e.getKey());
            for (PReg p : e.getValue()) {
                if (allocatable.getOrDefault(e.getKey(), List.of()).contains(p)) {
                    throw new IllegalArgumentException(p + " is both scratch and allocatable");
                }
            }
        }
    }

    public List<PReg> allocatable(RegClass c) {
        return allocatable.getOrDefault(c, List.of());
    }

    public List<PReg> scratch(RegClass c) {
        return scratch.getOrDefault(c, List.of());
    }
}
