package org.machr.toolchain.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DoctorTest {

    /** A machine where exactly the named executables and files exist. */
    record FakeProbe(Set<String> executables, Set<String> files, int javaFeature) implements ToolProbe {
        @Override
        public Optional<Path> findExecutable(String name) {
            return executables.contains(name) ? Optional.of(Path.of("/usr/bin", name)) : Optional.empty();
        }

        @Override
        public Optional<String> versionLine(Path executable, List<String> args) {
            return Optional.of(executable.getFileName() + " version 1.2.3");
        }

        @Override
        public boolean fileExists(String path) {
            return files.contains(path);
        }

        @Override
        public Optional<String> packageVersion(String debianPackage) {
            return Optional.of("9.9");
        }

        @Override
        public Runtime.Version javaVersion() {
            return Runtime.Version.parse(javaFeature + ".0.1");
        }

        @Override
        public String javaHome() {
            return "/jdk";
        }
    }

    private static final ExternalTool MC = ExternalTool.program("llvm-mc", "llvm", "oracle", Set.of("test"));
    private static final ExternalTool QEMU = ExternalTool.program("qemu-system-aarch64", "qemu-system-arm", "boots", Set.of("test"));
    private static final ExternalTool DEFS = new ExternalTool("gnumach-dev .defs", ExternalTool.Kind.FILE,
            "/usr/include/mach.defs", List.of(), "gnumach-dev", "corpus", Set.of("test"));

    private static Map.Entry<Integer, String> report(FakeProbe probe, String forCommand) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = new Doctor(probe, List.of(MC, QEMU, DEFS))
                .report(Optional.ofNullable(forCommand), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Map.entry(rc, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everythingPresentIsListedWithVersionsAndPaths() {
        var r = report(new FakeProbe(Set.of("llvm-mc", "qemu-system-aarch64"), Set.of("/usr/include/mach.defs"), 25), "test");
        assertThat(r.getKey()).isZero();
        assertThat(r.getValue()).contains(
                "  ok       JDK (>= 21)                 25.0.1  [/jdk]",
                "  ok       llvm-mc                     llvm-mc version 1.2.3  [/usr/bin/llvm-mc]",
                "  ok       gnumach-dev .defs           gnumach-dev 9.9  [/usr/include/mach.defs]",
                "All tools found.",
                "Everything machr test needs is present.");
    }

    @Test
    void missingToolsAreNamedWithTheirInstallCommand() {
        var r = report(new FakeProbe(Set.of("qemu-system-aarch64"), Set.of(), 21), null);
        assertThat(r.getKey()).as("no command named: listing only").isZero();
        assertThat(r.getValue()).contains(
                "  missing  llvm-mc                     not found on PATH",
                "oracle; install: apt-get install llvm",
                "  missing  gnumach-dev .defs           /usr/include/mach.defs not found",
                "To install everything missing (as root on Debian): apt-get install -y llvm gnumach-dev");
    }

    @Test
    void failsOnlyForACommandThatNeedsTheMissingTool() {
        FakeProbe probe = new FakeProbe(Set.of("qemu-system-aarch64"), Set.of("/usr/include/mach.defs"), 21);
        var forTest = report(probe, "test");
        assertThat(forTest.getKey()).isEqualTo(1);
        assertThat(forTest.getValue()).contains("machr test cannot run: missing llvm-mc");
        var forMig = report(probe, "mig");
        assertThat(forMig.getKey()).isZero();
        assertThat(forMig.getValue()).contains("Everything machr mig needs is present.");
    }

    @Test
    void anOldJdkBlocksEveryCommand() {
        var r = report(new FakeProbe(Set.of("llvm-mc", "qemu-system-aarch64"), Set.of("/usr/include/mach.defs"), 17), "mig");
        assertThat(r.getKey()).isEqualTo(1);
        assertThat(r.getValue()).contains("  too old  JDK (>= 21)", "machr mig cannot run: missing JDK 21");
    }

    @Test
    void theToolListCoversWhatTheProjectUses() {
        assertThat(ExternalTool.all()).extracting(ExternalTool::name).contains(
                "qemu-system-aarch64", "qemu-system-x86_64", "llvm-mc", "ld.lld", "aarch64-linux-gnu-readelf",
                "aarch64-linux-gnu-objdump", "x86_64-linux-gnu-readelf", "x86_64-linux-gnu-objdump",
                "x86_64-gnu-mig", "gnumach-dev .defs");
        assertThat(ExternalTool.all()).extracting(ExternalTool::name).doesNotHaveDuplicates();
    }
}
