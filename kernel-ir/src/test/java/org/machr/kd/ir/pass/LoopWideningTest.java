package org.machr.kd.ir.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.machr.kd.ir.IrPrinter;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrVerifier;
import org.machr.kd.ir.pass.ByteLoopPrograms.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The widen pass: which loops it takes, and that the widened program behaves exactly like the original. */
class LoopWideningTest {
    private static final long[] OFFSETS = {0, 1, 3, 7, 8, 9, 15, 16};

    private static boolean widen(IrProgram p) {
        boolean changed = new LoopWidening().run(p.functions().get(0));
        IrVerifier.check(p, "widen");
        return changed;
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"COPY", "FILL", "COPY_UNCHECKED"})
    void widensByteCopiesAndFills(Variant v) {
        IrProgram p = ByteLoopPrograms.program(v);
        assertThat(widen(p)).isTrue();
        String ir = IrPrinter.print(p);
        assertThat(ir).contains("widen.guard", "widen.body", "store.i64").contains("add %" , ", 8\n");
        assertThat(ir.contains("load.i64")).isEqualTo(v != Variant.FILL);
        assertThat(widen(p)).as("a widened loop is not widened again").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"VOLATILE_LOAD", "VOLATILE_STORE", "STRIDE_TWO", "INDEX_SUMMED",
            "STORES_INDEX", "STORES_TWICE"})
    void leavesOtherLoopsAlone(Variant v) {
        IrProgram p = ByteLoopPrograms.program(v);
        String before = IrPrinter.print(p);
        assertThat(widen(p)).isFalse();
        assertThat(IrPrinter.print(p)).isEqualTo(before);
    }

    @Test
    void guardsOnAlignmentAndOnEveryBoundBeforeTheWideLoop() {
        IrProgram p = ByteLoopPrograms.program(Variant.COPY);
        widen(p);
        String ir = IrPrinter.print(p);
        assertThat(ir).contains(" = and ", ", 7\n", " = cmp eq ")
                .as("i + 1 <u n leaves 9 bytes, i <u dstLen 8").contains("sub %2, 9\n", "sub %3, 8\n");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"COPY", "FILL", "COPY_UNCHECKED"})
    void widenedLoopsLeaveTheSameBytesAndStopAtTheSameIndex(Variant v) {
        IrProgram original = ByteLoopPrograms.program(v);
        IrProgram alone = ByteLoopPrograms.program(v);
        IrProgram optimised = ByteLoopPrograms.program(v);
        widen(alone);
        PassPipeline.standard().run(optimised);
        assertThat(IrPrinter.print(optimised)).contains("store.i64");
        List<String> expected = outcomes(original);
        assertThat(outcomes(alone)).containsExactlyElementsOf(expected);
        assertThat(outcomes(optimised)).containsExactlyElementsOf(expected);
        if (v != Variant.COPY_UNCHECKED)
            assertThat(expected).as("short destinations stop the loop").anySatisfy(r -> assertThat(r).contains("failed"));
    }

    @Test
    void theWideLoopRunsWhenAlignedAndNotWhenOverlappingAhead() {
        IrProgram original = ByteLoopPrograms.program(Variant.COPY);
        IrProgram widened = ByteLoopPrograms.program(Variant.COPY);
        widen(widened);
        assertThat(steps(widened, 16, 0, 20, 64)).isLessThan(steps(original, 16, 0, 20, 64) - 40);
        assertThat(steps(widened, 8, 0, 20, 64)).as("8 bytes ahead: aligned, still exact")
                .isLessThan(steps(original, 8, 0, 20, 64) - 40);
        assertThat(steps(widened, 1, 0, 20, 64)).as("1 byte ahead: the byte loop only")
                .isGreaterThan(steps(original, 1, 0, 20, 64));
    }

    private static List<String> outcomes(IrProgram p) {
        IrInterpreter interpreter = new IrInterpreter(p, 100_000_000);
        List<String> results = new ArrayList<>();
        for (long dstOff : OFFSETS)
            for (long srcOff : OFFSETS)
                for (long n = 0; n <= 20; n++)
                    for (long dstLen : new long[] {n, n / 2, n - 5, 64}) {
                        if (dstLen < 0) continue;
                        String r = interpreter.outcome("f", dstOff, srcOff, n, dstLen);
                        long value = Long.parseLong(r);
                        results.add(dstOff + " " + srcOff + " " + n + " " + dstLen + ": " + r
                                + ((value & ByteLoopPrograms.FAILED) != 0 ? " failed" : ""));
                    }
        return results;
    }

    private static long steps(IrProgram p, long... args) {
        IrInterpreter interpreter = new IrInterpreter(p, 1_000_000);
        interpreter.outcome("f", args);
        return interpreter.steps();
    }
}
