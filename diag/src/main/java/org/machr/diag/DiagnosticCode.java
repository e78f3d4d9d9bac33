package org.machr.diag;

/**
 * A stable diagnostic code such as {@code KD0042} or {@code MIG0007}. Each language keeps its codes in
 * one enum implementing this interface, documented in {@code docs/}.
 */
public interface DiagnosticCode {

    /** The code as printed, e.g. {@code KD0042}. */
    String id();

    /** The default severity of diagnostics with this code. */
    default Severity severity() {
        return Severity.ERROR;
    }
}
