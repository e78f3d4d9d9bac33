package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;

/**
 * {@code x64/errors/rejected.s} holds one bad input a line; the rendered diagnostics (file:line:col,
 * code, message, source line and caret) must equal {@code rejected.expected} exactly (-Dbless=true
 * rewrites it), every bad line must be reported, and nothing may throw.
 */
class RejectedInputTest {

    private static final Path DIR = Path.of("src/test/resources/x64/errors");

    @Test
    void everyBadLineGetsItsDiagnostic() throws IOException {
        Path source = DIR.resolve("rejected.s");
        String text = Files.readString(source);
        Diagnostics diagnostics = new Diagnostics();
        X64Assembler.Result result = new X64Assembler(diagnostics).assemble(new SourceFile("rejected.s", text));
        assertThat(result.object()).isEmpty();
        Golden.check(DIR.resolve("rejected.expected"), diagnostics.renderAll());

        Set<Integer> reported = new HashSet<>();
        for (Diagnostic d : diagnostics.all()) {
            if (d.span() != null) reported.add(d.span().line());
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            boolean statement = !l.isEmpty() && !l.startsWith("#") && !l.equals(".text") && !l.equals(".code32")
                    && !l.equals(".code64") && !l.equals(".bss") && !l.equals("target:") && !l.equals("dup:");
            if (statement) assertThat(reported).as("line %d (%s) is not reported", i + 1, l).contains(i + 1);
        }
    }

    @Test
    void codesAreDistinctAndDocumented() throws IOException {
        X64AsmCode[] codes = X64AsmCode.values();
        assertThat(Arrays.stream(codes).map(X64AsmCode::id).distinct().count()).isEqualTo(codes.length);
        String doc = Files.readString(Path.of(System.getProperty("machr.root", "..")).resolve("docs/x86_64-assembler.md"));
        for (X64AsmCode c : codes) assertThat(doc).as("docs/x86_64-assembler.md documents %s", c.id()).contains(c.id());
    }
}
