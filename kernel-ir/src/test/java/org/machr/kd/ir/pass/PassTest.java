package org.machr.kd.ir.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrPrinter;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Reg;
import org.junit.jupiter.api.Test;

class PassTest {
    private static final Loc LOC = new Loc("p.kd", 1);

    private static String optimise(IrProgram p) {
        PassPipeline.standard().run(p);
        return IrPrinter.print(p);
    }

    @Test
    void foldsConstantsAndConstantBranches() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(), IrType.I32, LOC, false);
        Reg x = b.copy(Imm.i32(6));
        Reg y = b.mul(x, Imm.i32(7));
        Reg c = b.compare(Cond.SGT, y, Imm.i32(40));
        Block yes = b.newBlock("yes");
        Block no = b.newBlock("no");
        b.branch(c, yes, no);
        b.positionAt(yes);
        b.ret(b.binary(BinOp.SREM, y, Imm.i32(-5), LOC));
        b.positionAt(no);
        b.ret(Imm.i32(0));
        assertThat(optimise(p)).isEqualTo("""

                fn @f() -> i32 {
                b0:  ; entry
                  ret 2
                }
                """);
    }

    @Test
    void keepsDivisionByConstantZero() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(), IrType.I32, LOC, false);
        b.ret(b.binary(BinOp.UDIV, Imm.i32(1), Imm.i32(0), LOC));
        assertThat(optimise(p)).contains("udiv 1, 0  @p.kd:1");
    }

    @Test
    void propagatesCopiesButNotAcrossReassignment() {
        IrProgram p = org.machr.kd.ir.IrTestProgramsAccess.sumLoop();
        String out = optimise(p);
        // s and i are assigned in several blocks: the loop (coalesced and rotated) must keep its meaning.
        assertThat(out).isEqualTo("""

                fn @sum(%0: i32) -> i32 {
                b0:  ; entry
                  %1: i32 = copy 0
                  %2: i32 = copy 0
                  %3: i8 = cmp slt 0, %0
                  br %3, b2, b3
                b2:  ; while.body
                  %1: i32 = add %1, %2
                  %2: i32 = add %2, 1
                  %3: i8 = cmp slt %2, %0
                  br %3, b2, b3
                b3:  ; while.exit
                  ret %1
                }
                """);
    }

    @Test
    void removesDeadCodeAndMergesBlocksWithDumps() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "g", List.of(IrType.I64), IrType.I64, LOC, false);
        b.add(b.param(0), Imm.i64(5));                  // unused
        Reg t = b.copy(b.param(0));
        Block mid = b.newBlock("mid");
        Block end = b.newBlock("end");
        b.jump(mid);
        b.positionAt(mid);
        b.jump(end);
        b.positionAt(end);
        b.ret(b.binary(BinOp.XOR, t, Imm.i64(0)));
        b.ret(Imm.i64(9));                              // dead code after return
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream dump = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new PassPipeline(PassPipeline.standardPasses(), Set.of("dce", "opt"), dump, true).run(p);
        assertThat(IrPrinter.print(p)).isEqualTo("""

                fn @g(%0: i64) -> i64 {
                b0:  ; entry
                  ret %0
                }
                """);
        String dumped = bytes.toString(StandardCharsets.UTF_8);
        assertThat(dumped).contains("; ---- after dce ----").endsWith("; ---- after opt ----\n" + IrPrinter.print(p));
    }

    @Test
    void foldsComparesOfARegisterWithItself() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "h", List.of(IrType.I64), IrType.I8, LOC, false);
        Reg le = b.compare(Cond.ULE, b.param(0), b.param(0));
        Reg lt = b.compare(Cond.SLT, b.param(0), b.param(0));
        b.ret(b.binary(BinOp.OR, b.binary(BinOp.AND, le, Imm.i8(1)), lt));
        assertThat(optimise(p)).isEqualTo("""

                fn @h(%0: i64) -> i8 {
                b0:  ; entry
                  ret 1
                }
                """);
    }
}
