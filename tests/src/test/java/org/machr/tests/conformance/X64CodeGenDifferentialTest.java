package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.UnOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The x86_64 backend against the IR's own semantics, with the generator of the AArch64 backend's
 * differential test. The backend against the IR's own semantics ({@link IrSemantics}): a random program of 400 operations
 * on all four widths (binary, unary, conversions, comparisons, selects, values passed through calls and
 * stack memory, many live at once so the allocator spills) checks every result against the value
 * {@code IrSemantics} computes; {@code main} returns 100 if all agree, else the number of the first
 * wrong one (at most 99: statuses above 111 do not survive the isa-debug-exit encoding). One QEMU run per program.
 */
class X64CodeGenDifferentialTest {

    @TempDir
    java.nio.file.Path dir;

    private record Value(Operand op, long expected) {}

    private static IrProgram program(long seed, List<String> log) {
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
                boolean holds = compare(c, t, a.expected(), b.expected());
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
            f.ret(Imm.i32(Math.min(k + 1, 99)));
            f.positionAt(ok);
        }
        f.ret(Imm.i32(100));
        // The entry the boot file calls: main's status straight to isa-debug-exit.
        p.add(new org.machr.kd.ir.ExternDecl("machr_exit", new org.machr.kd.ir.Signature(List.of(IrType.I32), List.<IrType>of())));
        FunctionBuilder start = FunctionBuilder.begin(p, "_kd_start", List.of(), null, null, true);
        Reg status = start.call("main", IrType.I32, List.of(), null);
        start.callExtern("machr_exit", null, List.of(status), null);
        start.ret(List.of());
        p.setEntry("_kd_start");
        return p;
    }

    private static boolean compare(Cond c, IrType t, long a, long b) {
        long ua = t.unsigned(a), ub = t.unsigned(b);
        return switch (c) {
            case EQ -> a == b;
            case NE -> a != b;
            case SLT -> a < b;
            case SLE -> a <= b;
            case SGT -> a > b;
            case SGE -> a >= b;
            case ULT -> Long.compareUnsigned(ua, ub) < 0;
            case ULE -> Long.compareUnsigned(ua, ub) <= 0;
            case UGT -> Long.compareUnsigned(ua, ub) > 0;
            case UGE -> Long.compareUnsigned(ua, ub) >= 0;
        };
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

    @Test
    void randomProgramsAgreeWithIrSemantics() throws Exception {
        assumeTrue(ToolLookup.missing(X64Target.QEMU).isEmpty(), "qemu-system-x86_64 not found");
        for (long seed : new long[] {1, 2, 3, 4, 5, 6}) {
            List<String> log = new ArrayList<>();
            IrProgram p = program(seed, log);
            Diagnostics d = new Diagnostics();
            X64Build.Image image = X64Build.buildImage(p, ConformanceTest.root().resolve("runtime"), d)
                    .orElseThrow(() -> new AssertionError(d.renderAll()));
            java.nio.file.Path file = dir.resolve("diff" + seed + ".elf");
            java.nio.file.Files.write(file, image.image());
            Target.Outcome outcome = X64Target.boot(file);
            int status = outcome.status();
            assertThat(status).as("seed %d: first wrong check %s", seed, status >= 1 && status <= log.size() ? log.get(status - 1) : "?")
                    .isEqualTo(100);
        }
    }
}
