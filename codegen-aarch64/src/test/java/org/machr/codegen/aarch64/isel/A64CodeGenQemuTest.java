package org.machr.codegen.aarch64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;
import org.junit.jupiter.api.Test;

/** Programs compiled by the AArch64 backend, linked by our linker and run under QEMU. */
class A64CodeGenQemuTest {

    /** fib(n) by recursion: calls, callee-saved registers, frames. */
    private static void fib(IrProgram p) {
        FunctionBuilder f = FunctionBuilder.begin(p, "fib", List.of(IrType.I64), IrType.I64, null, false);
        Reg n = f.param(0);
        Block small = f.newBlock("small");
        Block rec = f.newBlock("rec");
        f.branch(f.compare(Cond.SLT, n, Imm.i64(2)), small, rec);
        f.positionAt(small);
        f.ret(n);
        f.positionAt(rec);
        Reg a = f.call("fib", IrType.I64, List.of(f.sub(n, Imm.i64(1))), null);
        Reg b = f.call("fib", IrType.I64, List.of(f.sub(n, Imm.i64(2))), null);
        f.ret(f.add(a, b));
    }

    @Test
    void recursionLoopsMemoryAndNarrowArithmetic() throws Exception {
        IrProgram p = new IrProgram();
        fib(p);
        p.add(new IrGlobal("counter", IrGlobal.Section.DATA, 8, 8, new byte[] {5, 0, 0, 0, 0, 0, 0, 0}, List.of(), false));
        FunctionBuilder f = FunctionBuilder.begin(p, "main", List.of(), IrType.I32, null, true);
        // squares of 0..9 into a stack array, then summed back: 285
        SlotAddr arr = f.slot(80, 8, "squares");
        Reg i = f.newReg(IrType.I64);
        f.assign(i, Imm.i64(0));
        Block loop = f.newBlock("loop");
        Block body = f.newBlock("body");
        Block done = f.newBlock("done");
        f.jump(loop);
        f.positionAt(loop);
        f.branch(f.compare(Cond.SLT, i, Imm.i64(10)), body, done);
        f.positionAt(body);
        Reg addr = f.add(arr, f.mul(i, Imm.i64(8)));
        f.store(IrType.I64, addr, f.mul(i, i), false, null);
        f.assign(i, f.add(i, Imm.i64(1)));
        f.jump(loop);
        f.positionAt(done);
        Reg sum = f.newReg(IrType.I64);
        f.assign(sum, Imm.i64(0));
        for (int k = 0; k < 10; k++) {
            f.assign(sum, f.add(sum, f.load(IrType.I64, new SlotAddr(arr.slot(), 8L * k), null)));
        }
        // global counter: 5 + 7 = 12
        f.store(IrType.I64, new SymbolAddr("counter"), f.add(f.load(IrType.I64, new SymbolAddr("counter"), null), Imm.i64(7)), false, null);
        Reg counter = f.load(IrType.I64, new SymbolAddr("counter"), null);
        // i8: 100 + 100 wraps to -56; zero-extended back: 200; i16 division and remainder
        Reg wrapped = f.add(Imm.i8(100), Imm.i8(100));
        Reg asU8 = f.convert(ConvOp.ZEXT, IrType.I64, wrapped);
        Reg q = f.binary(BinOp.SDIV, Imm.i16(-300), Imm.i16(7));      // -42
        Reg r = f.binary(BinOp.UREM, Imm.i16(-300), Imm.i16(7));      // 65236 % 7 = 3
        Reg fib10 = f.call("fib", IrType.I64, List.of(Imm.i64(10)), null); // 55
        // 285 + 12 + 200 + (-42) + 3 + 55 = 513 -> & 0xff = 1; add 40 to get 41
        Reg total = f.add(f.add(f.add(f.add(f.add(sum, counter), asU8), f.convert(ConvOp.SEXT, IrType.I64, q)),
                f.convert(ConvOp.ZEXT, IrType.I64, r)), fib10);
        Reg status = f.sub(f.convert(ConvOp.TRUNC, IrType.I32, total), Imm.i32(513 - 41));
        f.ret(status);
        assertThat(QemuRunner.run(p)).contains(41);
    }

    @Test
    void switchSelectAndShifts() throws Exception {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "main", List.of(), IrType.I32, null, true);
        Reg x = f.copy(Imm.i32(3));
        Block a = f.newBlock("a");
        Block b = f.newBlock("b");
        Block other = f.newBlock("other");
        f.switchOn(x, List.of(new Terminator.Case(1, a.id()), new Terminator.Case(3, b.id()), new Terminator.Case(100000, a.id())), other);
        f.positionAt(a);
        f.ret(Imm.i32(1));
        f.positionAt(other);
        f.ret(Imm.i32(2));
        f.positionAt(b);
        Reg sel = f.select(f.compare(Cond.UGT, Imm.i8(-1), Imm.i8(1)), Imm.i32(16), Imm.i32(99)); // 0xff >u 1: 16
        Reg sh = f.binary(BinOp.LSHR, Imm.i8(-128), Imm.i8(4));   // 0x80 >>u 4 = 8
        Reg sa = f.binary(BinOp.ASHR, Imm.i8(-128), Imm.i8(4));   // -8
        Reg sl = f.binary(BinOp.SHL, Imm.i32(1), Imm.i32(33));    // shift mod 32: 2
        Reg sum = f.add(f.add(sel, f.convert(ConvOp.SEXT, IrType.I32, sh)), f.add(f.convert(ConvOp.SEXT, IrType.I32, sa), sl));
        f.ret(sum); // 16 + 8 - 8 + 2 = 18
        assertThat(QemuRunner.run(p)).contains(18);
    }

    @Test
    void loadsExtendAsAsked() throws Exception {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("bytes", IrGlobal.Section.RODATA, 4, 4, new byte[] {(byte) 0xf0, (byte) 0x80, 0, 0}, List.of(), false));
        FunctionBuilder f = FunctionBuilder.begin(p, "main", List.of(), IrType.I32, null, true);
        Reg z = f.load(IrType.I8, Ext.ZERO, IrType.I32, new SymbolAddr("bytes"), false, null);  // 240
        Reg s = f.load(IrType.I8, Ext.SIGN, IrType.I32, new SymbolAddr("bytes"), false, null);  // -16
        Reg h = f.load(IrType.I16, Ext.ZERO, IrType.I32, new SymbolAddr("bytes"), false, null); // 0x80f0
        Reg hs = f.binary(BinOp.LSHR, h, Imm.i32(8)); // 0x80 = 128
        Operand total = f.add(f.add(z, s), hs);        // 240 - 16 + 128 = 352 -> & 0xff = 96
        f.ret(total);
        assertThat(QemuRunner.run(p)).contains(96);
    }
}
