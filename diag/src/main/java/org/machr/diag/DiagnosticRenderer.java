package org.machr.diag;

/**
 * Renders a diagnostic as
 * <pre>
 * kernel-src/ipc/port.kd:12:24: error[KD0042]: expected ';', found 'fn'
 *    12 |     p.send_rights += 1 fn
 *       |                        ^~
 *    = note: ...
 * </pre>
 * Tabs in the source line are kept in the caret line so the caret stays under the fault.
 */
public final class DiagnosticRenderer {

    private DiagnosticRenderer() {}

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        Span span = d.span();
        if (span != null) {
            int line = span.line();
            String text = span.file().line(line);
            String number = String.valueOf(line);
            String gutter = " ".repeat(number.length() + 1);
            out.append(' ').append(number).append(" | ").append(text).append('\n');
            out.append(gutter).append(" | ").append(caret(text, span.column(), caretLength(span, text))).append('\n');
        }
        for (String note : d.notes()) {
            out.append("   = note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static int caretLength(Span span, String lineText) {
        int onLine = lineText.length() - (span.column() - 1);
        return Math.max(1, Math.min(span.end() - span.start(), Math.max(onLine, 1)));
    }

    private static String caret(String lineText, int column, int length) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            pad.append(i < lineText.length() && lineText.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad + "^" + "~".repeat(length - 1);
    }
}
