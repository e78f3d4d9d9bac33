package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;

/**
 * Random structured functions {@code f(i64, i32) -> i64} with nested counted and while loops over
 * variables assigned in several places, repeated bounds-check-like compares with early returns,
 * masked indexes into a stack array, divisions that may panic and loop-invariant arithmetic: the
 * shapes the loop passes transform. Every loop terminates.
 */
final class LoopPrograms {
    private static final Cond[] LOOP_CONDS = {Cond.SLT, Cond.ULT, Cond.NE, Cond.SLE};
    private final Random rnd;
    private final FunctionBuilder b;
    private final List<Reg> vars = new ArrayList<>();
    private final List<Reg> loopCounters = new ArrayList<>();
    private final SlotAddr array;
    private int line = 1;

    private LoopPrograms(IrProgram p, String name, long seed) {
        rnd = new Random(seed);
        b = FunctionBuilder.begin(p, name, IrInterpreter.paramTypes(), IrType.I64, loc(), false);
        array = b.slot(64, 8, "array");
        Reg x = b.newReg(IrType.I64);
        b.assign(x, b.param(0));
        Reg y = b.newReg(IrType.I64);
        b.assign(y, b.convert(ConvOp.SEXT, IrType.I64, b.param(1)));
        vars.add(x);
        vars.add(y);
        for (int k = 0; k < 2; k++) {
            Reg v = b.newReg(IrType.I64);
            b.assign(v, Imm.i64(rnd.nextInt(20) - 5));
            vars.add(v);
        }
    }

    static void add(IrProgram p, String name, long seed) {
        LoopPrograms g = new LoopPrograms(p, name, seed);
        g.statements(0, 6);
        Reg sum = g.b.add(g.vars.get(0), g.vars.get(1));
        for (int k = 2; k < g.vars.size(); k++) sum = g.b.binary(BinOp.XOR, sum, g.vars.get(k));
        g.b.ret(sum);
    }

    private Loc loc() {
        return new Loc("gen.kd", line++);
    }

    private void statements(int depth, int count) {
        for (int n = 0; n < count; n++) {
            int kind = rnd.nextInt(depth >= 2 ? 5 : 8);
            switch (kind) {
                case 0, 1 -> arithmetic();
                case 2 -> bounded();
                case 3 -> memory();
                case 4 -> ifElse(depth);
                default -> loop(depth);
            }
        }
    }

    private Operand operand() {
        List<Reg> readable = new ArrayList<>(vars);
        readable.addAll(loopCounters);
        return rnd.nextInt(4) == 0 ? Imm.i64(rnd.nextInt(17) - 8) : readable.get(rnd.nextInt(readable.size()));
    }

    private Reg target() {
        return vars.get(rnd.nextInt(vars.size()));
    }

    private void arithmetic() {
        BinOp[] ops = {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.XOR, BinOp.AND, BinOp.SHL, BinOp.LSHR, BinOp.SDIV, BinOp.UREM};
        BinOp op = ops[rnd.nextInt(ops.length)];
        Reg t = b.binary(op, operand(), operand(), op.canPanic() ? loc() : null);
        if (rnd.nextBoolean()) t = b.binary(BinOp.ADD, t, operand());         // a temporary, then a copy
        b.assign(target(), t);
    }

    /** {@code if v <u N} twice (the second decided by the first), with an early return when out of range. */
    private void bounded() {
        Operand v = operand();
        long n = 1 + rnd.nextInt(12);
        Block ok = b.newBlock("check.ok");
        Block fail = b.newBlock("check.fail");
        b.branch(b.compare(Cond.ULT, v, Imm.i64(n)), ok, fail);
        b.positionAt(fail);
        b.ret(Imm.i64(-1000 - line));
        b.positionAt(ok);
        Cond again = new Cond[] {Cond.ULT, Cond.ULE, Cond.UGE, Cond.NE, Cond.SLT}[rnd.nextInt(5)];
        Reg c = b.compare(again, v, Imm.i64(n + rnd.nextInt(3) - 1));
        b.assign(target(), b.convert(ConvOp.ZEXT, IrType.I64, c));
    }

    /** A store and a load at a masked index into the stack array. */
    private void memory() {
        Reg index = b.binary(BinOp.AND, operand(), Imm.i64(7));
        Reg offset = b.mul(index, Imm.i64(8));
        Reg address = b.add(array, offset);
        if (rnd.nextBoolean()) b.store(IrType.I64, address, operand(), false, loc());
        else b.assign(target(), b.load(IrType.I64, address, loc()));
    }

    private void ifElse(int depth) {
        Block then = b.newBlock("if.then");
        Block otherwise = b.newBlock("if.else");
        Block end = b.newBlock("if.end");
        b.branch(b.compare(Cond.values()[rnd.nextInt(Cond.values().length)], operand(), operand()), then, otherwise);
        b.positionAt(then);
        statements(depth + 1, 1 + rnd.nextInt(2));
        b.jump(end);
        b.positionAt(otherwise);
        statements(depth + 1, rnd.nextInt(2));
        b.jump(end);
        b.positionAt(end);
    }

    /** {@code i = start; while i cond limit { body; i += 1 }}, with invariant arithmetic in the body. */
    private void loop(int depth) {
        Reg i = b.newReg(IrType.I64);
        int start = rnd.nextInt(3);
        int limit = start + rnd.nextInt(5);
        b.assign(i, Imm.i64(start));
        Operand invariantBase = operand();
        Block head = b.newBlock("while.head");
        Block body = b.newBlock("while.body");
        Block exit = b.newBlock("while.exit");
        b.jump(head);
        b.positionAt(head);
        b.branch(b.compare(LOOP_CONDS[rnd.nextInt(LOOP_CONDS.length)], i, Imm.i64(limit)), body, exit);
        b.positionAt(body);
        loopCounters.add(i);
        if (rnd.nextBoolean()) {
            Reg inv = b.mul(vars.get(1), Imm.i64(3 + rnd.nextInt(5)));        // invariant unless vars[1] changes
            b.assign(target(), b.add(b.binary(BinOp.XOR, inv, invariantBase), i));
        }
        if (rnd.nextBoolean()) {                                          // the head's test, again
            Block ok = b.newBlock("check.ok");
            Block fail = b.newBlock("check.fail");
            b.branch(b.compare(Cond.ULT, i, Imm.i64(limit + 1)), ok, fail);
            b.positionAt(fail);
            b.ret(Imm.i64(-2000 - line));
            b.positionAt(ok);
        }
        statements(depth + 1, 1 + rnd.nextInt(3));
        loopCounters.remove(i);
        b.assign(i, b.add(i, Imm.i64(1)));
        b.jump(head);
        b.positionAt(exit);
    }
}
