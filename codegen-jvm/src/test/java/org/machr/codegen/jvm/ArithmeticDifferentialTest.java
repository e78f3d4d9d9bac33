package org.machr.codegen.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.UnOp;
import org.junit.jupiter.api.Test;

/**
 * Every arithmetic, compare and conversion operation at every width, compiled to bytecode and run,
 * against the reference semantics of {@link IrSemantics} on edge values and seeded random values.
 */
class ArithmeticDifferentialTest {
    private static final Loc LOC = new Loc("arith.kd", 7);

    private static List<Long> values(IrType t) {
        List<Long> v = new ArrayList<>(List.of(0L, 1L, -1L, 2L, -2L, 7L, -7L, 3L, 31L, 32L, 63L, 64L, 255L, 65535L,
                (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE));
        Random r = new Random(42 + t.ordinal());
        for (int i = 0; i < 14; i++) v.add(r.nextLong() >> r.nextInt(64));
        return v.stream().map(t::canonical).distinct().toList();
    }

    private static String name(Object op, IrType t) {
        return op + "_" + t.text();
    }

    @Test
    void binaryOperationsMatchReferenceSemantics() {
        IrProgram p = new IrProgram();
        for (IrType t : IrType.values())
            for (BinOp op : BinOp.values()) {
                var b = FunctionBuilder.begin(p, name(op, t), List.of(t, t), t, LOC, false);
                b.ret(b.binary(op, b.param(0), b.param(1), LOC));
            }
        HostedProgram hp = JvmBackend.compile(p);
        int checked = 0;
        try (var s = hp.session(new PrintStream(new ByteArrayOutputStream()))) {
            for (IrType t : IrType.values())
                for (BinOp op : BinOp.values())
                    for (long a : values(t))
                        for (long b : values(t)) {
                            if (op.canPanic() && t.unsigned(b) == 0) {
                                assertThatThrownBy(() -> s.call(name(op, t), a, b)).isInstanceOf(HostedPanic.class)
                                        .satisfies(e -> assertThat(s.describe((HostedPanic) e))
                                                .isEqualTo("panic: division by zero at arith.kd:7"));
                                continue;
                            }
                            long expected = IrSemantics.binary(op, t, a, b);
                            assertThat(s.call(name(op, t), a, b)).as("%s %s %d %d", op, t, a, b).isEqualTo(expected);
                            checked++;
                        }
        }
        assertThat(checked).isGreaterThan(20_000);
    }

    @Test
    void unaryComparesAndConversionsMatchReferenceSemantics() {
        IrProgram p = new IrProgram();
        for (IrType t : IrType.values()) {
            for (UnOp op : UnOp.values()) {
                var b = FunctionBuilder.begin(p, name(op, t), List.of(t), t, LOC, false);
                b.ret(b.unary(op, b.param(0)));
            }
            for (Cond c : Cond.values()) {
                var b = FunctionBuilder.begin(p, name(c, t), List.of(t, t), IrType.I8, LOC, false);
                b.ret(b.compare(c, b.param(0), b.param(1)));
            }
            for (IrType to : IrType.values())
                for (ConvOp op : ConvOp.values()) {
                    if (op == ConvOp.TRUNC ? to.bits() > t.bits() : to.bits() < t.bits()) continue;
                    var b = FunctionBuilder.begin(p, name(op, t) + "_" + to.text(), List.of(t), to, LOC, false);
                    b.ret(b.convert(op, to, b.param(0)));
                }
        }
        HostedProgram hp = JvmBackend.compile(p);
        try (var s = hp.session(new PrintStream(new ByteArrayOutputStream()))) {
            for (IrType t : IrType.values())
                for (long a : values(t)) {
                    for (UnOp op : UnOp.values())
                        assertThat(s.call(name(op, t), a)).isEqualTo(IrSemantics.unary(op, t, a));
                    for (Cond c : Cond.values())
                        for (long b : values(t))
                            assertThat(s.call(name(c, t), a, b)).as("%s %s %d %d", c, t, a, b)
                                    .isEqualTo(IrSemantics.compare(c, t, a, b) ? 1 : 0);
                    for (IrType to : IrType.values())
                        for (ConvOp op : ConvOp.values()) {
                            if (op == ConvOp.TRUNC ? to.bits() > t.bits() : to.bits() < t.bits()) continue;
                            assertThat(s.call(name(op, t) + "_" + to.text(), a)).as("%s %s->%s %d", op, t, to, a)
                                    .isEqualTo(IrSemantics.convert(op, t, to, a));
                        }
                }
        }
    }
}
