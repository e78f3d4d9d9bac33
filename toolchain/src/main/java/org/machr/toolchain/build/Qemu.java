package org.machr.toolchain.build;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.machr.codegen.common.QemuCommand;
import org.machr.kd.Target;

/**
 * Boots an image under QEMU with the flags measured in design/boot.md: headless, console on stdio,
 * no reboot, and the test exit device of the target; always under a timeout.
 */
public final class Qemu {

    /** How a boot ended: QEMU's exit status, or a timeout. */
    public record Outcome(int status, boolean timedOut) {}

    private Qemu() {}

    public static String executable(Target target) {
        return machine(target).executable();
    }

    private static QemuCommand machine(Target target) {
        return switch (target) {
            case AARCH64 -> QemuCommand.AARCH64;
            case X86_64 -> QemuCommand.X86_64;
            case JVM -> throw new IllegalArgumentException("the jvm target runs in-process");
        };
    }

    /** The QEMU binary for {@code target} on PATH, if installed. */
    public static Optional<Path> find(Target target) {
        String name = executable(target);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The command line that boots {@code image} (boot.md); {@code icount} makes guest time count instructions. */
    public static List<String> command(Path qemu, Target target, Path image, boolean icount) {
        return machine(target).command(qemu.toString(), image, icount);
    }

    /** Boots and copies the console to {@code console} as it arrives; QEMU's stderr goes to ours. */
    public static Outcome boot(List<String> command, OutputStream console, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread pump = new Thread(() -> copy(p.getInputStream(), console), "qemu-console");
        pump.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        pump.join();
        return new Outcome(done ? p.exitValue() : -1, !done);
    }

    private static void copy(InputStream in, OutputStream out) {
        try (in) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // QEMU went away; its exit status says why.
        }
    }
}
