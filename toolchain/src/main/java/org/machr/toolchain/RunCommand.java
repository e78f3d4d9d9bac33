package org.machr.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.machr.codegen.x86_64.X64Build;
import org.machr.kd.Target;
import org.machr.toolchain.build.Built;
import org.machr.toolchain.build.Qemu;
import org.machr.toolchain.build.TargetOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code machr run}: the main job. The kernel does not exist yet, so with no program it builds
 * {@code samples/hello.kd} and boots it on AArch64 under QEMU, or runs it on the hosted JVM target
 * when QEMU is not installed.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Build a .kd program (or take --image) and run it: its console output is",
            "printed and its exit status is ours. aarch64 and x86_64 boot the image",
            "under QEMU with a timeout; jvm runs it in-process. Default target: aarch64",
            "when QEMU is installed, else jvm (with a one-line note).",
            "Without PROGRAM: the main job. Mach_R's kernel cannot be built yet, so",
            "today this runs samples/hello.kd.",
            ""
        })
public final class RunCommand implements Callable<Integer> {

    private final Console console;

    public RunCommand(Console console) {
        this.console = console;
    }

    @Option(names = "--target", paramLabel = "TARGET", converter = TargetOption.class,
            description = "aarch64, x86_64 or jvm.")
    Target target;

    @Option(names = "--root", paramLabel = "DIR", description = "Extra source root (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop QEMU after this long (default ${DEFAULT-VALUE}); the run then fails with status 124.")
    long timeoutSeconds;

    @Option(names = "--icount",
            description = "Native targets: run QEMU with -icount shift=0 (guest time counts executed instructions: exact, repeatable counts).")
    boolean icount;

    @Option(names = "--with", paramLabel = "FILE",
            description = "Native targets: link this .s or ELF .o file into the image (repeatable).")
    List<Path> with = new ArrayList<>();

    @Option(names = "--image", paramLabel = "FILE",
            description = "Boot this image (from `machr build`) instead of building a program; needs --target aarch64 or x86_64.")
    Path image;

    @Parameters(arity = "0..1", paramLabel = "PROGRAM.kd", description = "Default: samples/hello.kd.")
    Path program;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (image != null) return bootImage();
        Path main = program;
        if (main == null) {
            main = ProjectRoot.find().resolve("samples/hello.kd");
            console.err().println("machr run: no kernel yet; running " + ProjectRoot.find().relativize(main));
        }
        Target t = target != null ? target : defaultTarget();
        Optional<Built> built = BuildCommand.build(console,
                new BuildCommand.Request(t, main, roots, Set.of(), null, null, with));
        if (built.isEmpty()) return 1;
        return switch (built.get()) {
            case Built.Hosted(var hosted) -> {
                int status = hosted.run(console.out());
                console.out().flush();
                yield status;
            }
            case Built.Image(byte[] elf) -> boot(t, elf);
        };
    }

    private int bootImage() throws IOException, InterruptedException {
        if (program != null) {
            console.err().println("error: give either PROGRAM.kd or --image, not both");
            return 2;
        }
        if (target == null || target == Target.JVM) {
            console.err().println("error: --image needs --target aarch64 or x86_64");
            return 2;
        }
        if (!Files.isRegularFile(image)) {
            console.err().println("error: no file '" + image + "'");
            return 1;
        }
        return boot(target, Files.readAllBytes(image));
    }

    private Target defaultTarget() {
        if (Qemu.find(Target.AARCH64).isPresent()) return Target.AARCH64;
        console.err().println("machr run: " + Qemu.executable(Target.AARCH64)
                + " not found (apt-get install qemu-system-arm): running on the hosted JVM target instead");
        return Target.JVM;
    }

    private int boot(Target t, byte[] elf) throws IOException, InterruptedException {
        Optional<Path> qemu = Qemu.find(t);
        if (qemu.isEmpty()) {
            console.err().println("error: " + Qemu.executable(t) + " not found; install it (machr doctor) or use --target jvm");
            return 1;
        }
        Path image = Files.createTempFile("machr-", ".elf");
        try {
            Files.write(image, elf);
            Qemu.Outcome outcome = Qemu.boot(Qemu.command(qemu.get(), t, image, icount), console.out(), timeoutSeconds);
            if (outcome.timedOut()) {
                console.err().println("machr run: no exit after " + timeoutSeconds + " s; QEMU stopped (the guest hung?)");
                return 124;
            }
            if (t == Target.X86_64) {
                int status = X64Build.statusFromQemuExit(outcome.status());
                if (status < 0) {
                    console.err().println("machr run: the guest stopped without reporting a status (QEMU exit "
                            + outcome.status() + ": a triple fault or a reset)");
                    return 125;
                }
                return status;
            }
            return outcome.status();
        } finally {
            Files.deleteIfExists(image);
        }
    }
}
