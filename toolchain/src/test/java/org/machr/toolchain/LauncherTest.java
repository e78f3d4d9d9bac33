package org.machr.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX sh launcher's JDK discovery, against fake JDK folders. */
class LauncherTest {

    @TempDir
    Path tmp;

    private static Path launcher() {
        Path root = Path.of(System.getProperty("machr.root", "..")).toAbsolutePath().normalize();
        Path machr = root.resolve("machr");
        assertThat(machr).exists();
        return machr;
    }

    /** A folder that looks like a JDK of the given version: release file, java and javac. */
    private Path fakeJdk(String dirName, String version, boolean withReleaseFile) throws IOException {
        Path home = tmp.resolve("jvm").resolve(dirName);
        Files.createDirectories(home.resolve("bin"));
        if (withReleaseFile) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        executable(home.resolve("bin/java"), "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2026-01-01' >&2\n");
        executable(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int status, String out, String err) {}

    private Run printJdk(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", launcher().toString(), "--print-jdk");
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void picksTheNewestJdkAtLeast21() throws Exception {
        fakeJdk("java-17-openjdk", "17.0.15", true);
        fakeJdk("temurin-21", "21.0.4", true);
        Path newest = fakeJdk("temurin-25", "25.0.3", true);
        Run r = printJdk(Map.of("MACHR_JVM_DIRS", tmp.resolve("jvm").toString()));
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(newest.toString());
    }

    @Test
    void anOldJavaHomeIsPassedOver() throws Exception {
        Path old = fakeJdk("java-17", "17.0.15", true);
        Path good = fakeJdk("jdk-21", "21", true);
        Run r = printJdk(Map.of("JAVA_HOME", old.toString(), "MACHR_JVM_DIRS", tmp.resolve("jvm").toString()));
        assertThat(r.out()).isEqualTo(good.toString());
    }

    @Test
    void aNewEnoughJavaHomeWins() throws Exception {
        fakeJdk("jdk-25", "25.0.1", true);
        Path home = fakeJdk("jdk-21", "21.0.2", true);
        Run r = printJdk(Map.of("JAVA_HOME", home.toString(), "MACHR_JVM_DIRS", tmp.resolve("jvm").toString()));
        assertThat(r.out()).isEqualTo(home.toString());
    }

    @Test
    void withoutAReleaseFileTheVersionComesFromJavaVersion() throws Exception {
        fakeJdk("java-8", "1.8.0_392", false);
        Path jdk = fakeJdk("jdk-22", "22.0.1", false);
        Run r = printJdk(Map.of("MACHR_JVM_DIRS", tmp.resolve("jvm").toString()));
        assertThat(r.out()).isEqualTo(jdk.toString());
    }

    @Test
    void noSuitableJdkSaysWhatToInstall() throws Exception {
        fakeJdk("java-17", "17.0.15", true);
        Files.createDirectories(tmp.resolve("jvm/not-a-jdk"));
        Run r = printJdk(Map.of("MACHR_JVM_DIRS", tmp.resolve("jvm").toString()));
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no JDK 21 or newer found", "apt-get install openjdk-21-jdk-headless");
    }
}
