package org.machr.kd.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The integer semantics of docs/language.md §6, three ways: random expressions over every integer
 * type are folded by the compiler ({@code const}), computed at run time on the hosted machine (a
 * function of two parameters), and computed by the Java model below; all three must agree.
 */
class IntegerSemanticsPropertyTest {

    private record Kind(String name, int bits, boolean signed) {}

    private static final Kind[] KINDS = {new Kind("u8", 8, false), new Kind("u16", 16, false), new Kind("u32", 32, false),
            new Kind("u64", 64, false), new Kind("usize", 64, false), new Kind("i8", 8, true), new Kind("i16", 16, true),
            new Kind("i32", 32, true), new Kind("i64", 64, true)};
    private static final String[] OPS = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"};

    /** A generated expression: its source with literals, with two leaves as parameters, and its value. */
    private record Gen(String constant, String runtime, long value) {}

    private final class Generator {
        final Random random;
        final Kind kind;
        int params;
        final long[] args = new long[2];

        Generator(Random random, Kind kind) {
            this.random = random;
            this.kind = kind;
        }

        Gen expr(int depth) {
            if (depth == 0 || random.nextInt(4) == 0) return leaf();
            if (random.nextInt(6) == 0) {
                Gen g = expr(depth - 1);
                boolean neg = random.nextBoolean();
                // Negation as 0 - x: a minus sign on a literal is part of the literal (docs/language.md §5.2).
                return new Gen((neg ? "(0 - " : "~(") + g.constant + ")", (neg ? "(0 - " : "~(") + g.runtime + ")",
                        wrap(neg ? -g.value : ~g.value));
            }
            String op = OPS[random.nextInt(OPS.length)];
            Gen l = expr(depth - 1);
            if (op.equals("<<") || op.equals(">>")) {
                int count = random.nextInt(150);
                long v = op.equals("<<") ? wrap(l.value << (count & (kind.bits - 1)))
                        : kind.signed ? l.value >> (count & (kind.bits - 1)) : l.value >>> (count & (kind.bits - 1));
                return new Gen("(" + l.constant + " " + op + " " + count + ")", "(" + l.runtime + " " + op + " " + count + ")", v);
            }
            Gen r = expr(depth - 1);
            if ((op.equals("/") || op.equals("%")) && r.value == 0) r = new Gen("1", "1", 1);
            long v = switch (op) {
                case "+" -> wrap(l.value + r.value);
                case "-" -> wrap(l.value - r.value);
                case "*" -> wrap(l.value * r.value);
                case "/" -> kind.signed ? (r.value == -1 ? wrap(-l.value) : l.value / r.value)
                        : wrap(Long.divideUnsigned(l.value, r.value));
                case "%" -> kind.signed ? (r.value == -1 ? 0 : l.value % r.value) : wrap(Long.remainderUnsigned(l.value, r.value));
                case "&" -> l.value & r.value;
                case "|" -> l.value | r.value;
                default -> l.value ^ r.value;
            };
            return new Gen("(" + l.constant + " " + op + " " + r.constant + ")", "(" + l.runtime + " " + op + " " + r.runtime + ")", v);
        }

        private Gen leaf() {
            long v = wrap(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10);
                case 1 -> -1 - random.nextInt(3);
                case 2 -> 1L << (kind.bits - 1);
                default -> random.nextLong();
            });
            String literal = literal(v);
            if (params < 2 && random.nextInt(3) == 0) {
                args[params] = v;
                return new Gen(literal, params++ == 0 ? "a" : "b", v);
            }
            return new Gen(literal, literal, v);
        }

        String literal(long v) {
            return kind.signed ? "(" + v + ")" : Long.toUnsignedString(v);
        }

        long wrap(long v) {
            if (kind.bits == 64) return v;
            long mask = (1L << kind.bits) - 1;
            long low = v & mask;
            return kind.signed && (low >>> (kind.bits - 1)) != 0 ? low | ~mask : low;
        }
    }

    @Property(tries = 6)
    void foldedRuntimeAndModelAgree(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder decls = new StringBuilder("use rt;\n");
        StringBuilder main = new StringBuilder("fn main() -> i32 {\n");
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (Kind kind : KINDS) {
            for (int i = 0; i < 12; i++, n++) {
                Generator g = new Generator(random, kind);
                Gen e = g.expr(4);
                decls.append("const C").append(n).append(": ").append(kind.name).append(" = ").append(e.constant).append(";\n");
                decls.append("fn f").append(n).append("(a: ").append(kind.name).append(", b: ").append(kind.name)
                        .append(") -> ").append(kind.name).append(" { return ").append(e.runtime).append("; }\n");
                main.append("    rt.print_u64(C").append(n).append(" as u64); rt.println(\"\");\n");
                main.append("    rt.print_u64(f").append(n).append("(").append(g.literal(g.args[0])).append(", ")
                        .append(g.literal(g.args[1])).append(") as u64); rt.println(\"\");\n");
                expected.add(Long.toUnsignedString(e.value));
                expected.add(Long.toUnsignedString(e.value));
            }
        }
        main.append("    return 0;\n}\n");
        Path dir = Files.createTempDirectory("kdint");
        Path program = dir.resolve("ints.kd");
        Files.writeString(program, decls.toString() + main);
        int[] status = new int[1];
        String console = LoweringRunTest.executeWithRoots(List.of(dir, LoweringRunTest.BASE.resolve("runtime")), program, status);
        assertThat(console.split("\n")).as(decls.toString()).containsExactlyElementsOf(expected);
        assertThat(status[0]).isZero();
        Files.delete(program);
        Files.delete(dir);
    }
}
