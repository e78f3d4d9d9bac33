package org.machr.codegen.aarch64;

import java.nio.file.Path;
import java.util.List;
import org.machr.testkit.Tools;

/** Public access to {@link ExternalTool} for tests in sub-packages. */
public final class ExternalToolAccess {

    private ExternalToolAccess() {}

    public static Path require(String name) {
        return Tools.require(name);
    }

    /** Runs a command; returns its stderr (empty when it succeeded quietly). */
    public static String run(List<String> command) {
        ExternalTool.Result r = ExternalTool.run(command, "");
        return r.exitCode() == 0 ? r.stderr() : "exit " + r.exitCode() + ": " + r.stderr();
    }
}
