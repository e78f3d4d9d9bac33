package org.machr.codegen.aarch64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.machr.testkit.Tools;

/**
 * Finds reference tools (llvm-mc, GNU as, readelf) on PATH. Missing tools skip the test, unless the
 * system property {@code machr.requireTools} is {@code true} (CI), where they fail it.
 */
final class ExternalTool {

    private ExternalTool() {}

    static Optional<Path> find(String name) {
        return Tools.find(name);
    }

    static Path require(String name) {
        return Tools.require(name);
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs a command with {@code stdin} as input and waits (at most two minutes). */
    static Result run(List<String> command, String stdin) {
        try {
            Path in = Files.createTempFile("machr-tool", ".in");
            Files.writeString(in, stdin);
            Path out = Files.createTempFile("machr-tool", ".out");
            Path err = Files.createTempFile("machr-tool", ".err");
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timeout running " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(in);
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
