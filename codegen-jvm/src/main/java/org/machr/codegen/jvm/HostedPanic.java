package org.machr.codegen.jvm;

/**
 * A panic detected by the hosted machine (memory fault, division by zero, stack overflow, bad
 * function pointer). Carries the index of the location in the program's location table. No stack
 * trace is captured: it is control flow, not a Java error.
 */
public final class HostedPanic extends RuntimeException {
    private final int loc;

    public HostedPanic(String message, int loc) {
        super(message, null, false, false);
        this.loc = loc;
    }

    /** Index into {@link HostedProgram}'s location table, or -1 when unknown. */
    public int loc() {
        return loc;
    }
}
