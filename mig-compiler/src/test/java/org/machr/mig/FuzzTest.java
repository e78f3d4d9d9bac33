package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.machr.diag.Diagnostics;
import org.machr.mig.emit.Outputs;
import org.machr.mig.layout.Abi;

/**
 * Mutated corpus files (characters deleted, duplicated, replaced by language punctuation, lines
 * dropped) never make the compiler throw, and never produce output together with an error: either
 * diagnostics and no files, or files and no errors.
 */
class FuzzTest {

    private static final List<String> CORPUS = corpus();

    private static List<String> corpus() {
        try {
            return List.of(
                    read("std_types.defs") + read("mach_port.defs"),
                    read("std_types.defs") + read("memory_object.defs"),
                    read("std_types.defs") + read("mach_types.defs") + read("mach_host.defs"));
        } catch (RuntimeException e) {
            return List.of("subsystem s 1;\ntype int32 = MACH_MSG_TYPE_INTEGER_32;\ntype port = MACH_MSG_TYPE_COPY_SEND;\n"
                    + "routine r(p : port; in a : array[*:8] of int32; out b : int32, CountInOut);\n");
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(Reference.INCLUDE.resolve("mach").resolve(name)).replaceAll("(?m)^#.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(CORPUS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<String> insert = Arbitraries.of(";", "(", ")", "[", "]", ":", ",", "|", "^", "*", "{", "}", "=",
                "routine", "array", "out", "0", "99999999999", "/", "\n", "type", "skip", "struct", "c_string", "");
        return net.jqwik.api.Combinators.combine(base, position, Arbitraries.integers().between(0, 20), insert)
                .as((text, at, deleted, what) -> {
                    int i = at % Math.max(1, text.length());
                    int end = Math.min(text.length(), i + deleted);
                    return text.substring(0, i) + what + text.substring(end);
                });
    }

    @Property(tries = 150)
    void mutationsNeverThrowAndNeverEmitBrokenOutput(@ForAll("mutated") String text) {
        Diagnostics diagnostics = new Diagnostics();
        var iface = MigFrontEnd.analyse(text, "fuzz.defs", Map.of(), diagnostics);
        if (iface.isPresent()) {
            assertThat(diagnostics.hasErrors()).isFalse();
            Outputs outputs = new Outputs(java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.of("s.h"), java.util.Optional.empty(),
                    java.util.Optional.of("l"), false, "", "", false);
            assertThat(outputs.render(iface.get(), Abi.GNU_MACH_X86_64)).isNotEmpty();
        } else {
            assertThat(diagnostics.hasErrors()).as("rejected without an error").isTrue();
            assertThat(diagnostics.renderAll()).contains("error[MIG");
        }
    }

    @Property(tries = 40)
    void cliOnMutatedFilesExitsWithStatusAndDiagnosticsOnly(@ForAll("mutated") String text) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        Files.writeString(dir.resolve("f.defs"), text);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MigCli.run(new String[] {"f.defs"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr).isIn(0, 1);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("MIG0020");
        boolean wrote;
        try (var files = Files.list(dir)) {
            wrote = files.anyMatch(p -> p.toString().endsWith(".c"));
        }
        assertThat(wrote).as("files written iff success: %s", stderr).isEqualTo(status == 0);
        Tuple.of(status, wrote);
    }
}
