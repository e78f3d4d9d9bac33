package org.machr.tests.conformance;

import java.util.Optional;
import org.machr.testkit.Tools;

/**
 * Finds an external tool on PATH. When it is missing, a target is unavailable (its tests are skipped) —
 * unless {@code -Dmachr.requireTools=true} (CI), which makes a missing tool a failure.
 */
final class ToolLookup {

    private ToolLookup() {}

    static Optional<String> missing(String tool) {
        if (Tools.find(tool).isPresent()) return Optional.empty();
        if (Tools.required()) throw new AssertionError("required tool not found on PATH: " + tool);
        return Optional.of(tool + " not found on PATH");
    }
}
