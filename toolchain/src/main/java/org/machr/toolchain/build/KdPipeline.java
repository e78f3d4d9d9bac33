package org.machr.toolchain.build;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.Target;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;

/**
 * The pipeline from a {@code .kd} program to optimised IR, one line a phase: front end and lowering
 * ({@link KdCompiler}), then the IR passes ({@link PassPipeline}), each with its dump switch.
 */
public final class KdPipeline {

    /** Dump names accepted by {@code --dump}. */
    public static final List<String> DUMPS = PassPipeline.DUMP_NAMES;

    private final Path projectRoot;
    private final List<Path> extraRoots;
    private final Set<String> dumps;
    private final PrintStream dumpOut;

    public KdPipeline(Path projectRoot, List<Path> extraRoots, Set<String> dumps, PrintStream dumpOut) {
        this.projectRoot = projectRoot;
        this.extraRoots = List.copyOf(extraRoots);
        this.dumps = Set.copyOf(dumps);
        this.dumpOut = dumpOut;
    }

    /**
     * Source roots of a program: the given ones, the toolchain's {@code runtime/}, then the main
     * file's own folder.
     */
    public List<Path> sourceRoots(Path mainFile) {
        List<Path> roots = new ArrayList<>(extraRoots);
        Path runtime = projectRoot.resolve("runtime");
        if (Files.isDirectory(runtime)) roots.add(runtime);
        Path parent = mainFile.toAbsolutePath().getParent();
        if (parent != null) roots.add(parent);
        return roots;
    }

    /** Front end, lowering and the optimisation passes; empty (errors in {@code d}) on failure. */
    public Optional<IrProgram> compile(Path mainFile, Target target, Diagnostics d) {
        Optional<IrProgram> program = KdCompiler.compile(sourceRoots(mainFile), mainFile, target, d);
        if (program.isEmpty() || d.hasErrors()) return Optional.empty();
        new PassPipeline(PassPipeline.standardPasses(), dumps, dumpOut, false).run(program.get());
        return program;
    }
}
