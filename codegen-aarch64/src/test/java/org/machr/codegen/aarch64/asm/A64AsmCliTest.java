package org.machr.codegen.aarch64.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.machr.diag.Diagnostics;
import org.machr.link.elf.ElfObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class A64AsmCliTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return A64AsmCli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }

    @Test
    void writesAnElfObject(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("start.s");
        Files.writeString(src, "\t.global _start\n_start:\n\tmov x0, #42\n\tb _start\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, src.toString())).isZero();
        assertThat(err.toString()).isEmpty();
        var obj = ElfObjectReader.read(dir.resolve("start.o"), new Diagnostics()).orElseThrow();
        assertThat(obj.section(".text").orElseThrow().bytes()).containsExactly(0x40, 0x05, 0x80, 0xd2, 0, 0, 0, 0x14);
        assertThat(obj.relocations()).hasSize(1);
    }

    @Test
    void reportsErrorsWithCaretsAndExitsOne(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("bad.s");
        Files.writeString(src, "\tmovz x0, #70000\n\tfoo\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, src.toString(), "-o", dir.resolve("bad.o").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(src + ":1:11: error[A64A0004]: immediate 70000 is out of range 0..65535\n"
                + " 1 | \tmovz x0, #70000\n"
                + "   | \t         ^~~~~~\n"
                + src + ":2:2: error[A64A0002]: unknown instruction 'foo'\n"
                + " 2 | \tfoo\n"
                + "   | \t^~~\n"
                + "2 errors\n");
        assertThat(dir.resolve("bad.o")).doesNotExist();
    }

    @Test
    void usageAndMissingFile(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err)).isEqualTo(2);
        assertThat(run(err, dir.resolve("missing.s").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("usage: as-aarch64 FILE.s [-o FILE.o]").contains("missing.s: error: cannot read");
    }
}
