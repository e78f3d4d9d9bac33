package org.machr.link;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.machr.testkit.Tools;

/**
 * Runs reference tools (llvm-mc, GNU as, readelf, objdump, ld.lld, QEMU) found on PATH. A missing tool
 * skips the test, unless the system property {@code machr.requireTools} is {@code true} (CI), where it fails.
 */
public final class ExternalTool {

    /** What a finished process left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The exit code must be 0; else fails with the command's stderr. */
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

    /** Runs {@code command} (its first word looked up with {@link #require}) with stdin from /dev/null. */
    public static Result run(long timeoutSeconds, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, require(command[0]).toString());
        try {
            Path out = Files.createTempFile("machr-tool", ".out");
            Path err = Files.createTempFile("machr-tool", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
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

    public static Result run(String... command) {
        return run(60, command);
    }

    /** Assembles {@code source} with llvm-mc for {@code arch} into an object file in {@code dir}. */
    public static Path llvmMc(Path dir, Arch arch, String name, String source) throws IOException {
        Path s = dir.resolve(name + ".s");
        Path o = dir.resolve(name + ".o");
        Files.writeString(s, source);
        run("llvm-mc", "-filetype=obj", "-triple=" + arch.cliName(), s.toString(), "-o", o.toString()).ok();
        return o;
    }

    /** Assembles {@code source} with GNU as for {@code arch} into an object file in {@code dir}. */
    public static Path gnuAs(Path dir, Arch arch, String name, String source) throws IOException {
        Path s = dir.resolve(name + ".s");
        Path o = dir.resolve(name + ".o");
        Files.writeString(s, source);
        run(prefix(arch) + "as", s.toString(), "-o", o.toString()).ok();
        return o;
    }

    /** The binutils prefix, e.g. {@code aarch64-linux-gnu-}. */
    public static String prefix(Arch arch) {
        return arch.cliName() + "-linux-gnu-";
    }
}
