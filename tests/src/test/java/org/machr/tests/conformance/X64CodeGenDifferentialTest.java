package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.RandomPrograms;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.UnOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The x86_64 backend against the IR's own semantics, with the generator of the AArch64 backend's
 * differential test. The backend against the IR's own semantics ({@link IrSemantics}): a random program of 400 operations
 * on all four widths (binary, unary, conversions, comparisons, selects, values passed through calls and
 * stack memory, many live at once so the allocator spills) checks every result against the value
 * {@code IrSemantics} computes; {@code main} returns 100 if all agree, else the number of the first
 * wrong one (at most 99: statuses above 111 do not survive the isa-debug-exit encoding). One QEMU run per program.
 */
class X64CodeGenDifferentialTest {

    @TempDir
    java.nio.file.Path dir;

    /** {@link RandomPrograms#checks} with the entry the boot file calls: main's status straight to isa-debug-exit. */
    private static IrProgram program(long seed, List<String> log) {
        IrProgram p = RandomPrograms.checks(seed, log, 100);
        p.add(new org.machr.kd.ir.ExternDecl("machr_exit", new org.machr.kd.ir.Signature(List.of(IrType.I32), List.<IrType>of())));
        FunctionBuilder start = FunctionBuilder.begin(p, "_kd_start", List.of(), null, null, true);
        Reg status = start.call("main", IrType.I32, List.of(), null);
        start.callExtern("machr_exit", null, List.of(status), null);
        start.ret(List.of());
        p.setEntry("_kd_start");
        return p;
    }

    @Test
    void randomProgramsAgreeWithIrSemantics() throws Exception {
        assumeTrue(ToolLookup.missing(X64Target.QEMU).isEmpty(), "qemu-system-x86_64 not found");
        for (long seed : new long[] {1, 2, 3, 4, 5, 6}) {
            List<String> log = new ArrayList<>();
            IrProgram p = program(seed, log);
            Diagnostics d = new Diagnostics();
            X64Build.Image image = X64Build.buildImage(p, ConformanceTest.root().resolve("runtime"), d)
                    .orElseThrow(() -> new AssertionError(d.renderAll()));
            java.nio.file.Path file = dir.resolve("diff" + seed + ".elf");
            java.nio.file.Files.write(file, image.image());
            Target.Outcome outcome = X64Target.boot(file);
            int status = outcome.status();
            assertThat(status).as("seed %d: first wrong check %s", seed, status >= 1 && status <= log.size() ? log.get(status - 1) : "?")
                    .isEqualTo(100);
        }
    }
}
