package org.machr.kd.lower;

import java.util.List;
import org.machr.kd.check.Type;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;

/** Reading, writing, copying and zeroing KD values in memory, by their layout. */
final class MemOps {

    /** Aggregates up to this many bytes are copied with straight-line loads and stores. */
    private static final long UNROLL_LIMIT = 128;

    private final FunctionBuilder b;

    MemOps(FunctionBuilder b) {
        this.b = b;
    }

    Operand offset(Operand address, long offset) {
        if (offset == 0) return address;
        return b.add(address, Imm.i64(offset));
    }

    Value load(Operand address, Type t, Loc loc) {
        if (t instanceof Type.Slice) {
            Reg ptr = b.load(IrType.I64, address, loc);
            Reg len = b.load(IrType.I64, offset(address, 8), loc);
            return new Value.SliceValue(ptr, len);
        }
        if (Layout.isAggregate(t)) return new Value.Memory(address);
        IrType ir = Layout.ir(t);
        return new Value.Scalar(b.load(ir, Layout.signed(t) ? Ext.SIGN : Ext.ZERO, ir, address, false, loc));
    }

    void store(Operand address, Type t, Value v, Loc loc) {
        switch (v) {
            case Value.Scalar s -> b.store(Layout.ir(t), address, s.op(), false, loc);
            case Value.SliceValue s -> {
                b.store(IrType.I64, address, s.ptr(), false, loc);
                b.store(IrType.I64, offset(address, 8), s.len(), false, loc);
            }
            case Value.Memory m -> copy(address, m.address(), Layout.size(t), Layout.align(t), loc);
            case Value.None n -> throw new IllegalStateException("storing nothing");
        }
    }

    /** Copies {@code size} bytes; both addresses are aligned to {@code align}. */
    void copy(Operand to, Operand from, long size, int align, Loc loc) {
        int chunk = Math.min(8, align);
        if (size <= UNROLL_LIMIT) {
            long at = 0;
            while (at < size) {
                int w = chunk;
                while (at + w > size) w /= 2;
                IrType t = IrType.ofBytes(w);
                Reg v = b.load(t, offset(from, at), loc);
                b.store(t, offset(to, at), v, false, loc);
                at += w;
            }
            return;
        }
        loop(size, chunk, loc, (i, t) -> {
            Reg v = b.load(t, b.add(from, i), loc);
            b.store(t, b.add(to, i), v, false, loc);
        });
    }

    void zero(Operand to, long size, int align, Loc loc) {
        int chunk = Math.min(8, align);
        if (size <= UNROLL_LIMIT) {
            long at = 0;
            while (at < size) {
                int w = chunk;
                while (at + w > size) w /= 2;
                IrType t = IrType.ofBytes(w);
                b.store(t, offset(to, at), new Imm(t, 0), false, loc);
                at += w;
            }
            return;
        }
        loop(size, chunk, loc, (i, t) -> b.store(t, b.add(to, i), new Imm(t, 0), false, loc));
    }

    private interface Step {
        void at(Reg index, IrType type);
    }

    /** A loop over the byte offsets {@code 0, chunk, 2·chunk, …} below {@code size} (size is a multiple of chunk). */
    private void loop(long size, int chunk, Loc loc, Step step) {
        IrType t = IrType.ofBytes(chunk);
        Reg i = b.newReg(IrType.I64);
        b.assign(i, Imm.i64(0));
        var head = b.newBlock("copy.head");
        var body = b.newBlock("copy.body");
        var done = b.newBlock("copy.done");
        b.jump(head);
        b.positionAt(head);
        b.branch(b.compare(Cond.ULT, i, Imm.i64(size)), body, done);
        b.positionAt(body);
        step.at(i, t);
        b.assign(i, b.binary(BinOp.ADD, i, Imm.i64(chunk)));
        b.jump(head);
        b.positionAt(done);
    }

    /** Operands of a value as call arguments: one for a scalar, two for a slice. */
    static List<Operand> flatten(Value v) {
        return switch (v) {
            case Value.Scalar s -> List.of(s.op());
            case Value.SliceValue s -> List.of(s.ptr(), s.len());
            case Value.Memory m -> List.of(m.address());
            case Value.None n -> List.of();
        };
    }
}
