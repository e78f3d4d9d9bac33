package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.machr.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our preprocessor against GNU cpp run as GNU MIG runs it ({@code gcc -E -x c -undef -ansi}): the same
 * tokens, each placed by the line markers in the same file on the same line. Inputs are the feature
 * files under {@code src/test/resources/cpp/gcc/}.
 */
class GnuCppDifferentialTest {

    static Path casesDir() {
        try {
            return Path.of(GnuCppDifferentialTest.class.getResource("/cpp/gcc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(casesDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".defs")
                    && !n.equals("sibling.defs")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameTokensOnSameLinesAsGnuCpp(String name) throws Exception {
        Path gcc = ExternalTool.require("gcc");
        Path file = casesDir().resolve(name);
        Path inc = casesDir().resolve("inc");
        Process p = new ProcessBuilder(gcc.toString(), "-E", "-x", "c", "-undef", "-ansi", "-I" + inc, file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String reference = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();

        Diagnostics diagnostics = new Diagnostics();
        String ours = new Preprocessor(new PreprocessorOptions(List.of(inc), List.of()), diagnostics)
                .process(file).orElseThrow(() -> new AssertionError(diagnostics.renderAll())).text();

        assertThat(placed(ours)).isEqualTo(placed(reference));
    }

    /** "file:line: token" per token, without files that only GNU cpp shows (its built-ins). */
    static List<String> placed(String output) {
        List<String> lines = new ArrayList<>();
        for (LineMarkers.Placed t : LineMarkers.tokens(output, true)) {
            if (t.file().startsWith("<") || t.file().endsWith("stdc-predef.h")) continue;
            lines.add(Path.of(t.file()).getFileName() + ":" + t.line() + ": " + t.text());
        }
        return lines;
    }
}
