package org.machr.kd.ir.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrProgram;
import org.junit.jupiter.api.Test;

/** Random loop-heavy functions behave the same, and run fewer instructions, after the standard passes. */
class LoopDifferentialTest {
    private static final int FUNCTIONS = 300;

    private static List<String> runAll(IrProgram p, long[] steps) {
        List<String> results = new ArrayList<>();
        IrInterpreter interpreter = new IrInterpreter(p, 50_000_000);
        for (IrFunction f : p.functions())
            for (long[] in : IrInterpreter.inputs()) results.add(f.name() + " " + interpreter.outcome(f.name(), in));
        steps[0] = interpreter.steps();
        return results;
    }

    @Test
    void optimisedLoopsBehaveLikeTheOriginals() {
        IrProgram original = new IrProgram();
        IrProgram optimised = new IrProgram();
        for (int i = 0; i < FUNCTIONS; i++) {
            LoopPrograms.add(original, "f" + i, 7000 + i);
            LoopPrograms.add(optimised, "f" + i, 7000 + i);
        }
        PassPipeline.standard().run(optimised);
        long[] before = new long[1], after = new long[1];
        List<String> expected = runAll(original, before);
        assertThat(runAll(optimised, after)).containsExactlyElementsOf(expected);
        assertThat(expected).anySatisfy(r -> assertThat(r).contains("panic: division by zero"));
        assertThat(expected).noneSatisfy(r -> assertThat(r).contains("step limit"));
        assertThat(after[0]).as("executed instructions").isLessThan(before[0] * 9 / 10);
    }
}
