package org.machr.mig.cpp;

import java.nio.file.Path;
import org.machr.testkit.Tools;

/**
 * Finds a reference tool for a differential test: skips the test when it is missing, unless the
 * system property {@code machr.requireTools} is {@code true} (CI), where a missing tool fails.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        return Tools.require(name);
    }

    static Path requireDirectory(String dir) {
        return Tools.requireDirectory(dir, "install gnumach-dev");
    }
}
