package org.machr.codegen.jvm;

/** The program stopped the machine ({@code @jvm.halt}) with an exit status. */
public final class HostedHalt extends RuntimeException {
    private final int status;

    public HostedHalt(int status) {
        super("halt " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
