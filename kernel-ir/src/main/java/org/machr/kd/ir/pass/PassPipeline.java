package org.machr.kd.ir.pass;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrPrinter;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrVerifier;

/**
 * The optimisation pipeline, in one place. {@code dumpAfter} names passes (or {@code "ir"} for the
 * input and {@code "opt"} for the final result) whose output is printed to {@code dump}; with
 * {@code verify} the {@link IrVerifier} runs after every pass.
 */
public final class PassPipeline {

    /** The passes, in order; the list is repeated until nothing changes (at most {@link #MAX_ROUNDS}). */
    public static List<Pass> standardPasses() {
        return List.of(
                new ConstantFolding(),      // evaluate constant operations, fold constant branches
                new CopyPropagation(),      // read the source of copies directly
                new DeadCodeElimination(),  // drop unused pure results
                new CfgSimplification());   // thread jumps, drop unreachable blocks, merge chains
    }

    /** Every name accepted by {@code --dump=}. */
    public static final List<String> DUMP_NAMES = List.of("ir", "constfold", "copyprop", "dce", "simplifycfg", "opt");

    public static final int MAX_ROUNDS = 8;

    private final List<Pass> passes;
    private final Set<String> dumpAfter;
    private final PrintStream dump;
    private final boolean verify;

    public PassPipeline(List<Pass> passes, Set<String> dumpAfter, PrintStream dump, boolean verify) {
        this.passes = List.copyOf(passes);
        this.dumpAfter = Set.copyOf(dumpAfter);
        this.dump = dump;
        this.verify = verify;
    }

    /** The standard pipeline without dumps, verifying after every pass. */
    public static PassPipeline standard() {
        return new PassPipeline(standardPasses(), Set.of(), null, true);
    }

    public void run(IrProgram program) {
        if (verify) IrVerifier.check(program, "lowering");
        dump("ir", program);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Pass pass : passes) {
                boolean passChanged = false;
                for (IrFunction f : program.functions()) passChanged |= pass.run(f);
                if (verify) IrVerifier.check(program, pass.name());
                if (passChanged) dump(pass.name(), program);
                changed |= passChanged;
            }
            if (!changed) break;
        }
        dump("opt", program);
    }

    private void dump(String name, IrProgram program) {
        if (dump != null && dumpAfter.contains(name)) {
            dump.println("; ---- after " + name + " ----");
            dump.print(IrPrinter.print(program));
        }
    }
}
