package org.machr.tests.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A place the conformance programs run: today the hosted JVM machine; the aarch64 and x86_64
 * targets (QEMU) plug in here with the same interface.
 */
public interface Target {

    /** The target's name, as in {@code arch/<name>/} folders. */
    String name();

    /** Why the target cannot run here (a missing tool), or empty when it can. */
    Optional<String> unavailable();

    /**
     * Compiles and runs one program.
     *
     * @param sourceRoots the conformance folder and the runtime
     * @param mainFile the program's main file, under the first root
     */
    Outcome run(List<Path> sourceRoots, Path mainFile);

    /** What a run printed on its console and its exit status; {@code compileErrors} when it did not build. */
    record Outcome(String console, int status, String compileErrors) {
        public static Outcome compileFailure(String errors) {
            return new Outcome("", -1, errors);
        }
    }
}
