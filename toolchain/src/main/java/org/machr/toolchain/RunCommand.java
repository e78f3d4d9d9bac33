package org.machr.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.machr.kd.Target;
import org.machr.codegen.jvm.HostedProgram;
import org.machr.toolchain.build.TargetOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code machr run}: the main job. With no program it runs {@code samples/hello.kd}; the kernel and
 * the native backends do not exist yet, so every run is on the hosted JVM target today.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Build a .kd program and run it; its console output is printed and its exit status is ours.",
            "Without PROGRAM: the main job. Mach_R's kernel cannot be built yet, so today this runs",
            "samples/hello.kd on the hosted JVM target (the only target available so far)."
        })
public final class RunCommand implements Callable<Integer> {

    private final Console console;

    public RunCommand(Console console) {
        this.console = console;
    }

    @Option(names = "--target", paramLabel = "TARGET", converter = TargetOption.class,
            description = "jvm (default; aarch64 and x86_64: not yet).")
    Target target;

    @Option(names = "--root", paramLabel = "DIR", description = "Extra source root (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "PROGRAM.kd", description = "Default: samples/hello.kd.")
    Path program;

    @Override
    public Integer call() {
        Path main = program;
        if (main == null) {
            main = ProjectRoot.find().resolve("samples/hello.kd");
            console.err().println("machr run: no kernel yet; running " + ProjectRoot.find().relativize(main)
                    + " on the hosted JVM target (the native backends are not available yet)");
        }
        Target t = target == null ? Target.JVM : target;
        Optional<HostedProgram> hosted = BuildCommand.build(console, t, main, roots, Set.of());
        if (hosted.isEmpty()) return 1;
        int status = hosted.get().run(console.out());
        console.out().flush();
        return status;
    }
}
