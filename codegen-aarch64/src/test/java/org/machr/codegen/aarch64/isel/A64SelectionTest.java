package org.machr.codegen.aarch64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SymbolAddr;

/** The selection rules, asserted on the emitted listing of small functions. */
class A64SelectionTest {

    /** The instructions of {@code function} (labels kept, offsets dropped). */
    private static List<String> listing(IrProgram p, String function) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Diagnostics diags = new Diagnostics();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(A64CodeGen.compile(p, "t.o", diags, Set.of(A64CodeGen.Dump.ASM), out)).isPresent();
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.equals(function + ":")) in = true;
            else if (line.equals(function + ".trap:")) break;
            else if (in) lines.add(line.replaceAll("\t// [0-9a-f]+$", "").strip());
        }
        return lines;
    }

    /** {@code count(i) { while i < limit { i += 1 } return i }} with the compare {@code i <cond> limit}. */
    private static IrProgram countUp(Cond cond, Imm limit) {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "count", List.of(IrType.I64), IrType.I64, null, true);
        Reg i = f.param(0);
        Block head = f.newBlock("head");
        Block body = f.newBlock("body");
        Block done = f.newBlock("done");
        f.jump(head);
        f.positionAt(head);
        f.branch(f.compare(cond, i, limit), body, done);
        f.positionAt(body);
        f.assign(i, f.add(i, Imm.i64(1)));
        f.jump(head);
        f.positionAt(done);
        f.ret(i);
        return p;
    }

    @Test
    void compareFeedingOnlyTheBranchBecomesACompareAndConditionalBranch() {
        List<String> asm = listing(countUp(Cond.SLT, Imm.i64(10)), "count");
        assertThat(asm).contains("cmp x0, #10", "b.ge count.b3").noneMatch(l -> l.startsWith("cset") || l.startsWith("cbnz"));
    }

    @Test
    void compareImmediatesUseTheShiftedAndNegatedForms() {
        assertThat(listing(countUp(Cond.ULT, Imm.i64(8192)), "count")).contains("cmp x0, #2, lsl #12", "b.hs count.b3");
        assertThat(listing(countUp(Cond.SGT, Imm.i64(-5)), "count")).contains("cmn x0, #5", "b.le count.b3");
    }

    @Test
    void equalityWithZeroBecomesCbz() {
        assertThat(listing(countUp(Cond.NE, Imm.i64(0)), "count")).contains("cbz x0, count.b3").noneMatch(l -> l.startsWith("cmp"));
    }

    @Test
    void aCopyOfAResultUsedOnlyThereIsWrittenByTheDefinitionItself() {
        // i = i + 1 is `%t = add %i, 1; %i = copy %t` in the IR.
        List<String> asm = listing(countUp(Cond.SLT, Imm.i64(10)), "count");
        assertThat(asm).contains("add x0, x0, #1").noneMatch(l -> l.startsWith("mov x"));
    }

    @Test
    void theFallThroughBlockIsNotJumpedTo() {
        List<String> asm = listing(countUp(Cond.SLT, Imm.i64(10)), "count");
        int branch = asm.indexOf("b.ge count.b3");
        assertThat(asm.get(branch + 1)).isEqualTo("count.b2:");
        assertThat(asm).containsOnlyOnce("b count.b1");
    }

    /** {@code sum(n) { s = 0; for i in 0..n { s += table[i] (of width memType) } ; table[n] = 0 }}. */
    private static IrProgram sumTable(IrType memType) {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("table", IrGlobal.Section.BSS, 64, 8, null, List.of(), false));
        FunctionBuilder f = FunctionBuilder.begin(p, "sum", List.of(IrType.I64), IrType.I64, null, true);
        Reg n = f.param(0);
        Reg i = f.copy(Imm.i64(0));
        Reg s = f.copy(Imm.i64(0));
        Block head = f.newBlock("head");
        Block body = f.newBlock("body");
        Block done = f.newBlock("done");
        f.jump(head);
        f.positionAt(head);
        f.branch(f.compare(Cond.ULT, i, n), body, done);
        f.positionAt(body);
        Reg address = f.add(new SymbolAddr("table"), memType.bytes() == 1 ? i : f.mul(i, Imm.i64(memType.bytes())));
        Reg element = f.load(memType, Ext.ZERO, IrType.I64, address, false, null);
        f.assign(s, f.add(s, element));
        f.assign(i, f.add(i, Imm.i64(1)));
        f.jump(head);
        f.positionAt(done);
        f.store(memType, f.add(new SymbolAddr("table"), n), new Imm(memType, 0), false, null);
        f.ret(s);
        return p;
    }

    @Test
    void anAddFeedingOnlyALoadBecomesItsRegisterOffset() {
        List<String> asm = listing(sumTable(IrType.I8), "sum");
        assertThat(asm).anyMatch(l -> l.matches("ldrb w\\d+, \\[x\\d+, x\\d+\\]"));
        assertThat(asm).anyMatch(l -> l.matches("strb wzr, \\[x\\d+, x0\\]"));
    }

    @Test
    void anIndexScaledByTheAccessSizeBecomesAShiftedRegisterOffset() {
        assertThat(listing(sumTable(IrType.I32), "sum")).anyMatch(l -> l.matches("ldr w\\d+, \\[x\\d+, x\\d+, lsl #2\\]"))
                .noneMatch(l -> l.startsWith("mul") || l.startsWith("lsl"));
    }

    @Test
    void aGlobalsAddressIsBuiltOnceBeforeTheLoopThatUsesIt() {
        List<String> asm = listing(sumTable(IrType.I8), "sum");
        List<String> loop = asm.subList(asm.indexOf("sum.b1:"), asm.indexOf("sum.b3:"));
        assertThat(asm.subList(0, asm.indexOf("sum.b1:"))).anyMatch(l -> l.matches("adrp x\\d+, table"));
        assertThat(loop).isNotEmpty().noneMatch(l -> l.startsWith("adrp"));
    }

    @Test
    void aLeafFunctionHasNoFrameRecord() {
        assertThat(listing(sumTable(IrType.I8), "sum")).noneMatch(l -> l.contains("x29"));
    }

    @Test
    void callerSavesCalleeSavedRegistersInPairs() {
        IrProgram p = new IrProgram();
        FunctionBuilder g = FunctionBuilder.begin(p, "g", List.of(), IrType.I64, null, false);
        g.ret(Imm.i64(1));
        FunctionBuilder f = FunctionBuilder.begin(p, "f", List.of(IrType.I64, IrType.I64), IrType.I64, null, true);
        Reg r = f.call("g", IrType.I64, List.of(), null);
        f.ret(f.add(f.add(r, f.param(0)), f.param(1)));
        List<String> asm = listing(p, "f");
        assertThat(asm).contains("stp x29, x30, [sp, #-16]!", "stp x19, x20, [sp]", "ldp x19, x20, [sp]")
                .noneMatch(l -> l.startsWith("str x19"));
        assertThat(listing(p, "g")).containsExactly("g.b0:", "mov x0, #1", "ret");
    }

    @Test
    void aConstantShiftRightIsOneBitfieldExtract() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "h", List.of(IrType.I32), IrType.I32, null, true);
        f.ret(f.binary(BinOp.LSHR, f.param(0), Imm.i32(8)));
        assertThat(listing(p, "h")).containsExactly("h.b0:", "ubfx x0, x0, #8, #24", "ret");
    }

    @Test
    void aMultiplicationByAPowerOfTwoIsAShift() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "m", List.of(IrType.I64), IrType.I64, null, true);
        f.ret(f.mul(f.param(0), Imm.i64(16)));
        assertThat(listing(p, "m")).containsExactly("m.b0:", "lsl x0, x0, #4", "ret");
    }

    @Test
    void aRepeatedCompareInTheOnlySuccessorReusesTheFlags() {
        // while i < n { (bounds check) if !(i < n) unreachable; i += 1 }
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "again", List.of(IrType.I64, IrType.I64), IrType.I64, null, true);
        Reg i = f.param(0);
        Reg n = f.param(1);
        Block head = f.newBlock("head");
        Block body = f.newBlock("body");
        Block ok = f.newBlock("ok");
        Block fail = f.newBlock("fail");
        Block done = f.newBlock("done");
        f.jump(head);
        f.positionAt(head);
        f.branch(f.compare(Cond.ULT, i, n), body, done);
        f.positionAt(body);
        f.branch(f.compare(Cond.ULT, i, n), ok, fail);
        f.positionAt(ok);
        f.assign(i, f.add(i, Imm.i64(1)));
        f.jump(head);
        f.positionAt(fail);
        f.unreachable();
        f.positionAt(done);
        f.ret(i);
        List<String> asm = listing(p, "again");
        assertThat(asm).containsOnlyOnce("cmp x0, x1");
        assertThat(asm.subList(asm.indexOf("again.b2:"), asm.indexOf("again.b3:"))).containsExactly("again.b2:", "b.hs again.b5");
    }
}
