package org.machr.mig;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds external tools on PATH. A missing tool skips the test, unless {@code -Dmachr.requireTools=true}
 * (CI), in which case the test fails naming the tool.
 */
public final class ExternalTool {

    private ExternalTool() {}

    public static Optional<Path> find(String name) {
        if (name.startsWith("/")) return Files.isExecutable(Path.of(name)) ? Optional.of(Path.of(name)) : Optional.empty();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The tool's path; skips or fails the calling test when it is missing. */
    public static Path require(String name) {
        Optional<Path> tool = find(name);
        if (tool.isEmpty()) {
            if (Boolean.getBoolean("machr.requireTools")) fail("required external tool not found: " + name);
            assumeTrue(false, "external tool not found: " + name);
        }
        return tool.get();
    }
}
