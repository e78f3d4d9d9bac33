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

    /**
     * The passes, in order; the list is applied to each function over and over until a whole cycle
     * changes nothing (at most {@link #MAX_ROUNDS} times).
     */
    public static List<Pass> standardPasses() {
        return List.of(
                new RedundantConditions(),  // compares decided by the branches on the way to them
                new ConstantFolding(),      // evaluate constant operations, fold constant branches
                new CopyPropagation(),      // read the source of copies directly
                new CopyCoalescing(),       // %t = op; %x = copy %t  ->  %x = op
                new DeadCodeElimination(),  // drop unused pure results
                new LoopInvariantMotion(),  // hoist pure invariant computations into a preheader
                new LoopRotation(),         // while loops as guard + do-while
                new LoopWidening(),         // byte copy/fill loops: an 8-bytes-at-a-time loop in front
                new CfgSimplification());   // thread jumps, drop unreachable blocks, merge chains
    }

    /** Every name accepted by {@code --dump=}. */
    public static final List<String> DUMP_NAMES = List.of("ir", "condelim", "constfold", "copyprop", "coalesce", "dce",
            "licm", "rotate", "widen", "simplifycfg", "opt");

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
        if (dumpsAfterPasses()) runPassByPass(program);
        else for (IrFunction f : program.functions()) runFunction(program, f);
        dump("opt", program);
    }

    /**
     * One function to its fixed point: the passes run in a cycle until {@code passes.size()} runs in a
     * row changed nothing. Passes are function-local, so this gives what {@link #runPassByPass} gives.
     */
    private void runFunction(IrProgram program, IrFunction f) {
        int n = passes.size();
        int idle = 0;
        FunctionAnalyses analyses = new FunctionAnalyses(f);
        for (int step = 0; idle < n && step < MAX_ROUNDS * n; step++) {
            Pass pass = passes.get(step % n);
            boolean changed = pass.run(f, analyses);
            if (changed) analyses.invalidate();
            if (verify) IrVerifier.check(program, f, pass.name());
            idle = changed ? 0 : idle + 1;
        }
    }

    /** Each pass over the whole program in turn, so the program can be dumped after a pass. */
    private void runPassByPass(IrProgram program) {
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
    }

    private boolean dumpsAfterPasses() {
        if (dump == null) return false;
        for (Pass p : passes) if (dumpAfter.contains(p.name())) return true;
        return false;
    }

    private void dump(String name, IrProgram program) {
        if (dump != null && dumpAfter.contains(name)) {
            dump.println("; ---- after " + name + " ----");
            dump.print(IrPrinter.print(program));
        }
    }
}
