package org.machr.toolchain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.machr.codegen.jvm.HostedProgram;
import org.machr.codegen.jvm.JvmCodegenException;
import org.machr.diag.Diagnostics;
import org.machr.kd.Target;
import org.machr.kd.ir.IrProgram;
import org.machr.toolchain.build.HostedRun;
import org.machr.toolchain.build.KdPipeline;
import org.machr.toolchain.build.TargetOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code machr build}: compile a program for a target. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Compile a .kd program for a target. For jvm: front end, IR passes and JVM code generation",
            "(the classes are checked by loading them; run the program with `machr run --target jvm`).",
            "Native targets (aarch64, x86_64) are not available yet."
        })
public final class BuildCommand implements Callable<Integer> {

    private final Console console;

    public BuildCommand(Console console) {
        this.console = console;
    }

    @Option(names = "--target", required = true, paramLabel = "TARGET", converter = TargetOption.class,
            description = "jvm (aarch64 and x86_64: not yet).")
    Target target;

    @Option(names = "--root", paramLabel = "DIR", description = "Extra source root (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--dump", split = ",", paramLabel = "WHAT",
            description = "Print the IR after these phases: ${COMPLETION-CANDIDATES}.",
            completionCandidates = DumpNames.class)
    Set<String> dumps = new LinkedHashSet<>();

    @Parameters(paramLabel = "PROGRAM.kd", description = "The program's main file.")
    Path program;

    @Override
    public Integer call() {
        return build(console, target, program, roots, dumps).isPresent() ? 0 : 1;
    }

    static Optional<HostedProgram> build(Console console, Target target, Path program, List<Path> roots, Set<String> dumps) {
        if (!Files.isRegularFile(program)) {
            console.err().println("error: no file '" + program + "'");
            return Optional.empty();
        }
        for (String d : dumps) {
            if (!KdPipeline.DUMPS.contains(d)) {
                console.err().println("error: unknown --dump '" + d + "'; expected " + String.join(", ", KdPipeline.DUMPS));
                return Optional.empty();
            }
        }
        if (target != Target.JVM) {
            console.err().println("error: the " + target.folder() + " backend is not available yet; use --target jvm");
            return Optional.empty();
        }
        Diagnostics d = new Diagnostics();
        Optional<IrProgram> ir = new KdPipeline(ProjectRoot.find(), roots, dumps, console.out()).compile(program, target, d);
        console.err().print(d.renderAll());
        if (ir.isEmpty()) return Optional.empty();
        try {
            return Optional.of(HostedRun.load(ir.get()));
        } catch (JvmCodegenException e) {
            console.err().println("error: cannot generate JVM code for " + program + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static final class DumpNames extends ArrayList<String> {
        DumpNames() {
            super(KdPipeline.DUMPS);
        }
    }
}
