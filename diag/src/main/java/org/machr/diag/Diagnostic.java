package org.machr.diag;

import java.util.List;

/**
 * One message about the input: what is wrong, where, and notes that help fix it.
 *
 * @param span where; {@code null} for a diagnostic about no particular place (a missing file)
 */
public record Diagnostic(Severity severity, DiagnosticCode code, Span span, String message, List<String> notes) {

    public Diagnostic {
        if (severity == null || code == null || message == null) {
            throw new IllegalArgumentException("severity, code and message are required");
        }
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    public static Diagnostic error(DiagnosticCode code, Span span, String message, String... notes) {
        return new Diagnostic(Severity.ERROR, code, span, message, List.of(notes));
    }

    public static Diagnostic warning(DiagnosticCode code, Span span, String message, String... notes) {
        return new Diagnostic(Severity.WARNING, code, span, message, List.of(notes));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the rendered form: {@code file:line:col: error[CODE]: message}. */
    public String headline() {
        String where = span == null ? "" : span.location() + ": ";
        return where + severity.label() + "[" + code.id() + "]: " + message;
    }

    /** The full rendering with source line and caret; see {@link DiagnosticRenderer}. */
    public String render() {
        return DiagnosticRenderer.render(this);
    }
}
