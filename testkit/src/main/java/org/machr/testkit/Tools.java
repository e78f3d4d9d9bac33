package org.machr.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The external reference tools (QEMU, llvm-mc, binutils, ld.lld, GNU MIG, gcc) as tests see them: a
 * missing tool skips the test, unless the system property {@code machr.requireTools} is {@code true}
 * (CI, and {@code machr test} when it could install the tools), where the test fails naming the tool.
 */
public final class Tools {

    private Tools() {}

    /** Whether a missing tool fails the test instead of skipping it. */
    public static boolean required() {
        return Boolean.getBoolean("machr.requireTools");
    }

    /** {@code name} on PATH, or the executable at {@code name} when it is an absolute path. */
    public static Optional<Path> find(String name) {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The tool's path; skips the calling test (or fails it under machr.requireTools) when it is missing. */
    public static Path require(String name) {
        return find(name).orElseGet(() -> missing("external tool not found on PATH: " + name));
    }

    /** An installed folder (e.g. GNU Mach's .defs); skips or fails like {@link #require}. */
    public static Path requireDirectory(String dir, String hint) {
        Path p = Path.of(dir);
        return Files.isDirectory(p) ? p : missing("not found: " + dir + " (" + hint + ")");
    }

    private static Path missing(String message) {
        if (required()) throw new AssertionError("required " + message);
        assumeTrue(false, message + "; skipping");
        throw new IllegalStateException("unreachable");
    }
}
