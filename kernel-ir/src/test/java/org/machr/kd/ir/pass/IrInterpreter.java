package org.machr.kd.ir.pass;

import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.Terminator;

/**
 * A reference interpreter for the IR subset the pass tests generate: arithmetic, compares, selects,
 * loads and stores on stack slots, direct calls, all terminators. The outcome of a call is its result
 * or {@code "panic: ..."}; it also counts executed instructions (terminators included).
 */
final class IrInterpreter {
    private static final long SLOT_SPACING = 1L << 20;
    private final IrProgram program;
    private long steps;
    private final long stepLimit;

    IrInterpreter(IrProgram program, long stepLimit) {
        this.program = program;
        this.stepLimit = stepLimit;
    }

    long steps() {
        return steps;
    }

    String outcome(String function, long... args) {
        try {
            return Long.toString(call(program.function(function), args));
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
    }

    static final class Panic extends RuntimeException {
        Panic(String message) {
            super(message, null, false, false);
        }
    }

    private long call(IrFunction f, long[] args) {
        long[] regs = new long[f.regCount()];
        for (int i = 0; i < args.length; i++) regs[f.params().get(i).id()] = f.params().get(i).type().canonical(args[i]);
        byte[][] slots = new byte[f.slots().size()][];
        for (int i = 0; i < slots.length; i++) slots[i] = new byte[(int) f.slots().get(i).size()];
        Block b = f.entry();
        while (true) {
            for (Insn insn : b.insns()) {
                tick();
                execute(insn, regs, slots);
            }
            tick();
            switch (b.terminator()) {
                case Terminator.Jump j -> b = f.block(j.target());
                case Terminator.Branch br -> b = f.block(value(br.cond(), regs) != 0 ? br.ifTrue() : br.ifFalse());
                case Terminator.Switch s -> {
                    long v = value(s.value(), regs);
                    int target = s.otherwise();
                    for (Terminator.Case c : s.cases()) if (c.value() == v) target = c.target();
                    b = f.block(target);
                }
                case Terminator.Return r -> {
                    return r.values().isEmpty() ? 0 : value(r.values().get(0), regs);
                }
                case Terminator.Unreachable u -> throw new Panic("reached unreachable");
            }
        }
    }

    private void tick() {
        if (++steps > stepLimit) throw new Panic("step limit");
    }

    private void execute(Insn insn, long[] regs, byte[][] slots) {
        switch (insn) {
            case Insn.Copy c -> regs[c.dst().id()] = value(c.src(), regs);
            case Insn.Binary b -> {
                try {
                    regs[b.dst().id()] = IrSemantics.binary(b.op(), b.dst().type(), value(b.a(), regs), value(b.b(), regs));
                } catch (RuntimeException e) {
                    throw new Panic("division by zero at line " + b.loc().line());
                }
            }
            case Insn.Unary u -> regs[u.dst().id()] = IrSemantics.unary(u.op(), u.dst().type(), value(u.a(), regs));
            case Insn.Convert c ->
                    regs[c.dst().id()] = IrSemantics.convert(c.op(), c.a().type(), c.dst().type(), value(c.a(), regs));
            case Insn.Compare c -> regs[c.dst().id()] =
                    IrSemantics.compare(c.cond(), c.a().type(), value(c.a(), regs), value(c.b(), regs)) ? 1 : 0;
            case Insn.Select s -> regs[s.dst().id()] = value(value(s.cond(), regs) != 0 ? s.ifTrue() : s.ifFalse(), regs);
            case Insn.Load l -> {
                long v = 0;
                long a = value(l.address(), regs);
                for (int i = l.memType().bytes() - 1; i >= 0; i--) v = v << 8 | (memory(slots, a + i)[0] & 0xFF);
                regs[l.dst().id()] = l.dst().type().canonical(v);
            }
            case Insn.Store s -> {
                long v = value(s.value(), regs);
                long a = value(s.address(), regs);
                for (int i = 0; i < s.memType().bytes(); i++) store(slots, a + i, (byte) (v >>> (8 * i)));
            }
            case Insn.Call c -> {
                IrFunction callee = program.function(((Callee.Direct) c.callee()).function());
                long[] args = c.args().stream().mapToLong(o -> value(o, regs)).toArray();
                long r = call(callee, args);
                if (!c.results().isEmpty()) regs[c.dst().id()] = r;
            }
            default -> throw new IllegalArgumentException("not interpreted: " + insn);
        }
    }

    private static byte[] memory(byte[][] slots, long address) {
        return new byte[] {slotBytes(slots, address)[(int) (address % SLOT_SPACING)]};
    }

    private static void store(byte[][] slots, long address, byte v) {
        slotBytes(slots, address)[(int) (address % SLOT_SPACING)] = v;
    }

    private static byte[] slotBytes(byte[][] slots, long address) {
        int slot = (int) (address / SLOT_SPACING) - 1;
        if (slot < 0 || slot >= slots.length || address % SLOT_SPACING >= slots[slot].length)
            throw new Panic("bad address " + address);
        return slots[slot];
    }

    private static long value(Operand o, long[] regs) {
        return switch (o) {
            case Reg r -> regs[r.id()];
            case Imm i -> i.value();
            case SlotAddr s -> (s.slot() + 1) * SLOT_SPACING + s.offset();
            default -> throw new IllegalArgumentException("not interpreted: " + o);
        };
    }

    static long[][] inputs() {
        return new long[][] {{0, 0}, {1, -1}, {-7, 3}, {5, 9}, {Long.MIN_VALUE, Integer.MAX_VALUE}, {123456789012L, -98765}};
    }

    static List<IrType> paramTypes() {
        return List.of(IrType.I64, IrType.I32);
    }
}
