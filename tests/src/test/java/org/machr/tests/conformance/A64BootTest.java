package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.aarch64.A64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;

/** runtime/arch/aarch64/boot.s: an unexpected exception is reported on the UART with status 102. */
class A64BootTest {

    @Test
    void dataAbortPrintsEsrElrFarAndFails(@TempDir Path dir) throws Exception {
        A64Target target = new A64Target(ConformanceTest.root());
        assumeTrue(target.unavailable().isEmpty(), () -> target.unavailable().get());
        Path program = dir.resolve("abort.kd");
        Files.writeString(program, """
                use rt;
                fn main() -> i32 {
                    rt.println("before");
                    unsafe { let v = @volatile_load64(0xffff_0000_0000_0010); }
                    rt.println("after");
                    return 0;
                }
                """);
        Diagnostics diags = new Diagnostics();
        Path root = ConformanceTest.root();
        IrProgram ir = KdCompiler.compile(List.of(dir, root.resolve("runtime")), program, org.machr.kd.Target.AARCH64, diags)
                .orElseThrow(() -> new AssertionError(diags.renderAll()));
        PassPipeline.standard().run(ir);
        byte[] elf = A64Build.buildImage(ir, root, diags, A64Build.Options.defaults()).orElseThrow(() -> new AssertionError(diags.renderAll()));
        Target.Outcome outcome = A64Target.boot(elf);
        assertThat(outcome.status()).isEqualTo(102);
        // ESR_EL1: EC 0x25 (data abort, same EL); FAR_EL1: the faulting address.
        assertThat(outcome.console()).startsWith("before\nexception: esr=0x0000000096")
                .endsWith(" far=0xffff000000000010\n").contains(" elr=0x00000000402");
    }
}
