package org.machr.tests.ir;

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
import org.machr.kd.ir.pass.PassPipeline;

/**
 * Golden files of the IR: each {@code tests/ir-golden/NAME.kd} is compiled for the jvm target, the
 * standard pipeline runs (verifying after every pass), and the printed IR of the program's own
 * module (not the runtime) must equal {@code NAME.ir}. {@code -Dbless=true} rewrites the {@code .ir}
 * files; an {@code .ir} without its {@code .kd} fails.
 */
class IrGoldenTest {

    static Path dir() {
        String root = System.getProperty("machr.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isDirectory(base.resolve("tests/ir-golden"))) base = Path.of(".");
        return base.resolve("tests/ir-golden").toAbsolutePath().normalize();
    }

    static List<Path> files(String ext) throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    /** The IR of {@code program}'s own module after the standard pipeline. */
    static String printedIr(Path program) {
        Diagnostics d = new Diagnostics();
        List<Path> roots = List.of(dir(), dir().resolve("../../runtime").normalize());
        Optional<IrProgram> ir = KdCompiler.compile(roots, program, Target.JVM, d);
        assertThat(d.hasErrors()).as(d.renderAll()).isFalse();
        PassPipeline.standard().run(ir.orElseThrow());
        String module = program.getFileName().toString().replace(".kd", "");
        return IrPrinter.print(ir.get(), symbol -> symbol.startsWith(module + "."));
    }

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        boolean bless = Boolean.getBoolean("bless");
        return files(".kd").stream().map(kd -> DynamicTest.dynamicTest(kd.getFileName().toString(), () -> {
            Path golden = kd.resolveSibling(kd.getFileName().toString().replace(".kd", ".ir"));
            String actual = printedIr(kd);
            if (bless) Files.writeString(golden, actual);
            assertThat(golden).as("golden file (run with -Dbless=true to create it)").exists();
            assertThat(actual).isEqualTo(Files.readString(golden));
        }));
    }

    @Test
    void everyGoldenHasItsProgram() throws IOException {
        assertThat(files(".ir")).allSatisfy(ir ->
                assertThat(ir.resolveSibling(ir.getFileName().toString().replace(".ir", ".kd"))).exists());
        assertThat(files(".kd")).hasSizeGreaterThanOrEqualTo(8);
    }
}
