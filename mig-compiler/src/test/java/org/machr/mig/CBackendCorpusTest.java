package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.machr.diag.Diagnostics;
import org.machr.mig.emit.Outputs;
import org.machr.mig.layout.Abi;
import org.machr.mig.model.Interface;

/**
 * The C back end against GNU MIG on the corpus, same preprocessed input to both: every file the
 * reference's output compiles for compiles from ours without a warning; user and server headers
 * declare the same prototypes ({@code gcc -aux-info}).
 */
@Execution(ExecutionMode.CONCURRENT)
class CBackendCorpusTest {

    /** Files whose reference output fails its own static assertions (GNU MIG's struct {…} bug). */
    static final Set<String> REFERENCE_WRONG = Set.of("mach/mach_host.defs user.c", "mach/mach_host.defs server.c",
            "mach_debug/mach_debug.defs server.c");

    /** Subsystem files, one case per distinct preprocessed text (most variants change nothing). */
    static Stream<Reference.Case> cases() {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return Stream.concat(Reference.cases().stream(), Stream.of(Reference.features())).parallel()
                .filter(c -> Reference.preprocess(c).contains("subsystem"))
                .filter(c -> seen.add(Reference.preprocess(c).replaceAll("(?m)^#.*$", "")))
                .sorted(java.util.Comparator.comparing(Reference.Case::id)).toList().stream();
    }

    record Generated(Path ours, Path reference) {}

    static Generated generate(Reference.Case c) throws IOException {
        String pp = Reference.preprocess(c);
        List<String> flags = List.of("-user", "user.c", "-server", "server.c", "-header", "user.h", "-sheader", "server.h");
        Reference.Result ref = Reference.migcom(c, "c", flags);
        assumeTrue(ref.exitCode() == 0, "reference rejects " + c);
        Diagnostics diagnostics = new Diagnostics();
        Optional<Interface> iface = MigFrontEnd.analyse(pp, c.file().toString(), Map.of(), diagnostics);
        assertThat(iface).as(diagnostics.renderAll()).isPresent();
        Path ours = Files.createTempDirectory(Reference.work(), "ours");
        Outputs outputs = new Outputs(Optional.of("user.c"), Optional.of("server.c"), Optional.of("user.h"),
                Optional.of("server.h"), Optional.empty(), Optional.empty(), true, "", "", false);
        for (var f : outputs.render(iface.get(), Abi.GNU_MACH_X86_64).entrySet()) {
            Files.writeString(ours.resolve(f.getKey()), f.getValue());
        }
        return new Generated(ours, ref.dir());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compilesAndDeclaresTheSamePrototypes(Reference.Case c) throws IOException {
        Generated g = generate(c);
        compilesWhereverTheReferenceDoes(c, g);
        headersDeclareTheSamePrototypes(c, g);
    }

    private static void compilesWhereverTheReferenceDoes(Reference.Case c, Generated g) {
        for (String file : List.of("user.c", "server.c")) {
            Reference.Run theirs = Gcc.compile(g.reference(), file);
            boolean referenceWrong = c.variant().isEmpty() && REFERENCE_WRONG.contains(c.id() + " " + file);
            if (theirs.exitCode() != 0 && !referenceWrong) continue;
            Reference.Run ours = Gcc.compile(g.ours(), file);
            if (theirs.stderr().isEmpty() || referenceWrong) {
                assertThat(ours.stderr()).as("%s %s", c, file).isEmpty();
            }
            assertThat(ours.exitCode()).as("%s %s: %s", c, file, ours.stderr()).isZero();
        }
    }

    private static void headersDeclareTheSamePrototypes(Reference.Case c, Generated g) {
        for (String header : List.of("user.h", "server.h")) {
            List<String> theirs = Gcc.prototypes(g.reference(), header);
            if (theirs == null) continue;
            assertThat(Gcc.prototypes(g.ours(), header)).as("%s %s", c, header).isEqualTo(theirs);
        }
    }
}
