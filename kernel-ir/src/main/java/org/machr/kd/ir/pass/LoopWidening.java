package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.List;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Widens byte-copy and byte-fill loops ({@link ByteLoop}): in front of the loop goes a loop that
 * moves 8 bytes per iteration with i64 loads and stores, entered only when the destination (and the
 * source) at the current index are 8-byte aligned and stopping before any group of 8 iterations in
 * which an exit test of the byte loop would fire. The byte loop then runs unchanged from the index
 * reached, finishing the tail and panicking where it would have. Aligned source and destination
 * differ by a multiple of 8, so a forward-overlapping copy (destination 1..7 bytes after the source,
 * where an 8-byte move would read bytes the byte loop had already overwritten) never takes the wide
 * loop; at any other distance the 8-byte moves, done in the byte loop's order, leave the same bytes.
 */
public final class LoopWidening implements Pass {
    static final String WIDE_LOOP = "widen.body";
    private static final long BYTES = 8;

    @Override
    public String name() {
        return "widen";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        if (!hasByteStore(f)) return false;
        Cfg cfg = analyses.cfg();
        Liveness liveness = null;
        List<ByteLoop> loops = new ArrayList<>();
        for (Cfg.Loop loop : cfg.loops()) {
            if (alreadyWidened(f, cfg, loop)) continue;
            if (liveness == null) liveness = new Liveness(f);
            ByteLoop match = ByteLoop.match(f, loop, liveness);
            if (match != null) loops.add(match);
        }
        for (ByteLoop loop : loops) widen(f, cfg, loop);
        return !loops.isEmpty();
    }

    private static boolean hasByteStore(IrFunction f) {
        for (Block b : f.blocks())
            for (Insn i : b.insns())
                if (i instanceof Insn.Store s && s.memType() == IrType.I8 && !s.isVolatile()) return true;
        return false;
    }

    private static boolean alreadyWidened(IrFunction f, Cfg cfg, Cfg.Loop loop) {
        for (int p : cfg.preds(loop.header()))
            if (!loop.body().get(p) && WIDE_LOOP.equals(f.block(p).hint())) return true;
        return false;
    }

    private static void widen(IrFunction f, Cfg cfg, ByteLoop loop) {
        Block header = loop.header();
        Block guard = f.newBlock("widen.guard");
        Block body = f.newBlock(WIDE_LOOP);
        List<Block> layout = f.blocks();
        layout.remove(guard);
        layout.remove(body);
        int at = layout.indexOf(header);
        layout.add(at, body);
        layout.add(at, guard);
        for (int p : cfg.preds(header.id())) {
            Block pred = f.block(p);
            if (loop.body().get(p)) continue;
            pred.setTerminator(pred.terminator().mapTargets(t -> t == header.id() ? guard.id() : t));
        }
        Emitter g = new Emitter(f, guard);
        Reg i = loop.index();
        Operand aligned = g.cmp(Cond.EQ, g.op(BinOp.AND, g.alignmentBits(loop), Imm.i64(BYTES - 1)), Imm.i64(0));
        Operand last = null;
        for (ByteLoop.Bound bound : loop.bounds()) {
            Imm reserve = Imm.i64(BYTES + bound.after());
            aligned = g.op(BinOp.AND, aligned, g.cmp(Cond.UGE, bound.limit(), reserve));
            Operand start = g.op(BinOp.SUB, bound.limit(), reserve);
            last = last == null ? start : g.select(g.cmp(Cond.ULT, start, last), start, last);
        }
        Operand lastStart = last;
        Operand enter = g.op(BinOp.AND, aligned, g.cmp(Cond.ULE, i, lastStart));
        Operand pattern = loop.src() == null ? g.repeatedByte(loop.fill()) : null;
        guard.setTerminator(new Terminator.Branch(enter, body.id(), header.id()));

        Emitter w = new Emitter(f, body);
        Operand value = pattern != null ? pattern
                : w.load(w.address(loop.src(), i, loop.offset()), loop.load());
        body.insns().add(new Insn.Store(IrType.I64, w.address(loop.dst(), i, loop.offset()), value, false,
                loop.store().loc()));
        body.insns().add(new Insn.Binary(i, BinOp.ADD, i, Imm.i64(BYTES), null));
        body.setTerminator(new Terminator.Branch(w.cmp(Cond.ULE, i, lastStart), body.id(), header.id()));
    }

    /** Appends computations to one block. */
    private record Emitter(IrFunction f, Block block) {
        Reg op(BinOp op, Operand a, Operand b) {
            Reg d = f.newReg(a.type());
            block.insns().add(new Insn.Binary(d, op, a, b, null));
            return d;
        }

        Reg cmp(Cond cond, Operand a, Operand b) {
            Reg d = f.newReg(IrType.BOOL);
            block.insns().add(new Insn.Compare(d, cond, a, b));
            return d;
        }

        Reg select(Operand cond, Operand a, Operand b) {
            Reg d = f.newReg(a.type());
            block.insns().add(new Insn.Select(d, cond, a, b));
            return d;
        }

        Reg address(Operand base, Reg index, long offset) {
            Reg a = op(BinOp.ADD, base, index);
            return offset == 0 ? a : op(BinOp.ADD, a, Imm.i64(offset));
        }

        /** The low bits that must be zero: those of the destination address, or of both addresses. */
        Reg alignmentBits(ByteLoop loop) {
            Reg dst = address(loop.dst(), loop.index(), loop.offset());
            return loop.src() == null ? dst : op(BinOp.OR, dst, address(loop.src(), loop.index(), loop.offset()));
        }

        Reg load(Operand address, Insn.Load original) {
            Reg d = f.newReg(IrType.I64);
            block.insns().add(new Insn.Load(d, IrType.I64, Ext.ZERO, address, false, original.loc()));
            return d;
        }

        /** The low byte of {@code fill} in each of the 8 bytes of an i64. */
        Operand repeatedByte(Operand fill) {
            long ones = 0x0101010101010101L;
            if (fill instanceof Imm imm) return Imm.i64((imm.value() & 0xFF) * ones);
            Operand b = fill.type() == IrType.I8 ? fill : convert(ConvOp.TRUNC, IrType.I8, fill);
            return op(BinOp.MUL, convert(ConvOp.ZEXT, IrType.I64, b), Imm.i64(ones));
        }

        private Reg convert(ConvOp op, IrType to, Operand a) {
            Reg d = f.newReg(to);
            block.insns().add(new Insn.Convert(d, op, a));
            return d;
        }
    }
}
