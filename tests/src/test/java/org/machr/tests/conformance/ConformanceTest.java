package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every program of {@code tests/conformance/} on every target and compares the console output
 * and exit status exactly with the program's {@code // expect} comments (see {@link Expectations}).
 */
class ConformanceTest {

    /** Every target; each one skips itself where it cannot run. */
    static List<Target> targets() {
        return List.of(new JvmTarget(), new A64Target(root()), new X64Target());
    }

    static Path root() {
        String root = System.getProperty("machr.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isDirectory(base.resolve("tests/conformance"))) base = Path.of(".");
        return base.toAbsolutePath().normalize();
    }

    static List<Path> programs() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("tests/conformance"))) {
            return files.filter(p -> p.toString().endsWith(".kd")).sorted().toList();
        }
    }

    @Test
    void suiteIsLargeEnough() throws IOException {
        assertThat(programs()).hasSizeGreaterThanOrEqualTo(80);
    }

    @TestFactory
    Stream<DynamicContainer> conformance() throws IOException {
        List<Path> programs = programs();
        List<Path> roots = List.of(root().resolve("tests/conformance"), root().resolve("runtime"));
        List<DynamicContainer> perTarget = new ArrayList<>();
        for (Target target : targets()) {
            target.prepare(roots, programs);
            perTarget.add(DynamicContainer.dynamicContainer(target.name(), programs.stream().map(program ->
                    DynamicTest.dynamicTest(program.getFileName().toString(), program.toUri(), () -> {
                        assumeTrue(target.unavailable().isEmpty(), () -> target.name() + ": " + target.unavailable().get());
                        String name = program.getFileName().toString();
                        Expectations expected = Expectations.parse(name, Files.readString(program));
                        Target.Outcome outcome = target.run(roots, program);
                        assertThat(outcome.compileErrors()).as("compile errors").isNull();
                        assertThat(outcome.console()).as("console of %s on %s", name, target.name())
                                .isEqualTo(expected.console());
                        assertThat(outcome.status()).as("exit status").isEqualTo(expected.status());
                    }))));
        }
        return perTarget.stream();
    }
}
