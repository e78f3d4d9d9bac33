package org.machr.kd.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.Target;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;

/** {@code #[section]} reaches the IR; a section that would hold two kinds of contents is KD0451. */
class SectionLoweringTest {

    private static Optional<IrProgram> compile(Path dir, String text, Diagnostics d) throws Exception {
        Path file = dir.resolve("s.kd");
        Files.writeString(file, text);
        return KdCompiler.compile(List.of(dir), file, Target.AARCH64, d);
    }

    @Test
    void functionsAndGlobalsCarryTheirSection(@TempDir Path dir) throws Exception {
        Diagnostics d = new Diagnostics();
        IrProgram p = compile(dir, """
                #[section(".text.boot")]
                fn early() -> u32 { return 1; }
                #[section(".rodata.t")]
                let T: u8 = 3;
                #[section(".data.z")]
                var zero_but_data: u32 = 0;
                #[section(".bss.big")]
                var big: [16]u64;
                var plain: u32 = 0;
                fn main() -> i32 { return early() as i32; }
                """, d).orElseThrow(() -> new AssertionError(d.renderAll()));
        assertThat(p.function("s.early").section()).isEqualTo(".text.boot");
        assertThat(p.function("s.main").section()).isNull();
        assertThat(p.global("s.T").sectionName()).isEqualTo(".rodata.t");
        assertThat(p.global("s.T").section()).isEqualTo(IrGlobal.Section.RODATA);
        assertThat(p.global("s.zero_but_data").section()).isEqualTo(IrGlobal.Section.DATA);
        assertThat(p.global("s.big").section()).isEqualTo(IrGlobal.Section.BSS);
        assertThat(p.global("s.plain").sectionName()).isNull();
        assertThat(p.global("s.plain").section()).isEqualTo(IrGlobal.Section.BSS);
    }

    @Test
    void mixedContentsAreReported(@TempDir Path dir) throws Exception {
        Diagnostics d = new Diagnostics();
        Optional<IrProgram> p = compile(dir, """
                #[section(".boot")]
                var v: u32 = 1;
                #[section(".boot")]
                fn f() { }
                #[section(".bss.x")]
                var w: u32 = 2;
                #[section(".rodata")]
                var r: u32 = 5;
                fn main() -> i32 { return 0; }
                """, d);
        assertThat(p).isEmpty();
        assertThat(d.all()).extracting(x -> x.span().line() + ": " + x.headline().substring(x.headline().indexOf("error["))).containsExactly(
                "6: error[KD0451]: 'w' has an initial value, so it cannot go in .bss.x, which is zero-filled",
                "8: error[KD0451]: section .rodata already holds 'let' globals; it cannot also hold initialised 'var' globals",
                "4: error[KD0451]: section .boot already holds initialised 'var' globals; it cannot also hold functions");
    }
}
