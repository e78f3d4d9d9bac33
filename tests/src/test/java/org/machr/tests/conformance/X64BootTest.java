package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.Loc;

/** The x86_64 boot file's fault path and the QEMU exit-code mapping. */
class X64BootTest {

    @TempDir
    Path dir;

    @Test
    void qemuExitCodesDecodeToProgramStatuses() {
        assertThat(X64Build.statusFromQemuExit(33)).isZero();
        assertThat(X64Build.statusFromQemuExit(1)).as("QEMU's own start-up failure").isEqualTo(-1);
        assertThat(X64Build.statusFromQemuExit(235)).isEqualTo(101);
        assertThat(X64Build.statusFromQemuExit(237)).isEqualTo(102);
        assertThat(X64Build.statusFromQemuExit(0)).as("QEMU quit without isa-debug-exit").isEqualTo(-1);
        assertThat(X64Build.statusFromQemuExit(2)).isEqualTo(-1);
    }

    /** A program whose entry executes ud2: the IDT handler reports #UD (vector 6) and its RIP, status 102. */
    @Test
    void faultsAreReportedWithVectorErrorCodeAndRip() throws Exception {
        assumeTrue(ToolLookup.missing(X64Target.QEMU).isEmpty(), "qemu-system-x86_64 not found");
        IrProgram p = new IrProgram();
        p.setEntry("_kd_start");
        Loc loc = new Loc("t.kd", 1);
        FunctionBuilder b = FunctionBuilder.begin(p, "_kd_start", List.of(), null, loc, true);
        b.intrinsic(Intrinsic.TRAP, List.of(), loc);
        b.ret(List.of());
        Diagnostics d = new Diagnostics();
        X64Build.Image image = X64Build.buildImage(p, ConformanceTest.root().resolve("runtime"), d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        Path file = dir.resolve("fault.elf");
        Files.write(file, image.image());
        Target.Outcome outcome = X64Target.boot(file);
        assertThat(outcome.console()).matches("fault: vector 0x0000000000000006 error 0x0000000000000000 rip 0x00000000001[0-9a-f]{5}\n");
        assertThat(outcome.status()).isEqualTo(102);
    }
}
