package org.machr.kd.ir.pass;

import java.util.List;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;

/**
 * {@code fn f(dstOff, srcOff, n, dstLen) -> i64}: a 64-byte stack buffer holding {@code j*37+5} at
 * each {@code j}, then a byte loop shaped as the lowering emits {@code for i in 0..n { to[i] = from[i] }}
 * over {@code to = buf[dstOff..]}, {@code from = buf[srcOff..]} (the bounds check {@code i <u dstLen}
 * leaves for a "panic" block), then a checksum of the buffer combined with the index reached and
 * whether the check failed: the result shows every byte written and where the loop stopped.
 */
final class ByteLoopPrograms {
    static final Loc LOC = new Loc("copy.kd", 7);
    static final long FAILED = 1 << 20;

    enum Variant {
        COPY, FILL, COPY_UNCHECKED, VOLATILE_LOAD, VOLATILE_STORE, STRIDE_TWO, INDEX_SUMMED, STORES_INDEX,
        STORES_TWICE
    }

    private ByteLoopPrograms() {}

    static IrProgram program(Variant v) {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I64, IrType.I64, IrType.I64, IrType.I64),
                IrType.I64, LOC, false);
        Reg dstOff = b.param(0), srcOff = b.param(1), n = b.param(2), dstLen = b.param(3);
        SlotAddr buf = b.slot(64, 16, "buf");
        Reg j = b.copy(Imm.i64(0));
        Block init = b.newBlock("init");
        b.jump(init);
        b.positionAt(init);
        b.store(IrType.I8, b.add(buf, j), b.add(b.mul(j, Imm.i64(37)), Imm.i64(5)), false, LOC);
        b.assign(j, b.add(j, Imm.i64(1)));
        Block setup = b.newBlock("setup");
        b.branch(b.compare(Cond.ULT, j, Imm.i64(64)), init, setup);

        b.positionAt(setup);
        Reg to = b.add(buf, dstOff);
        Reg from = b.add(buf, srcOff);
        Operand fill = b.convert(ConvOp.TRUNC, IrType.I8, srcOff);
        Reg i = b.copy(Imm.i64(0));
        Reg sum = b.copy(Imm.i64(0));
        Reg flag = b.newReg(IrType.I64);
        Block head = b.newBlock("for.body"), latch = b.newBlock("check.ok"), fail = b.newBlock("check.fail");
        Block done = b.newBlock("for.end"), report = b.newBlock("report");
        b.branch(b.compare(Cond.ULT, Imm.i64(0), n), head, done);

        b.positionAt(head);
        Reg at = b.copy(i);
        Reg loaded = v == Variant.FILL ? null
                : b.load(IrType.I8, Ext.ZERO, IrType.I8, b.add(from, i), v == Variant.VOLATILE_LOAD, LOC);
        if (v == Variant.COPY_UNCHECKED) b.jump(latch);
        else b.branch(b.compare(Cond.ULT, at, dstLen), latch, fail);

        b.positionAt(latch);
        Operand value = switch (v) {
            case FILL -> fill;
            case STORES_INDEX -> b.convert(ConvOp.TRUNC, IrType.I8, at);
            default -> loaded;
        };
        b.store(IrType.I8, b.add(to, at), value, v == Variant.VOLATILE_STORE, LOC);
        if (v == Variant.STORES_TWICE) b.store(IrType.I8, b.add(from, at), value, false, LOC);
        if (v == Variant.INDEX_SUMMED) b.assign(sum, b.add(sum, at));
        b.assign(i, b.add(i, Imm.i64(v == Variant.STRIDE_TWO ? 2 : 1)));
        b.branch(b.compare(Cond.ULT, i, n), head, done);

        b.positionAt(fail);
        b.assign(flag, Imm.i64(FAILED));
        b.jump(report);
        b.positionAt(done);
        b.assign(flag, Imm.i64(0));
        b.jump(report);

        b.positionAt(report);
        Reg hash = b.copy(Imm.i64(0));
        Reg k = b.copy(Imm.i64(0));
        Block sumUp = b.newBlock("checksum"), end = b.newBlock("end");
        b.jump(sumUp);
        b.positionAt(sumUp);
        Reg byteAt = b.load(IrType.I8, Ext.ZERO, IrType.I64, b.add(buf, k), false, LOC);
        b.assign(hash, b.add(b.mul(hash, Imm.i64(31)), byteAt));
        b.assign(k, b.add(k, Imm.i64(1)));
        b.branch(b.compare(Cond.ULT, k, Imm.i64(64)), sumUp, end);
        b.positionAt(end);
        Reg result = b.add(b.add(b.binary(BinOp.SHL, hash, Imm.i64(21)), b.add(i, flag)), b.binary(BinOp.MUL, sum, Imm.i64(7)));
        b.ret(result);
        return p;
    }
}
