package org.machr.codegen.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.MemOrder;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.RmwOp;
import org.machr.kd.ir.Signature;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;
import org.junit.jupiter.api.Test;

/** Whole programs built by hand: memory, stack, calls, devices and panic reports. */
class HostedMachineTest {

    private record Run(int status, String console) {}

    private static Run run(IrProgram p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = JvmBackend.compile(p).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Loc at(int line) {
        return new Loc("m.kd", line);
    }

    private static FunctionBuilder main(IrProgram p) {
        return FunctionBuilder.begin(p, "main", List.of(), IrType.I32, at(1), false);
    }

    private static void putc(FunctionBuilder b, char c) {
        b.intrinsic(Intrinsic.JVM_PUTC, List.of(Imm.i8(c)), at(1));
    }

    @Test
    void mainReturnValueIsTheStatusAndConsoleCarriesBytes() {
        IrProgram p = new IrProgram();
        var b = main(p);
        putc(b, 'h');
        putc(b, 'i');
        putc(b, '\n');
        b.ret(Imm.i32(7));
        assertThat(run(p)).isEqualTo(new Run(7, "hi\n"));
    }

    @Test
    void haltStopsWithItsStatus() {
        IrProgram p = new IrProgram();
        var b = main(p);
        b.intrinsic(Intrinsic.JVM_HALT, List.of(Imm.i32(42)), at(2));
        putc(b, 'x');
        b.ret(Imm.i32(0));
        assertThat(run(p)).isEqualTo(new Run(42, ""));
    }

    @Test
    void memoryIsLittleEndianWithSignAndZeroExtension() {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("g", IrGlobal.Section.DATA, 8, 8, new byte[] {(byte) 0xf0, (byte) 0xff, 0x34, 0x12, 0, 0, 0, (byte) 0x80},
                List.of(), false));
        var b = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, at(1), false);
        // selector 0: load.i8.s g, 1: load.i16.z g, 2: load.i32 g+2 (i64 zext), 3: load.i64 g
        Reg sel = b.param(0);
        Block[] cases = new Block[4];
        for (int i = 0; i < 4; i++) cases[i] = b.newBlock("c" + i);
        Block other = b.newBlock("other");
        b.switchOn(sel, List.of(new org.machr.kd.ir.Terminator.Case(0, cases[0].id()),
                new org.machr.kd.ir.Terminator.Case(1, cases[1].id()), new org.machr.kd.ir.Terminator.Case(2, cases[2].id()),
                new org.machr.kd.ir.Terminator.Case(3, cases[3].id())), other);
        b.positionAt(cases[0]);
        b.ret(b.load(IrType.I8, Ext.SIGN, IrType.I64, new SymbolAddr("g"), false, at(2)));
        b.positionAt(cases[1]);
        b.ret(b.load(IrType.I16, Ext.ZERO, IrType.I64, new SymbolAddr("g"), false, at(3)));
        b.positionAt(cases[2]);
        b.ret(b.load(IrType.I32, Ext.ZERO, IrType.I64, new SymbolAddr("g", 2), false, at(4)));
        b.positionAt(cases[3]);
        b.ret(b.load(IrType.I64, new SymbolAddr("g"), at(5)));
        b.positionAt(other);
        b.store(IrType.I16, new SymbolAddr("g", 1), Imm.i64(0xabcd), false, at(6));
        b.ret(b.load(IrType.I64, new SymbolAddr("g"), at(7)));
        var hp = JvmBackend.compile(p);
        try (var s = hp.session(System.out)) {
            assertThat(s.call("f", 0)).isEqualTo(-16);
            assertThat(s.call("f", 1)).isEqualTo(0xfff0);
            assertThat(s.call("f", 2)).isEqualTo(0x1234);
            assertThat(s.call("f", 3)).isEqualTo(0x80000000_1234fff0L);
            assertThat(s.call("f", 9)).isEqualTo(0x80000000_12abcdf0L);
        }
    }

    @Test
    void accessOutsideMemoryPanicsWithFileAndLine() {
        IrProgram p = new IrProgram();
        var b = main(p);
        putc(b, 'a');
        b.ret(b.load(IrType.I32, Imm.i64(0), at(12)));
        assertThat(run(p)).isEqualTo(new Run(101, "apanic: memory fault at 0x0000000000000000 at m.kd:12\n"));
    }

    @Test
    void rodataIsReadOnly() {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("k", IrGlobal.Section.RODATA, 4, 4, new byte[] {1, 0, 0, 0}, List.of(), false));
        var b = main(p);
        Reg v = b.load(IrType.I32, new SymbolAddr("k"), at(3));
        b.store(new SymbolAddr("k"), v, at(4));
        b.ret(v);
        assertThat(run(p).console()).startsWith("panic: write to read-only memory at 0x").endsWith(" at m.kd:4\n");
    }

    @Test
    void stackSlotsAreMemoryAndRecursionWorks() {
        IrProgram p = new IrProgram();
        // fact(n) keeps n in a stack slot across the recursive call
        var f = FunctionBuilder.begin(p, "fact", List.of(IrType.I64), IrType.I64, at(20), false);
        SlotAddr slot = f.slot(8, 8, "n");
        f.store(slot, f.param(0), at(21));
        Block base = f.newBlock("base"), rec = f.newBlock("rec");
        f.branch(f.compare(Cond.ULE, f.param(0), Imm.i64(1)), base, rec);
        f.positionAt(base);
        f.ret(Imm.i64(1));
        f.positionAt(rec);
        Reg sub = f.call("fact", IrType.I64, List.of(f.sub(f.param(0), Imm.i64(1))), at(22));
        f.ret(f.mul(f.load(IrType.I64, slot, at(23)), sub));
        var hp = JvmBackend.compile(p);
        try (var s = hp.session(System.out)) {
            assertThat(s.call("fact", 20)).isEqualTo(2432902008176640000L);
        }
    }

    @Test
    void unboundedRecursionIsAStackOverflowPanic() {
        IrProgram p = new IrProgram();
        var f = FunctionBuilder.begin(p, "down", List.of(IrType.I64), IrType.I64, at(30), false);
        f.slot(64, 8, "pad");
        f.ret(f.call("down", IrType.I64, List.of(f.add(f.param(0), Imm.i64(1))), at(31)));
        var b = main(p);
        b.call("down", IrType.I64, List.of(Imm.i64(0)), at(2));
        b.ret(Imm.i32(0));
        assertThat(run(p)).isEqualTo(new Run(101, "panic: stack overflow at m.kd:30\n"));
    }

    @Test
    void functionPointersInDataAreCalledByAddress() {
        IrProgram p = new IrProgram();
        for (int k = 1; k <= 3; k++) {
            var h = FunctionBuilder.begin(p, "h" + k, List.of(IrType.I32), IrType.I32, at(40), false);
            h.ret(h.mul(h.param(0), Imm.i32(k * 10)));
        }
        p.add(new IrGlobal("handlers", IrGlobal.Section.RODATA, 24, 8, new byte[24],
                List.of(new IrGlobal.Reloc(0, "h1", 0), new IrGlobal.Reloc(8, "h2", 0), new IrGlobal.Reloc(16, "h3", 0)), false));
        var f = FunctionBuilder.begin(p, "dispatch", List.of(IrType.I64, IrType.I32), IrType.I32, at(41), false);
        Reg entry = f.load(IrType.I64, f.add(new SymbolAddr("handlers"), f.mul(f.param(0), Imm.i64(8))), at(42));
        f.ret(f.callIndirect(entry, new Signature(List.of(IrType.I32), IrType.I32), List.of(f.param(1)), at(43)));
        var g = FunctionBuilder.begin(p, "bad", List.of(), IrType.I32, at(44), false);
        g.ret(g.callIndirect(g.add(new SymbolAddr("h1"), Imm.i64(4)), new Signature(List.of(IrType.I32), IrType.I32),
                List.of(Imm.i32(1)), at(45)));
        var hp = JvmBackend.compile(p);
        try (var s = hp.session(System.out)) {
            assertThat(s.call("dispatch", 0, 5)).isEqualTo(50);
            assertThat(s.call("dispatch", 2, 5)).isEqualTo(150);
            assertThat(s.call("dispatch", 1, -5)).isEqualTo(-100);
            try {
                s.call("bad");
                throw new AssertionError("expected a panic");
            } catch (HostedPanic e) {
                assertThat(s.describe(e)).isEqualTo("panic: call through invalid function pointer 0x"
                        + String.format("%016x", hp.address("h1") + 4) + " at m.kd:45");
            }
        }
        assertThat(hp.address("h2") - hp.address("h1")).isEqualTo(HostedMachine.CODE_ALIGN);
    }

    @Test
    void atomicsReturnOldValuesAndCasOnlyOnMatch() {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("c", IrGlobal.Section.BSS, 8, 8, null, List.of(), false));
        var b = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, at(50), false);
        SymbolAddr c = new SymbolAddr("c");
        Reg old1 = b.atomicRmw(RmwOp.ADD, c, b.param(0), MemOrder.SEQ_CST, at(51));     // c = x
        Reg failed = b.atomicCas(c, Imm.i64(999), Imm.i64(5), MemOrder.ACQ_REL, at(52)); // no change
        Reg ok = b.atomicCas(c, b.param(0), Imm.i64(5), MemOrder.ACQ_REL, at(53));     // c = 5
        Reg x = b.atomicRmw(RmwOp.XCHG, c, Imm.i64(100), MemOrder.RELAXED, at(54));    // c = 100, x = 5
        b.atomicStore(c, b.add(b.atomicLoad(IrType.I64, c, MemOrder.ACQUIRE, at(55)), Imm.i64(1)), MemOrder.RELEASE, at(56));
        Reg last = b.load(IrType.I64, c, at(57));                                     // 101
        // result = old1 + failed*10 + ok*100 + x*1000 + last*10000
        Reg r = b.add(old1, b.mul(failed, Imm.i64(10)));
        r = b.add(r, b.mul(ok, Imm.i64(100)));
        r = b.add(r, b.mul(x, Imm.i64(1000)));
        b.ret(b.add(r, b.mul(last, Imm.i64(10000))));
        var misaligned = FunctionBuilder.begin(p, "g", List.of(), IrType.I32, at(60), false);
        misaligned.ret(misaligned.atomicLoad(IrType.I32, new SymbolAddr("c", 2), MemOrder.SEQ_CST, at(61)));
        var hp = JvmBackend.compile(p);
        try (var s = hp.session(System.out)) {
            assertThat(s.call("f", 3)).isEqualTo(0 + 3 * 10 + 3 * 100 + 5 * 1000 + 101 * 10000);
            try {
                s.call("g");
                throw new AssertionError("expected a panic");
            } catch (HostedPanic e) {
                assertThat(s.describe(e)).startsWith("panic: misaligned atomic access at 0x").endsWith("at m.kd:61");
            }
        }
    }

    @Test
    void twoResultsTravelTogetherThroughDirectAndIndirectCalls() {
        IrProgram p = new IrProgram();
        var pair = FunctionBuilder.beginWithResults(p, "pair", List.of(IrType.I64), List.of(IrType.I64, IrType.I64), at(70), false);
        pair.ret(List.of(pair.add(pair.param(0), Imm.i64(1)), pair.mul(pair.param(0), Imm.i64(3))));
        var f = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, at(71), false);
        List<Reg> direct = f.callResults(new org.machr.kd.ir.Callee.Direct("pair"), List.of(IrType.I64, IrType.I64),
                List.of(f.param(0)), at(72));
        List<Reg> viaPointer = f.callResults(new org.machr.kd.ir.Callee.Indirect(new SymbolAddr("pair"),
                        new Signature(List.of(IrType.I64), List.of(IrType.I64, IrType.I64))), List.of(IrType.I64, IrType.I64),
                List.of(Imm.i64(10)), at(73));
        Reg a = f.add(f.mul(direct.get(0), Imm.i64(1000)), direct.get(1));
        f.ret(f.add(f.mul(a, Imm.i64(1000000)), f.add(f.mul(viaPointer.get(0), Imm.i64(1000)), viaPointer.get(1))));
        assertThat(org.machr.kd.ir.IrVerifier.verify(p)).isEmpty();
        try (var s = JvmBackend.compile(p).session(System.out)) {
            assertThat(s.call("f", 4)).isEqualTo(5012L * 1000000 + 11030);
        }
    }

    @Test
    void callingAnExternPanicsNamingTheSymbol() {
        IrProgram p = new IrProgram();
        p.add(new org.machr.kd.ir.ExternDecl("vectors_base", new Signature(List.of(), IrType.I64)));
        var b = main(p);
        putc(b, 'a');
        Reg v = b.callExtern("vectors_base", IrType.I64, List.of(), at(80));
        putc(b, 'b');
        b.ret(b.convert(org.machr.kd.ir.ConvOp.TRUNC, IrType.I32, v));
        assertThat(run(p)).isEqualTo(new Run(101,
                "apanic: extern function vectors_base is not available on the jvm target at m.kd:80\n"));
    }
}
