package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.asm.X64AsmCli;

/** The command-line entry: object written, listing printed, diagnostics and exit status on bad input. */
class X64AsmCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return X64AsmCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAnObjectAndAListing() throws IOException {
        Path s = dir.resolve("ok.s");
        Files.writeString(s, ".globl f\nf:\n  movq %rdi, %rax\n  call g\n  retq\n");
        Path o = dir.resolve("ok.o");
        assertThat(run("--listing", "-o", o.toString(), s.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                ".text+0x0: 4889f8                         movq %rdi, %rax\n"
                        + ".text+0x3: e800000000                     call g\n"
                        + ".text+0x8: c3                             retq\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        ExternalTool.Result readelf = ExternalTool.run(null, "x86_64-linux-gnu-readelf", "-rsW", o.toString()).ok();
        assertThat(readelf.stdout()).contains("R_X86_64_PLT32").contains("GLOBAL DEFAULT    1 f");
    }

    @Test
    void badInputGivesDiagnosticsAndStatusOne() throws IOException {
        Path s = dir.resolve("bad.s");
        Files.writeString(s, "  movq %rax\n");
        Path o = dir.resolve("bad.o");
        assertThat(run("-o", o.toString(), s.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                s + ":1:3: error[X64A006]: expected 2 operands, found 1\n"
                        + " 1 |   movq %rax\n"
                        + "   |   ^~~~~~~~~\n"
                        + "1 error\n");
        assertThat(o).doesNotExist();
    }

    @Test
    void missingFileAndBadUsage() {
        assertThat(run(dir.resolve("none.s").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.s: error: cannot read");
        assertThat(run()).isEqualTo(2);
        assertThat(run("-o")).isEqualTo(2);
    }
}
