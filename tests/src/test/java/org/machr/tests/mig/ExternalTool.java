package org.machr.tests.mig;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a reference tool: a test that needs a missing one is skipped, unless the system property
 * {@code machr.requireTools} is {@code true} (CI), where it fails naming the tool.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        Path found = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                found = p;
                break;
            }
        }
        if (found == null) missing(name);
        return found;
    }

    static Path requireDirectory(String dir, String hint) {
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) missing(dir + " (" + hint + ")");
        return p;
    }

    private static void missing(String what) {
        if (Boolean.getBoolean("machr.requireTools")) fail("required tool not found: " + what);
        Assumptions.abort(what + " not installed");
    }
}
