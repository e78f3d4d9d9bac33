package org.machr.diag;

/**
 * Thrown by a phase that cannot continue after reporting errors; the CLI catches it, prints the
 * collected diagnostics and exits non-zero. Never carries a stack trace to the user.
 */
public final class DiagnosticException extends RuntimeException {

    private final transient Diagnostics diagnostics;

    public DiagnosticException(Diagnostics diagnostics) {
        super(diagnostics.errorCount() + " error(s)", null, false, false);
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
