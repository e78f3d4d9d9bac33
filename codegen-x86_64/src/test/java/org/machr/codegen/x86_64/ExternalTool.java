package org.machr.codegen.x86_64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.machr.testkit.Tools;

/**
 * Runs reference tools (llvm-mc, GNU as, objdump, readelf) found on PATH. A missing tool skips the test,
 * unless the system property {@code machr.requireTools} is {@code true} (CI), where it fails naming the tool.
 */
public final class ExternalTool {

    /** What a finished process left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result ok() {
            if (exitCode != 0) throw new AssertionError("tool failed with " + exitCode + ":\n" + stderr + stdout);
            return this;
        }
    }

    private ExternalTool() {}

    /** The tool's path; skips (or fails under machr.requireTools) when it is not on PATH. */
    public static Path require(String tool) {
        return Tools.require(tool);
    }

    /** Runs {@code command} (first word looked up with {@link #require}) with {@code stdin} as input. */
    public static Result run(String stdin, String... command) {
        return run(120, stdin, command);
    }

    /** Like {@link #run(String, String...)}, killing the process after {@code timeoutSeconds}. */
    public static Result run(long timeoutSeconds, String stdin, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, require(command[0]).toString());
        try {
            Path in = Files.createTempFile("machr-x64", ".in");
            Path out = Files.createTempFile("machr-x64", ".out");
            Path err = Files.createTempFile("machr-x64", ".err");
            try {
                Files.writeString(in, stdin == null ? "" : stdin);
                Process p = new ProcessBuilder(cmd).redirectInput(in.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " timed out");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
