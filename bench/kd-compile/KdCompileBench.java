import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.machr.codegen.jvm.HostedProgram;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdFrontEnd;
import org.machr.kd.Target;
import org.machr.kd.check.Semantics;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;
import org.machr.kd.lower.Lowering;

/**
 * Compile throughput of the .kd toolchain on a generated program of about LINES lines: front end
 * (load, parse, resolve, check), lowering to IR, IR passes and JVM code generation, each in lines per
 * second of wall time, with the process CPU time beside it (median of RUNS runs after WARMUP warm-up
 * runs in the same JVM, all on the same program). "check + IR" is front end, lowering and IR passes
 * together: the median of their per-run sum. A phase's wall time includes the collections that happen
 * during it, also of garbage left by earlier phases and runs, so the figures depend on how the heap
 * has grown. Run by ./run.sh.
 */
public final class KdCompileBench {
    static final int LINES = Integer.getInteger("lines", 100_000);
    static final int WARMUP = Integer.getInteger("warmup", 3);
    static final int RUNS = Integer.getInteger("runs", 5);

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path dir = Files.createTempDirectory("kd-bench");
        Path main = dir.resolve("bench.kd");
        int lines = generate(main, LINES);
        List<Path> roots = List.of(dir, root.resolve("runtime"));
        System.out.printf("program: %,d lines in %s%n", lines, main);
        String[] phases = {"front end", "lowering", "IR passes", "JVM codegen", "total"};
        List<double[]> wall = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        int status = 0;
        for (int run = 0; run < WARMUP + RUNS; run++) {
            long[] w = new long[5];
            long[] c = new long[5];
            Diagnostics d = new Diagnostics();
            w[0] = System.nanoTime();
            c[0] = cpu();
            Optional<Semantics> sem = KdFrontEnd.check(roots, main, Target.JVM, d);
            w[1] = System.nanoTime();
            c[1] = cpu();
            if (sem.isEmpty()) {
                System.out.println(d.renderAll());
                System.exit(1);
            }
            IrProgram ir = Lowering.lower(sem.get(), d).orElseThrow(() -> new IllegalStateException(d.renderAll()));
            w[2] = System.nanoTime();
            c[2] = cpu();
            new PassPipeline(PassPipeline.standardPasses(), Set.of(), null, false).run(ir);
            w[3] = System.nanoTime();
            c[3] = cpu();
            HostedProgram hp = JvmBackend.compile(ir);
            w[4] = System.nanoTime();
            c[4] = cpu();
            if (run == 0) status = hp.run(new PrintStream(OutputStream.nullOutputStream()));
            if (run >= WARMUP) {
                wall.add(phases(w));
                cpu.add(phases(c));
            }
        }
        System.out.printf("generated program ran with exit status %d (expected 0)%n", status);
        System.out.printf("%-12s %10s %14s %12s%n", "phase", "wall ms", "lines/second", "process cpu ms");
        for (int p = 0; p < phases.length; p++) {
            double wallMs = median(wall, p);
            System.out.printf("%-12s %10.1f %,14.0f %12.1f%n", phases[p], wallMs, lines / (wallMs / 1000), median(cpu, p));
        }
        double checkAndIrMs = median(wall, CHECK_AND_IR);
        System.out.printf("%-12s %10.1f %,14.0f %12.1f%n", "check + IR", checkAndIrMs, lines / (checkAndIrMs / 1000),
                median(cpu, CHECK_AND_IR));
        System.out.printf("(median of %d runs after %d warm-up runs in one JVM; process cpu includes GC and JIT threads;"
                + " %d cores)%n", RUNS, WARMUP, Runtime.getRuntime().availableProcessors());
    }

    /** Index of front end + lowering + IR passes in the array {@link #phases} returns. */
    static final int CHECK_AND_IR = 5;

    /** Phase durations in ms from five timestamps, then the total, then front end to the end of the IR passes. */
    static double[] phases(long[] t) {
        return new double[] {(t[1] - t[0]) / 1e6, (t[2] - t[1]) / 1e6, (t[3] - t[2]) / 1e6, (t[4] - t[3]) / 1e6,
                (t[4] - t[0]) / 1e6, (t[3] - t[0]) / 1e6};
    }

    static double median(List<double[]> samples, int phase) {
        double[] v = samples.stream().mapToDouble(s -> s[phase]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** CPU time of the whole process (the front end may use several threads). */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Writes a program of about {@code target} lines: many small functions exercising most of the language. */
    static int generate(Path file, int target) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("use rt;\n\n");
        sb.append("struct Acc { total: u64, count: u32, last: i32 }\n\n");
        sb.append("enum Mode: u8 { Add = 0, Xor = 1, Mul = 2 }\n\n");
        sb.append("var table: [64]u32;\n\n");
        int lines = 9;
        int n = 0;
        while (lines < target - 30) {
            String prev = n == 0 ? "seed" : "f" + (n - 1);
            sb.append("fn f").append(n).append("(x: u32, acc: *Acc) -> u32 {\n");
            sb.append("    var v: u32 = x + ").append(n % 97).append(";\n");
            sb.append("    var data: [8]u32 = [0; 8];\n");
            sb.append("    for i in 0..data.len {\n");
            sb.append("        data[i] = v * (i as u32) + ").append(n % 13).append(";\n");
            sb.append("        v = (v << 3) ^ (v >> 5) ^ data[i];\n");
            sb.append("    }\n");
            sb.append("    let m = ").append(switch (n % 3) { case 0 -> "Mode.Add"; case 1 -> "Mode.Xor"; default -> "Mode.Mul"; }).append(";\n");
            sb.append("    match m {\n");
            sb.append("        Mode.Add => v += data[3],\n");
            sb.append("        Mode.Xor => v ^= data[5],\n");
            sb.append("        Mode.Mul => v *= data[7] | 1,\n");
            sb.append("    }\n");
            sb.append("    if v % 7 == 3 {\n");
            sb.append("        acc.count += 1;\n");
            sb.append("    } else {\n");
            sb.append("        acc.last = (v as i32) / -3;\n");
            sb.append("    }\n");
            sb.append("    acc.total += v as u64;\n");
            sb.append("    table[(v % 64) as usize] += 1;\n");
            sb.append("    return ").append(prev).append("(v % 1000, acc);\n");
            sb.append("}\n\n");
            lines += 23;
            n++;
        }
        sb.append("fn seed(x: u32, acc: *Acc) -> u32 {\n    return x + 1;\n}\n\n");
        sb.append("var acc: Acc;\n\n");
        sb.append("fn main() -> i32 {\n");
        sb.append("    var r: u32 = 0;\n");
        sb.append("    for k in 0..3 {\n");
        sb.append("        r ^= f").append(Math.max(0, Math.min(n - 1, 2000))).append("(k as u32, &acc);\n");
        sb.append("    }\n");
        sb.append("    if acc.count == 0xFFFF_FFFF { rt.println(\"impossible\"); }\n");
        sb.append("    return 0;\n");
        sb.append("}\n");
        lines += 14;
        Files.writeString(file, sb);
        return (int) sb.chars().filter(c -> c == '\n').count();
    }
}
