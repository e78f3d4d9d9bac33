package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The programs of {@code tests/arch/<target>/} use that architecture's machine intrinsics, so they run
 * on that target only (under QEMU), checked against their {@code // expect} comments like the
 * conformance suite.
 */
class ArchIntrinsicsTest {

    @TestFactory
    Stream<DynamicTest> aarch64() throws IOException {
        return programs(new A64Target(ConformanceTest.root()));
    }

    @TestFactory
    Stream<DynamicTest> x86_64() throws IOException {
        return programs(new X64Target());
    }

    private static Stream<DynamicTest> programs(Target target) throws IOException {
        Path dir = ConformanceTest.root().resolve("tests/arch").resolve(target.name());
        List<Path> roots = List.of(dir, ConformanceTest.root().resolve("runtime"));
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> p.toString().endsWith(".kd")).sorted().toList();
        }
        assertThat(programs).as("programs in %s", dir).isNotEmpty();
        return programs.stream().map(program -> DynamicTest.dynamicTest(program.getFileName().toString(), () -> {
            assumeTrue(target.unavailable().isEmpty(), () -> target.name() + ": " + target.unavailable().get());
            Expectations expected = Expectations.parse(program.getFileName().toString(), Files.readString(program));
            Target.Outcome outcome = target.run(roots, program);
            assertThat(outcome.compileErrors()).as("compile errors").isNull();
            assertThat(outcome.console()).as("console of %s", program.getFileName()).isEqualTo(expected.console());
            assertThat(outcome.status()).as("exit status").isEqualTo(expected.status());
        }));
    }
}
