package org.machr.tests.mig;

import java.nio.file.Path;
import org.machr.testkit.Tools;

/**
 * Finds a reference tool: a test that needs a missing one is skipped, unless the system property
 * {@code machr.requireTools} is {@code true} (CI), where it fails naming the tool.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Path require(String name) {
        return Tools.require(name);
    }

    static Path requireDirectory(String dir, String hint) {
        return Tools.requireDirectory(dir, hint);
    }
}
