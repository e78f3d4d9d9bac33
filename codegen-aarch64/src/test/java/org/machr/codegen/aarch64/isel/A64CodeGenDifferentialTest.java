package org.machr.codegen.aarch64.isel;

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

/**
 * The backend against the IR's own semantics ({@link IrSemantics}): a random program of 400 operations
 * on all four widths (binary, unary, conversions, comparisons, selects, values passed through calls and
 * stack memory, many live at once so the allocator spills) checks every result against the value
 * {@code IrSemantics} computes; {@code main} returns 200 if all agree, else the number of the first
 * wrong one. One QEMU run per program.
 */
class A64CodeGenDifferentialTest {

    @Test
    void randomProgramsAgreeWithIrSemantics() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            List<String> log = new ArrayList<>();
            IrProgram p = RandomPrograms.checks(seed, log, 200);
            var status = QemuRunner.run(p);
            assertThat(status).as("seed %d (checks in order: %s)", seed, log.size() < 1000 ? "" : "").contains(200);
        }
    }
}
