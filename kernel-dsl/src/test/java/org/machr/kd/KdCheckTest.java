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
    void badUsageExitsTwo() {
        assertThat(run("--target", "riscv", "x.kd")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown target 'riscv'");
        assertThat(run()).isEqualTo(2);
    }
}
