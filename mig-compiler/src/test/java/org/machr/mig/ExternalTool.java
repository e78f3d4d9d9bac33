package org.machr.mig;

import java.nio.file.Path;
import java.util.Optional;
import org.machr.testkit.Tools;

/**
 * Finds external tools on PATH. A missing tool skips the test, unless {@code -Dmachr.requireTools=true}
 * (CI), in which case the test fails naming the tool.
 */
public final class ExternalTool {

    private ExternalTool() {}

    public static Optional<Path> find(String name) {
        return Tools.find(name);
    }

    /** The tool's path; skips or fails the calling test when it is missing. */
    public static Path require(String name) {
        return Tools.require(name);
    }
}
