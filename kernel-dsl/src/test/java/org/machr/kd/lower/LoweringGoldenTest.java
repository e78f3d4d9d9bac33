package org.machr.kd.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.Target;
import org.machr.kd.ir.IrPrinter;
import org.machr.kd.ir.IrProgram;

/**
 * The IR of each lowering test program's own module, printed, against {@code lowering/golden/<name>.ir}
 * ({@code -Dbless=true} rewrites the files; review the diff). An orphan golden file fails.
 */
class LoweringGoldenTest {

    private static final Path PROGRAMS = LoweringRunTest.BASE.resolve("programs");
    private static final Path GOLDEN = LoweringRunTest.BASE.resolve("golden");

    private static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            return s.filter(p -> p.toString().endsWith(".kd")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> irMatchesGolden() throws IOException {
        return programs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> compare(p)));
    }

    @Test
    void noOrphanGoldenFiles() throws IOException {
        if (!Files.isDirectory(GOLDEN)) return;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            for (Path g : s.toList()) {
                String name = g.getFileName().toString().replaceFirst("\\.ir$", ".kd");
                assertThat(PROGRAMS.resolve(name)).as("golden file without a program: " + g).exists();
            }
        }
    }

    private static void compare(Path program) throws IOException {
        Diagnostics d = new Diagnostics();
        Optional<IrProgram> ir = KdCompiler.compile(List.of(PROGRAMS, LoweringRunTest.BASE.resolve("runtime")), program,
                Target.JVM, d);
        assertThat(ir).as(d.renderAll()).isPresent();
        String module = program.getFileName().toString().replaceFirst("\\.kd$", "");
        String text = IrPrinter.print(ir.get(), name -> name.startsWith(module + ".") || name.equals(Lowering.ENTRY));
        Path golden = GOLDEN.resolve(module + ".ir");
        if (Boolean.getBoolean("bless")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text);
            return;
        }
        assertThat(golden).as("missing golden file; run with -Dbless=true").exists();
        assertThat(text).isEqualTo(Files.readString(golden));
    }
}
