package org.machr.kd.ir;

import java.util.List;
import java.util.Optional;

/**
 * Machine operations a backend implements directly. Memory-model operations (volatile access,
 * atomics, fences) are instructions, not intrinsics. Intrinsics whose {@link #target()} is not
 * {@code null} exist only on that target; a backend rejects the others.
 */
public enum Intrinsic {
    /** Write one byte to the hosted console. */
    JVM_PUTC("jvm.putc", "jvm", null, IrType.I8),
    /** Stop the hosted machine with an exit status; does not return. */
    JVM_HALT("jvm.halt", "jvm", null, IrType.I32),
    /** Trap into the debugger / stop: a breakpoint instruction on hardware. */
    TRAP("trap", null, null);

    private final String text;
    private final String target;
    private final IrType result;
    private final List<IrType> params;

    Intrinsic(String text, String target, IrType result, IrType... params) {
        this.text = text;
        this.target = target;
        this.result = result;
        this.params = List.of(params);
    }

    /** The name as written after {@code @} in source and in the printed IR. */
    public String text() {
        return text;
    }

    /** The only target that has it, or {@code null} when every target does. */
    public String target() {
        return target;
    }

    /** The result type, or {@code null} for none. */
    public IrType result() {
        return result;
    }

    public List<IrType> params() {
        return params;
    }

    /** Whether control never comes back from it. */
    public boolean noReturn() {
        return this == JVM_HALT || this == TRAP;
    }

    public static Optional<Intrinsic> byName(String name) {
        for (Intrinsic i : values()) if (i.text.equals(name)) return Optional.of(i);
        return Optional.empty();
    }
}
