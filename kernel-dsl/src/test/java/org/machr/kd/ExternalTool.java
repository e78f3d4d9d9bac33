package org.machr.kd;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a reference tool on PATH. Missing: the test is skipped, unless {@code -Dmachr.requireTools=true}
 * (CI), in which case it fails naming the tool.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            if (Boolean.getBoolean("machr.requireTools")) throw new AssertionError("required tool not on PATH: " + name);
            Assumptions.abort(name + " is not on PATH");
        }
        return found.get();
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
