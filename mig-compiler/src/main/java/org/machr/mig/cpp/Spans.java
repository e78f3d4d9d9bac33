package org.machr.mig.cpp;

import java.util.List;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;

/** Reports preprocessor diagnostics at a token's place in its file. */
final class Spans {

    private final Diagnostics diagnostics;

    Spans(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static Span of(PpToken t) {
        int length = t.expanded() ? 1 : Math.max(1, t.text().length());
        int end = Math.min(t.offset() + length, t.context().file().text().length());
        return new Span(t.context().file(), t.offset(), Math.max(t.offset(), end));
    }

    void error(CppCode code, PpToken at, String message, String... notes) {
        report(code, at, message, notes);
    }

    /** Reports with the code's own severity (error or warning). */
    void report(CppCode code, PpToken at, String message, String... notes) {
        diagnostics.report(new Diagnostic(code.severity(), code, at == null ? null : of(at), message, List.of(notes)));
    }
}
