package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed {@code .defs} files with their expected diagnostics written inline, on the offending line:
 * {@code // error[MIG0007]: text} (the message must contain the text). Every diagnostic reported must be
 * expected and every expectation reported, with the exact {@code file:line:col: error[CODE]} form, the
 * source line and a caret. A {@code // reference: accepts} marker records a deliberate difference from
 * GNU MIG; without it GNU MIG must reject the file too.
 */
class DiagnosticExpectationsTest {

    private static final Pattern EXPECT = Pattern.compile("//\\s*(error|warning)\\[(MIG\\d{4})\\]:\\s*(.*?)\\s*(?=//|$)");
    private static final Pattern REPORTED = Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning)\\[(MIG\\d{4})\\]: (.*)$",
            Pattern.MULTILINE);

    static Path dir() {
        Path root = Path.of(System.getProperty("machr.root", "."));
        Path d = root.resolve("mig-compiler/src/test/resources/diagnostics");
        return Files.isDirectory(d) ? d : Path.of("src/test/resources/diagnostics").toAbsolutePath();
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".defs")).sorted().toList().stream();
        }
    }

    record Expected(int line, String severity, String code, String text) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsExactlyTheExpectedDiagnostics(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) expected.add(new Expected(i + 1, m.group(1), m.group(2), m.group(3)));
        }
        assertThat(expected).as("a case file needs at least one expectation").isNotEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = MigCli.run(new String[] {"-n", "-list", "/dev/null", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                file.getParent());
        String stderr = err.toString(StandardCharsets.UTF_8);
        boolean errors = expected.stream().anyMatch(e -> e.severity().equals("error"));
        assertThat(status).as(stderr).isEqualTo(errors ? 1 : 0);
        assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
        TreeSet<String> reported = new TreeSet<>(), wanted = new TreeSet<>();
        Matcher m = REPORTED.matcher(stderr);
        while (m.find()) {
            assertThat(m.group(1)).isEqualTo(file.toString());
            reported.add(m.group(2) + " " + m.group(4) + " " + m.group(5));
            int line = Integer.parseInt(m.group(2));
            expected.stream().filter(e -> e.line() == line && e.code().equals(m.group(5))).findFirst()
                    .ifPresent(e -> assertThat(m.group(6)).as("message at line %d", line).contains(e.text()));
            String sourceLine = lines.get(line - 1);
            assertThat(stderr).as("source line and caret").contains(" | " + sourceLine + "\n");
        }
        for (Expected e : expected) wanted.add(e.line() + " " + e.severity() + " " + e.code());
        assertThat(reported).as(stderr).isEqualTo(wanted);
        assertThat(stderr).contains("^");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void referenceAgreesUnlessMarked(Path file) throws IOException {
        ExternalTool.require(Reference.MIGCOM);
        String text = Files.readString(file);
        boolean accepts = text.contains("reference: accepts");
        Reference.Run pp = Reference.run(List.of(ExternalTool.require("gcc").toString(), "-E", "-x", "c", "-undef",
                "-ansi", file.toString()), null, file.getParent());
        Reference.Result ref = Reference.migcom("diag " + file, pp.stdout(), List.of("-n"));
        boolean errors = EXPECT.matcher(text).results().anyMatch(r -> r.group(1).equals("error"));
        if (!errors) return;
        assertThat(ref.exitCode() == 0).as("GNU MIG accepts %s: %s", file.getFileName(), ref.stderr()).isEqualTo(accepts);
    }
}
