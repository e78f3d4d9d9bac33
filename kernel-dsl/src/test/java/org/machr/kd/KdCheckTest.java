package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code machr check} and its unsafe report (docs/language.md §8.3). */
class KdCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KdCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unsafeReportListsEverySiteSortedWithItsFunction() {
        String file = "src/test/resources/check/src/unsafe_sites.kd";
        int status = run("--unsafe-report", "--root", "src/test/resources/check/src", file);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                file + ":7:17: pointer cast in unsafe_sites.mmio",
                file + ":8:25: intrinsic @volatile_load32 in unsafe_sites.mmio",
                file + ":12:43: call to unsafe fn vectors_base in unsafe_sites.raw",
                file + ":16:13: slice of local in unsafe_sites.main",
                file + ":17:22: call to unsafe fn raw in unsafe_sites.main",
                "5 unsafe sites", ""));
    }

    @Test
    void errorsAreRenderedWithCaretAndExitStatusOne() {
        int status = run("--root", "src/test/resources/diagnostics", "src/test/resources/diagnostics/type_mismatch.kd");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "src/test/resources/diagnostics/type_mismatch.kd:3:18: error[KD0200]: expected 'u32', found 'u64'",
                " 3 |     let b: u32 = a; // error[KD0200]: expected 'u32', found 'u64'",
                "   |                  ^",
                "1 error", ""));
    }

    @Test
    void deeplyNestedInputCompilesOrGetsADiagnosticNeverAStackOverflow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        int depth = 20_000;
        java.nio.file.Path file = dir.resolve("deep.kd");
        java.nio.file.Files.writeString(file, "fn main() -> i32 { return " + "(".repeat(depth) + "7" + ")".repeat(depth) + "; }\n");
        org.machr.diag.Diagnostics d = new org.machr.diag.Diagnostics();
        var ir = KdCompiler.compile(java.util.List.of(dir), file, Target.JVM, d);
        if (ir.isEmpty()) {
            assertThat(d.all()).extracting(x -> x.code().id()).containsOnly("KD0007");
        } else {
            assertThat(d.hasErrors()).isFalse();
        }
    }

    @Test
    void libraryModulesNeedNoMain() {
        String file = "src/test/resources/check/src/ipc/traps.kd";
        assertThat(run("--lib", "--root", "src/test/resources/check/src", file)).isZero();
        assertThat(run("--root", "src/test/resources/check/src", file)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error[KD0106]: program has no 'fn main() -> i32'");
    }

    @Test
    void unknownNamesGetASuggestion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("typo.kd");
        java.nio.file.Files.writeString(file, "var counter: u32 = 0;\nfn main() -> i32 { return countr as i32; }\n");
        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error[KD0101]: unknown name 'countr'")
                .contains("   = note: did you mean 'counter'?");
    }

    @Test
    void dumpIrPrintsTheLoweredProgram() {
        String file = "src/test/resources/check/src/ipc/traps.kd";
        assertThat(run("--lib", "--dump=ir", "--root", "src/test/resources/check/src", file)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fn @ipc.traps.mach_reply_port() -> i32")
                .contains("ret 7");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("--target", "riscv", "x.kd")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown target 'riscv'");
        assertThat(run()).isEqualTo(2);
    }
}
