package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.machr.diag.Diagnostics;
import org.machr.mig.emit.ListWriter;
import org.machr.mig.model.Interface;

/** Same preprocessed input to both compilers: same accept/reject decision and identical {@code -list}. */
@Execution(ExecutionMode.CONCURRENT)
class ListCorpusTest {

    static Stream<Reference.Case> cases() {
        return Reference.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void listEqualsReference(Reference.Case c) {
        String pp = Reference.preprocess(c);
        Reference.Result ref = Reference.migcom(c, "list", List.of("-n", "-list", "list.txt"));
        Diagnostics diagnostics = new Diagnostics();
        Optional<Interface> ours = MigFrontEnd.analyse(pp, c.file().toString(), Map.of(), diagnostics);
        if (ref.exitCode() != 0) {
            assertThat(ours).as("reference rejects: %s", ref.stderr()).isEmpty();
            assertThat(diagnostics.renderAll()).contains("error[MIG");
            return;
        }
        assertThat(diagnostics.hasErrors()).as(diagnostics.renderAll()).isFalse();
        assertThat(ours).isPresent();
        assertThat(ListWriter.write(ours.get())).isEqualTo(ref.file("list.txt"));
    }

    /** End to end through {@code machr mig} and its own preprocessor: the same decision and list. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cliWithBuiltInPreprocessorListsLikeReference(Reference.Case c) throws java.io.IOException {
        Reference.Result ref = Reference.migcom(c, "list", List.of("-n", "-list", "list.txt"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(Reference.work(), "cli");
        List<String> args = new java.util.ArrayList<>(List.of("-n", "-list", "ours.txt", "-D__x86_64__",
                "-I" + Reference.INCLUDE));
        if (!c.variant().isEmpty()) args.add(c.variant());
        args.add(c.file().toString());
        var err = new java.io.ByteArrayOutputStream();
        int status = MigCli.run(args.toArray(String[]::new), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), dir);
        assertThat(status == 0).as("%s: %s", c, err).isEqualTo(ref.exitCode() == 0);
        if (status == 0) {
            assertThat(java.nio.file.Files.readString(dir.resolve("ours.txt"))).isEqualTo(ref.file("list.txt"));
        } else {
            assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("error[MIG0003]");
        }
    }
}
