package org.machr.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

    enum Code implements DiagnosticCode {
        EXPECTED_SEMI;

        @Override
        public String id() {
            return "KD0042";
        }
    }

    private final SourceFile file = new SourceFile("kernel-src/ipc/port.kd",
            "module ipc.port\n\nfn f() {\n    p.send_rights += 1 fn\n}\n");

    @Test
    void rendersLocationLineAndCaretUnderTheToken() {
        Span span = Span.at(file, 4, 24, 2);
        String text = Diagnostic.error(Code.EXPECTED_SEMI, span, "expected ';', found 'fn'").render();
        assertThat(text).isEqualTo("""
                kernel-src/ipc/port.kd:4:24: error[KD0042]: expected ';', found 'fn'
                 4 |     p.send_rights += 1 fn
                   |                        ^~
                """);
    }

    @Test
    void notesFollowTheCaret() {
        Span span = Span.at(file, 1, 1, 6);
        String text = Diagnostic.error(Code.EXPECTED_SEMI, span, "m", "first", "second").render();
        assertThat(text).endsWith("^~~~~~\n   = note: first\n   = note: second\n");
    }

    @Test
    void tabsAreKeptSoTheCaretLinesUp() {
        SourceFile tabbed = new SourceFile("t.defs", "\tfoo bar;\n");
        String text = Diagnostic.error(Code.EXPECTED_SEMI, Span.at(tabbed, 1, 6, 3), "m").render();
        assertThat(text).contains(" 1 | \tfoo bar;\n   | \t    ^~~\n");
    }

    @Test
    void offsetsMapToLinesAndColumns() {
        assertThat(file.lineOf(0)).isEqualTo(1);
        assertThat(file.lineOf(16)).isEqualTo(2);
        assertThat(file.lineOf(17)).isEqualTo(3);
        assertThat(file.columnOf(file.offsetOf(4, 5))).isEqualTo(5);
        assertThat(file.line(4)).isEqualTo("    p.send_rights += 1 fn");
        assertThat(file.lineCount()).isEqualTo(6);
    }

    @Test
    void diagnosticsAreSortedByPositionAndCounted() {
        Diagnostics all = new Diagnostics();
        all.error(Code.EXPECTED_SEMI, Span.at(file, 4, 1, 1), "second");
        all.error(Code.EXPECTED_SEMI, Span.at(file, 1, 1, 1), "first");
        assertThat(all.sorted()).extracting(Diagnostic::message).containsExactly("first", "second");
        assertThat(all.renderAll()).endsWith("2 errors\n");
        assertThat(all.hasErrors()).isTrue();
    }

    @Test
    void aSpanlessDiagnosticHasNoLocation() {
        assertThat(Diagnostic.error(Code.EXPECTED_SEMI, null, "no such file: x.defs").render())
                .isEqualTo("error[KD0042]: no such file: x.defs\n");
    }
}
