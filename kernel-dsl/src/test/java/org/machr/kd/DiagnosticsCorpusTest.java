package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;

/**
 * Every {@code src/test/resources/diagnostics/*.kd} program states the diagnostics it must produce as
 * comments at the offending line ({@code // error[KD0042]: expected ';', found 'fn'}); the compiler
 * must report exactly those, no more. A {@code // target: aarch64} line selects the target.
 * Helper modules used by the programs live in subfolders.
 */
class DiagnosticsCorpusTest {

    static final Path DIR = Path.of("src/test/resources/diagnostics");
    private static final Pattern EXPECT = Pattern.compile("//\\s*(error|warning)\\[(KD\\d{4})\\]: (.*)$");
    private static final Pattern TARGET = Pattern.compile("//\\s*target:\\s*(\\S+)");

    static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".kd")).sorted().toList();
        }
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertThat(programs()).hasSizeGreaterThanOrEqualTo(60);
    }

    @TestFactory
    Stream<DynamicTest> eachProgramReportsExactlyItsExpectedDiagnostics() throws IOException {
        return programs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path program) throws IOException {
        List<String> lines = Files.readAllLines(program);
        List<String> expected = new ArrayList<>();
        Target target = Target.JVM;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find()) expected.add((i + 1) + ": " + m.group(1) + "[" + m.group(2) + "]: " + m.group(3).strip());
            Matcher t = TARGET.matcher(lines.get(i));
            if (t.find()) target = Target.byName(t.group(1)).orElseThrow();
        }
        assertThat(expected).as("a bad program must expect at least one diagnostic").isNotEmpty();
        Diagnostics d = new Diagnostics();
        KdFrontEnd.analyse(List.of(DIR), program, target, d);
        List<String> actual = new ArrayList<>();
        for (Diagnostic diag : d.sorted()) {
            String where = diag.span() == null ? "?" : String.valueOf(diag.span().line());
            String file = diag.span() == null ? "" : Path.of(diag.span().file().path()).getFileName().toString();
            String prefix = file.equals(program.getFileName().toString()) ? "" : file + ":";
            actual.add(prefix + where + ": " + diag.severity().label() + "[" + diag.code().id() + "]: " + diag.message());
        }
        assertThat(actual).as(d.renderAll()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
