package org.machr.tests.conformance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an external tool on PATH. When it is missing, a target is unavailable (its tests are skipped) —
 * unless {@code -Dmachr.requireTools=true} (CI), which makes a missing tool a failure.
 */
final class ToolLookup {

    private ToolLookup() {}

    static Optional<String> missing(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return Optional.empty();
            }
        }
        if (Boolean.getBoolean("machr.requireTools")) throw new AssertionError("required tool not found on PATH: " + tool);
        return Optional.of(tool + " not found on PATH");
    }
}
