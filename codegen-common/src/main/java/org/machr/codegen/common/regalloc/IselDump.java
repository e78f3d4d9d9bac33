package org.machr.codegen.common.regalloc;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code --dump=isel} listing of one function: every machine instruction instruction selection made,
 * block by block, with its virtual-register operands (defs, uses, fixed registers, clobbers) beside the
 * instruction(s) it became once registers were assigned. Moves the allocator inserted are shown as such.
 *
 * <pre>
 * ; isel sieve.main
 * b1:
 *   use v2                         cmp x21, #1000
 *   (regalloc)                     mov x0, x21
 * </pre>
 */
public final class IselDump {

    private static final int OPERAND_COLUMN = 34;

    private final StringBuilder text = new StringBuilder();

    public IselDump(String function) {
        text.append("; isel ").append(function).append('\n');
    }

    public void block(int index) {
        text.append('b').append(index).append(":\n");
    }

    /** One selected instruction and the lines it was emitted as (none when the allocator removed a copy). */
    public void insn(List<Operand> operands, Set<PReg> clobbers, List<String> emitted) {
        String left = operands.stream().map(IselDump::operand).collect(Collectors.joining(", "));
        if (!clobbers.isEmpty()) left += (left.isEmpty() ? "" : ", ") + "clobbers " + clobbers.size();
        row(left.isEmpty() ? "-" : left, emitted.isEmpty() ? List.of("(coalesced)") : emitted);
    }

    /** Lines emitted for moves the register allocator inserted. */
    public void allocatorMoves(List<String> emitted) {
        if (!emitted.isEmpty()) row("(regalloc)", emitted);
    }

    private void row(String left, List<String> emitted) {
        for (int i = 0; i < emitted.size(); i++) {
            String l = i == 0 ? left : "";
            text.append("  ").append(l).append(" ".repeat(Math.max(1, OPERAND_COLUMN - l.length())))
                    .append(emitted.get(i).strip()).append('\n');
        }
    }

    static String operand(Operand o) {
        String s = (o.isUse() ? "use " : "def ") + o.vreg();
        return o.fixed() == null ? s : s + "@" + o.fixed();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
