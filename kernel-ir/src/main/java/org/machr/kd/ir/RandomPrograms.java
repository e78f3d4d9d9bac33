package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random programs for backend differential tests: 400 operations on all four widths (binary, unary,
 * conversions, comparisons, selects, values passed through calls and stack memory, many live at once so
 * a register allocator spills), each result checked against the value {@link IrSemantics} computes.
 * A backend passes when the compiled {@code main} returns the pass status.
 */
public final class RandomPrograms {

    private RandomPrograms() {}

    private record Value(Operand op, long expected) {}


    /**
     * A program whose {@code main} returns {@code passStatus} when every check holds, else the number of
     * the first failing check (at most {@code passStatus - 1}); {@code log} receives one line per check.
     */
    public static IrProgram checks(long seed, List<String> log, int passStatus) {
        Random rnd = new Random(seed);
        IrProgram p = new IrProgram();
        FunctionBuilder id = FunctionBuilder.begin(p, "identity", List.of(IrType.I64, IrType.I64), IrType.I64, null, false);
        id.ret(id.param(0));
        FunctionBuilder f = FunctionBuilder.begin(p, "main", List.of(), IrType.I32, null, true);
        SlotAddr mem = f.slot(8, 8, "mem");
        Map<IrType, List<Value>> pool = new EnumMap<>(IrType.class);
        IrType[] types = IrType.values();
        for (IrType t : types) {
            pool.put(t, new ArrayList<>());
            for (int k = 0; k < 3; k++) {
                long v = t.canonical(interesting(rnd));
                pool.get(t).add(new Value(f.copy(new Imm(t, v)), v));
            }
        }
        List<Value> checks = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            IrType t = types[rnd.nextInt(types.length)];
            List<Value> vs = pool.get(t);
            Value a = pick(rnd, vs, t);
            Value b = pick(rnd, vs, t);
            Value r;
            int kind = rnd.nextInt(10);
            if (kind < 5) {
                BinOp op = BinOp.values()[rnd.nextInt(BinOp.values().length)];
                if (op.canPanic() && t.unsigned(b.expected()) == 0) b = new Value(new Imm(t, 3), 3);
                r = new Value(f.binary(op, a.op(), b.op()), IrSemantics.binary(op, t, a.expected(), b.expected()));
                log.add(op + " " + t + " " + a.expected() + " " + b.expected());
            } else if (kind == 5) {
                UnOp op = UnOp.values()[rnd.nextInt(2)];
                r = new Value(f.unary(op, a.op()), IrSemantics.unary(op, t, a.expected()));
                log.add(op + " " + t + " " + a.expected());
            } else if (kind == 6) {
                IrType to = types[rnd.nextInt(types.length)];
                ConvOp op = to.bits() > t.bits() ? (rnd.nextBoolean() ? ConvOp.ZEXT : ConvOp.SEXT) : to.bits() < t.bits() ? ConvOp.TRUNC : null;
                if (op == null) continue;
                long v = switch (op) {
                    case ZEXT -> to.canonical(t.unsigned(a.expected()));
                    case SEXT -> to.canonical(a.expected());
                    case TRUNC -> to.canonical(a.expected());
                };
                Value c = new Value(f.convert(op, to, a.op()), v);
                pool.get(to).add(c);
                checks.add(c);
                log.add(op + " " + t + "->" + to + " " + a.expected());
                continue;
            } else if (kind == 7) {
                Cond c = Cond.values()[rnd.nextInt(Cond.values().length)];
                boolean holds = IrSemantics.compare(c, t, a.expected(), b.expected());
                Value cv = new Value(f.compare(c, a.op(), b.op()), holds ? 1 : 0);
                checks.add(cv);
                r = new Value(f.select(cv.op(), a.op(), b.op()), holds ? a.expected() : b.expected());
                log.add("cmp/select " + c + " " + t + " " + a.expected() + " " + b.expected());
            } else if (kind == 8) {
                Reg wide = f.convert(t == IrType.I64 ? ConvOp.SEXT : ConvOp.SEXT, IrType.I64, a.op());
                if (t == IrType.I64) wide = f.copy(a.op());
                Reg back = f.call("identity", IrType.I64, List.of(wide, Imm.i64(0)), null);
                Reg narrowed = t == IrType.I64 ? back : f.convert(ConvOp.TRUNC, t, back);
                r = new Value(narrowed, a.expected());
                log.add("call " + t + " " + a.expected());
            } else {
                f.store(t, mem, a.op(), false, null);
                r = new Value(f.load(t, mem, null), a.expected());
                log.add("memory " + t + " " + a.expected());
            }
            vs.add(r);
            checks.add(r);
        }
        for (int k = 0; k < checks.size(); k++) {
            Value c = checks.get(k);
            Block ok = f.newBlock("ok" + k);
            Block bad = f.newBlock("bad" + k);
            f.branch(f.compare(Cond.EQ, c.op(), new Imm(c.op().type(), c.expected())), ok, bad);
            f.positionAt(bad);
            f.ret(Imm.i32(Math.min(k + 1, passStatus - 1)));
            f.positionAt(ok);
        }
        f.ret(Imm.i32(passStatus));
        return p;
    }

    private static Value pick(Random rnd, List<Value> vs, IrType t) {
        if (rnd.nextInt(5) == 0) {
            long v = t.canonical(interesting(rnd));
            return new Value(new Imm(t, v), v);
        }
        return vs.get(rnd.nextInt(vs.size()));
    }

    private static long interesting(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextInt(9) - 4;
            case 1 -> Long.MIN_VALUE;
            case 2 -> Long.MAX_VALUE;
            case 3 -> rnd.nextInt(70);
            case 4 -> 0x80L << (8 * rnd.nextInt(4));
            default -> rnd.nextLong();
        };
    }
}
