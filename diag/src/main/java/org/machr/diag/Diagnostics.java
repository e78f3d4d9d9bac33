package org.machr.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one run so a phase can report every error it finds and carry on.
 * Not thread-safe: one collector per compilation.
 */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;

    public void report(Diagnostic d) {
        all.add(d);
        if (d.isError()) errors++;
    }

    public void error(DiagnosticCode code, Span span, String message, String... notes) {
        report(Diagnostic.error(code, span, message, notes));
    }

    public void warning(DiagnosticCode code, Span span, String message, String... notes) {
        report(Diagnostic.warning(code, span, message, notes));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    /** In the order reported. */
    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    /** Sorted by file, then position, then order reported: the order users read them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator
                .comparing((Diagnostic d) -> d.span() == null ? "" : d.span().file().path())
                .thenComparingInt(d -> d.span() == null ? -1 : d.span().start()));
        return copy;
    }

    /** Every diagnostic rendered, sorted, followed by an error count line when there are errors. */
    public String renderAll() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : sorted()) out.append(d.render());
        if (errors > 0) out.append(errors).append(errors == 1 ? " error" : " errors").append('\n');
        return out.toString();
    }
}
