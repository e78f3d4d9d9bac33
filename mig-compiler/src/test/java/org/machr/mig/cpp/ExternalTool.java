package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a reference tool for a differential test: skips the test when it is missing, unless the
 * system property {@code machr.requireTools} is {@code true} (CI), where a missing tool fails.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        Path found = name.startsWith("/") ? (Files.isExecutable(Path.of(name)) ? Path.of(name) : null) : onPath(name);
        if (found == null) {
            if (Boolean.getBoolean("machr.requireTools")) fail("required tool not found: " + name);
            Assumptions.abort(name + " not installed");
        }
        return found;
    }

    static Path requireDirectory(String dir) {
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            if (Boolean.getBoolean("machr.requireTools")) fail("required folder not found: " + dir + " (install gnumach-dev)");
            Assumptions.abort(dir + " missing");
        }
        return p;
    }

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
