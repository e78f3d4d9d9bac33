package org.machr.kd.ir.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrPrinter;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.IrVerifier;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SymbolAddr;
import org.junit.jupiter.api.Test;

/** The passes added for loops, each run alone on hand-built IR. */
class LoopPassTest {
    private static final Loc LOC = new Loc("p.kd", 1);

    private static String run(IrProgram p, Pass pass) {
        boolean changed = pass.run(p.functions().get(0));
        IrVerifier.check(p, pass.name());
        return (changed ? "changed" : "unchanged") + "\n" + IrPrinter.print(p);
    }

    /** {@code fn f(n: i64) -> i64 { var i = 0; while i <u n { body(i); i += 1 } return i }}. */
    private record Loop(IrProgram program, FunctionBuilder b, Reg n, Reg i, Block body, Block exit) {
        static Loop begin() {
            IrProgram p = new IrProgram();
            FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, LOC, false);
            Reg i = b.newReg(IrType.I64);
            b.assign(i, Imm.i64(0));
            Block head = b.newBlock("while.head");
            Block body = b.newBlock("while.body");
            Block exit = b.newBlock("while.exit");
            b.jump(head);
            b.positionAt(head);
            b.branch(b.compare(Cond.ULT, i, b.param(0)), body, exit);
            b.positionAt(body);
            return new Loop(p, b, b.param(0), i, head, exit);
        }

        IrProgram end() {
            b.assign(i, b.add(i, Imm.i64(1)));
            b.jump(body);        // the head
            b.positionAt(exit);
            b.ret(i);
            return program;
        }
    }

    @Test
    void coalescesATemporaryIntoTheRegisterItIsCopiedTo() {
        Loop l = Loop.begin();
        IrProgram p = l.end();
        assertThat(run(p, new CopyCoalescing())).contains("  %1: i64 = add %1, 1\n  jmp b1\n").doesNotContain("copy %");
    }

    @Test
    void keepsTheCopyWhenTheTargetIsReadInBetween() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, LOC, false);
        Reg x = b.newReg(IrType.I64);
        b.assign(x, b.param(0));
        Reg t = b.add(b.param(0), Imm.i64(1));
        Reg y = b.mul(x, Imm.i64(2));                  // reads the old x
        b.assign(x, t);
        b.ret(b.add(x, y));
        String out = run(p, new CopyCoalescing());
        assertThat(out).startsWith("unchanged").contains("%1: i64 = copy %2");
    }

    @Test
    void boundsCheckDecidedByTheLoopHeadBecomesConstant() {
        Loop l = Loop.begin();
        FunctionBuilder b = l.b();
        Reg check = b.compare(Cond.ULT, l.i(), l.n());
        Reg wider = b.compare(Cond.UGE, l.i(), l.n());
        b.store(IrType.I8, b.add(new SymbolAddr("g", 0), l.i()), check, false, LOC);
        b.store(IrType.I8, b.add(new SymbolAddr("g", 0), l.i()), wider, false, LOC);
        Reg afterIncrement = b.newReg(IrType.I64);
        b.assign(afterIncrement, b.add(l.i(), Imm.i64(1)));
        b.assign(l.i(), afterIncrement);
        Reg stale = b.compare(Cond.ULT, l.i(), l.n());  // i changed: unknown
        b.store(IrType.I8, new SymbolAddr("g", 0), stale, false, LOC);
        l.program().add(new org.machr.kd.ir.IrGlobal("g", org.machr.kd.ir.IrGlobal.Section.BSS, 16, 1, null, List.of(), false));
        String out = run(l.end(), new RedundantConditions());
        assertThat(out).contains("%3: i8 = copy 1", "%4: i8 = copy 0", "%9: i8 = cmp ult %1, %0\n  store.i8 [@g]");
    }

    @Test
    void implicationCoversOrderingsAndConstantRanges() {
        Reg x = new Reg(1, IrType.I32), y = new Reg(2, IrType.I32);
        var f = new Implication.Fact(Cond.SLT, x, y);
        assertThat(Implication.decide(f, new Implication.Fact(Cond.SLE, x, y))).isTrue();
        assertThat(Implication.decide(f, new Implication.Fact(Cond.SGT, y, x))).isTrue();
        assertThat(Implication.decide(f, new Implication.Fact(Cond.EQ, x, y))).isFalse();
        assertThat(Implication.decide(f, new Implication.Fact(Cond.ULT, x, y))).isNull();
        var below10 = new Implication.Fact(Cond.ULT, x, Imm.i32(10));
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.ULT, x, Imm.i32(12)))).isTrue();
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.UGT, Imm.i32(9), x))).isNull();
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.UGE, x, Imm.i32(10)))).isFalse();
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.ULT, x, Imm.i32(9)))).isNull();
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.NE, x, Imm.i32(-1)))).isTrue();
        assertThat(Implication.decide(below10, new Implication.Fact(Cond.SLT, x, Imm.i32(10)))).isNull();
        var nonZero = new Implication.Fact(Cond.NE, x, Imm.i32(0));
        assertThat(Implication.decide(nonZero, new Implication.Fact(Cond.UGE, x, Imm.i32(1)))).isTrue();
        assertThat(Implication.decide(new Implication.Fact(Cond.SGE, x, Imm.i32(0x7fffffff)),
                new Implication.Fact(Cond.EQ, x, Imm.i32(0x7fffffff)))).isTrue();
    }

    @Test
    void maskedIndexIsWithinTheTable() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I32), IrType.I8, LOC, false);
        Reg masked = b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, b.binary(BinOp.AND, b.param(0), Imm.i32(255)));
        Reg inRange = b.compare(Cond.ULT, masked, Imm.i64(256));
        Reg notInSmaller = b.compare(Cond.ULT, masked, Imm.i64(255));
        b.ret(b.binary(BinOp.AND, inRange, notInSmaller));
        assertThat(run(p, new RedundantConditions())).contains("%3: i8 = copy 1", "%4: i8 = cmp ult %2, 255");
    }

    @Test
    void hoistsInvariantArithmeticButNotLoadsOrDivisions() {
        Loop l = Loop.begin();
        FunctionBuilder b = l.b();
        Reg scaled = b.mul(l.n(), Imm.i64(3));
        Reg quotient = b.binary(BinOp.UDIV, Imm.i64(100), l.n(), LOC);
        Reg loaded = b.load(IrType.I64, new SymbolAddr("g", 0), LOC);
        Reg sum = b.add(b.add(scaled, quotient), b.add(loaded, l.i()));
        b.store(IrType.I64, new SymbolAddr("g", 8), sum, false, LOC);
        l.program().add(new org.machr.kd.ir.IrGlobal("g", org.machr.kd.ir.IrGlobal.Section.BSS, 16, 1, null, List.of(), false));
        assertThat(run(l.end(), new LoopInvariantMotion())).isEqualTo("""
                changed
                global @g: bss size 16 align 1

                fn @f(%0: i64) -> i64 {
                b0:  ; entry
                  %1: i64 = copy 0
                  %3: i64 = mul %0, 3
                  jmp b1
                b1:  ; while.head
                  %2: i8 = cmp ult %1, %0
                  br %2, b2, b3
                b2:  ; while.body
                  %4: i64 = udiv 100, %0  @p.kd:1
                  %5: i64 = load.i64 [@g]  @p.kd:1
                  %6: i64 = add %3, %4
                  %7: i64 = add %5, %1
                  %8: i64 = add %6, %7
                  store.i64 [@g+8], %8  @p.kd:1
                  %9: i64 = add %1, 1
                  %1: i64 = copy %9
                  jmp b1
                b3:  ; while.exit
                  ret %1
                }
                """);
    }

    @Test
    void createsAPreheaderWhenTheHeaderHasSeveralEntries() {
        IrProgram p = org.machr.kd.ir.IrTestProgramsAccess.sumLoop();
        var f = p.functions().get(0);
        FunctionBuilder b = new FunctionBuilder(f);
        f.block(2).insns().add(0, new org.machr.kd.ir.Insn.Binary(b.newReg(IrType.I32), BinOp.SHL, b.param(0), Imm.i32(2), null));
        Block other = b.newBlock("other");
        b.positionAt(other);
        b.jump(f.block(1));
        b.positionAt(f.entry());
        f.entry().setTerminator(null);
        b.branch(b.compare(Cond.NE, b.param(0), Imm.i32(7)), f.block(1), other);
        assertThat(run(p, new LoopInvariantMotion())).contains("br %7, b5, b4", "b5:  ; preheader\n  %6: i32 = shl %0, 2\n  jmp b1\nb1:",
                "b4:  ; other\n  jmp b5");
    }

    @Test
    void rotatesWhileLoopsIntoGuardAndDoWhile() {
        IrProgram p = org.machr.kd.ir.IrTestProgramsAccess.sumLoop();
        assertThat(run(p, new LoopRotation())).contains("""
                b2:  ; while.body
                  %4: i32 = add %1, %2
                  %1: i32 = copy %4
                  %5: i32 = add %2, 1
                  %2: i32 = copy %5
                  %3: i8 = cmp slt %2, %0
                  br %3, b2, b3
                """);
        assertThat(run(p, new LoopRotation())).startsWith("unchanged");
    }
}
