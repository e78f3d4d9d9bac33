package org.machr.kd.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.Target;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrVerifier;

/**
 * Compiles each program of {@code src/test/resources/lowering/programs} with a test runtime, runs the
 * IR on the hosted JVM machine, and compares the console with the program's {@code // expect:} lines
 * (in order), {@code // expect panic:} and {@code // expect exit:}.
 */
class LoweringRunTest {

    static final Path BASE = Path.of("src/test/resources/lowering");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s?(.*)$");
    private static final Pattern PANIC = Pattern.compile("//\\s*expect panic:\\s?(.*)$");
    private static final Pattern EXIT = Pattern.compile("//\\s*expect exit:\\s*(-?\\d+)");

    @TestFactory
    Stream<DynamicTest> programsPrintWhatTheyExpect() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(BASE.resolve("programs"))) {
            programs = s.filter(p -> p.toString().endsWith(".kd")).sorted().toList();
        }
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    /** Compiles and runs {@code program}; returns the console text and sets the exit status in {@code status[0]}. */
    static String execute(Path program, int[] status) {
        return executeWithRoots(List.of(BASE.resolve("programs"), BASE.resolve("runtime")), program, status);
    }

    static String executeWithRoots(List<Path> roots, Path program, int[] status) {
        Diagnostics d = new Diagnostics();
        Optional<IrProgram> ir = KdCompiler.compile(roots, program, Target.JVM, d);
        assertThat(ir).as(d.renderAll()).isPresent();
        assertThat(IrVerifier.verify(ir.get())).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        status[0] = JvmBackend.compile(ir.get()).run(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void run(Path program) throws IOException {
        List<String> expected = new ArrayList<>();
        int exit = 0;
        for (String line : Files.readAllLines(program)) {
            Matcher m = EXPECT.matcher(line);
            if (m.find()) expected.add(m.group(1).stripTrailing());
            Matcher p = PANIC.matcher(line);
            if (p.find()) {
                expected.add("panic: " + p.group(1).stripTrailing());
                exit = 101;
            }
            Matcher e = EXIT.matcher(line);
            if (e.find()) exit = Integer.parseInt(e.group(1));
        }
        int[] status = new int[1];
        String console = execute(program, status);
        List<String> lines = console.isEmpty() ? List.of() : List.of(console.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines = lines.subList(0, lines.size() - 1);
        assertThat(lines).as(console).containsExactlyElementsOf(expected);
        assertThat(status[0]).as(console).isEqualTo(exit);
    }
}
