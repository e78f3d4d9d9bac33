package org.machr.codegen.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.UnOp;
import org.machr.kd.ir.pass.PassPipeline;
import org.junit.jupiter.api.Test;

/**
 * The optimisation passes must not change behaviour: random functions (registers assigned several
 * times, constants, branches, divisions that may panic) run on the hosted machine before and after
 * the pipeline, which verifies the IR after every pass, must give the same result or the same panic.
 */
class PassDifferentialTest {
    private static final int FUNCTIONS = 60;
    private static final IrType[] TYPES = {IrType.I8, IrType.I32, IrType.I64};

    private record Gen(Random rnd, FunctionBuilder b, List<Reg> vars) {
        Operand operand(IrType t) {
            List<Reg> ofType = vars.stream().filter(r -> r.type() == t).toList();
            if (ofType.isEmpty() || rnd.nextInt(4) == 0) {
                long[] interesting = {0, 1, -1, 2, 7, 31, 32, 63, 64, 255, Integer.MIN_VALUE, Long.MIN_VALUE};
                return new Imm(t, rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : rnd.nextLong());
            }
            return ofType.get(rnd.nextInt(ofType.size()));
        }

        Reg someVar() {
            return vars.get(rnd.nextInt(vars.size()));
        }

        void instruction(Loc loc) {
            Reg dst = someVar();
            IrType t = dst.type();
            Operand value = switch (rnd.nextInt(6)) {
                case 0 -> operand(t);
                case 1, 2 -> b.binary(BinOp.values()[rnd.nextInt(BinOp.values().length)], operand(t), operand(t), loc);
                case 3 -> b.unary(UnOp.values()[rnd.nextInt(2)], operand(t));
                case 4 -> {
                    IrType from = TYPES[rnd.nextInt(TYPES.length)];
                    ConvOp op = from.bits() > t.bits() ? ConvOp.TRUNC : rnd.nextBoolean() ? ConvOp.SEXT : ConvOp.ZEXT;
                    yield b.convert(op, t, operand(from));
                }
                default -> b.select(b.compare(Cond.values()[rnd.nextInt(Cond.values().length)], operand(t), operand(t)),
                        operand(t), operand(t));
            };
            b.assign(dst, value);
        }
    }

    private static void randomFunction(IrProgram p, String name, long seed) {
        Random rnd = new Random(seed);
        Loc loc = new Loc("gen.kd", (int) (seed % 1000) + 1);
        FunctionBuilder b = FunctionBuilder.begin(p, name, List.of(IrType.I64, IrType.I32), IrType.I64, loc, false);
        List<Reg> vars = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Reg v = b.newReg(TYPES[i % TYPES.length]);
            b.assign(v, b.resize(i % 2 == 0 ? b.param(0) : b.param(1), v.type(), true));
            vars.add(v);
        }
        Gen g = new Gen(rnd, b, vars);
        int blocks = 2 + rnd.nextInt(6);
        List<Block> order = new ArrayList<>();
        for (int i = 0; i < blocks; i++) order.add(b.newBlock("g" + i));
        b.jump(order.get(0));
        for (int i = 0; i < blocks; i++) {
            b.positionAt(order.get(i));
            for (int k = rnd.nextInt(8); k > 0; k--) g.instruction(loc);
            if (i == blocks - 1) {
                Reg acc = b.newReg(IrType.I64);
                b.assign(acc, Imm.i64(0));
                for (Reg v : vars) b.assign(acc, b.add(b.mul(acc, Imm.i64(31)), b.resize(v, IrType.I64, rnd.nextBoolean())));
                b.ret(acc);
            } else if (rnd.nextBoolean()) {
                Block t = order.get(i + 1 + rnd.nextInt(blocks - i - 1));
                Block e = order.get(i + 1 + rnd.nextInt(blocks - i - 1));
                Reg c = g.someVar();
                b.branch(b.compare(Cond.values()[rnd.nextInt(Cond.values().length)], c, g.operand(c.type())), t, e);
            } else {
                b.jump(order.get(i + 1));
            }
        }
    }

    private static List<String> runAll(IrProgram p, long[][] inputs) {
        List<String> results = new ArrayList<>();
        try (var s = JvmBackend.compile(p).session(new PrintStream(new ByteArrayOutputStream()))) {
            for (IrFunction f : p.functions())
                for (long[] in : inputs) {
                    try {
                        results.add(f.name() + " " + s.call(f.name(), in[0], (int) in[1]));
                    } catch (HostedPanic e) {
                        results.add(f.name() + " " + s.describe(e));
                    }
                }
        }
        return results;
    }

    @Test
    void optimisedProgramsBehaveLikeTheOriginals() {
        long[][] inputs = {{0, 0}, {1, -1}, {-7, 3}, {Long.MIN_VALUE, Integer.MAX_VALUE}, {123456789012L, -98765}};
        IrProgram original = new IrProgram();
        IrProgram optimised = new IrProgram();
        for (int i = 0; i < FUNCTIONS; i++) {
            randomFunction(original, "f" + i, 1000 + i);
            randomFunction(optimised, "f" + i, 1000 + i);
        }
        PassPipeline.standard().run(optimised);
        int before = 0, after = 0;
        for (IrFunction f : original.functions()) before += f.blocks().stream().mapToInt(b -> b.insns().size()).sum();
        for (IrFunction f : optimised.functions()) after += f.blocks().stream().mapToInt(b -> b.insns().size()).sum();
        List<String> expected = runAll(original, inputs);
        assertThat(runAll(optimised, inputs)).containsExactlyElementsOf(expected);
        assertThat(after).as("the passes removed something").isLessThan(before);
        assertThat(expected).anySatisfy(r -> assertThat(r).contains("panic: division by zero at gen.kd:"));
    }
}
