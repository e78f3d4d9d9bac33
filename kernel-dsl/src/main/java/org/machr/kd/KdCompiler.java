package org.machr.kd;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.kd.check.Semantics;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.lower.Lowering;

/**
 * The compiler entry: front end, then lowering to IR (docs/language.md, docs/ir.md). The pipeline, one
 * line a phase: load + parse ({@code ProgramLoader}) → check ({@code Checker}) → lower ({@code Lowering}).
 */
public final class KdCompiler {

    private KdCompiler() {}

    /**
     * Compiles the program whose main module is {@code mainFile}; every error is reported to {@code d}
     * and the result is empty when there was one.
     *
     * @param sourceRoots where modules are found (include {@code runtime/} for the runtime)
     */
    public static Optional<IrProgram> compile(List<Path> sourceRoots, Path mainFile, Target target, Diagnostics d) {
        Optional<Semantics> checked = KdFrontEnd.check(sourceRoots, mainFile, target, d);
        if (checked.isEmpty()) return Optional.empty();
        return DeepStack.run(() -> Lowering.lower(checked.get(), d), Optional.empty(), d);
    }
}
