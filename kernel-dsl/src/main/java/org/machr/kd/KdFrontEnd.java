package org.machr.kd;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.kd.check.Checker;
import org.machr.kd.check.Semantics;
import org.machr.kd.resolve.Program;
import org.machr.kd.resolve.ProgramLoader;

/**
 * The front end in one place: load and parse every module the program needs, then resolve and
 * check it (docs/language.md). Lowering to IR is {@code KdCompiler}'s job.
 */
public final class KdFrontEnd {

    private KdFrontEnd() {}

    /** Loads and checks; the semantics are returned only when no error was reported. */
    public static Optional<Semantics> check(List<Path> sourceRoots, Path mainFile, Target target, Diagnostics d) {
        return analyse(sourceRoots, mainFile, target, d).filter(s -> !d.hasErrors());
    }

    /** Loads and checks, returning what was learnt even when there are errors (for reports); empty if parsing failed. */
    public static Optional<Semantics> analyse(List<Path> sourceRoots, Path mainFile, Target target, Diagnostics d) {
        return analyse(sourceRoots, mainFile, target, d, true);
    }

    /**
     * Like {@link #analyse(List, Path, Target, Diagnostics)}; {@code requireMain} false checks a
     * library module, which needs no {@code fn main}.
     */
    public static Optional<Semantics> analyse(List<Path> sourceRoots, Path mainFile, Target target, Diagnostics d,
                                              boolean requireMain) {
        return DeepStack.run(() -> {
            Optional<Program> program = new ProgramLoader(sourceRoots, target, d).load(mainFile);
            return program.map(p -> new Checker(p, d).requireMain(requireMain).analyse());
        }, Optional.empty(), d);
    }
}
