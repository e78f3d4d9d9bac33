package org.machr.kd;

import java.nio.file.Path;
import java.util.Optional;
import org.machr.testkit.Tools;

/**
 * Finds a reference tool on PATH. Missing: the test is skipped, unless {@code -Dmachr.requireTools=true}
 * (CI), in which case it fails naming the tool.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        return Tools.require(name);
    }

    static Optional<Path> find(String name) {
        return Tools.find(name);
    }
}
