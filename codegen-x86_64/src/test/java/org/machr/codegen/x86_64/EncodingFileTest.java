package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;

/**
 * {@code x64/objects/encodings.s} carries the expected encoding of each instruction in its trailing
 * comment ({@code # 4889c1}); the assembler's bytes for that line must equal it. With -Dbless=true the
 * comments are rewritten from our output (ObjectDifferentialTest checks the same file against llvm-mc).
 */
class EncodingFileTest {

    private static final Path FILE = Path.of("src/test/resources/x64/objects/encodings.s");

    @Test
    void everyLineHasItsExpectedEncoding() throws IOException {
        String text = Files.readString(FILE);
        Diagnostics diagnostics = new Diagnostics();
        X64Assembler.Result result = new X64Assembler(diagnostics).assemble(new SourceFile(FILE.toString(), text));
        assertThat(diagnostics.renderAll()).isEmpty();
        Map<Integer, String> byLine = new HashMap<>();
        for (X64Assembler.Listed l : result.listing()) byLine.merge(l.line(), l.hex(), String::concat);
        String[] lines = text.split("\n", -1);
        StringBuilder blessed = new StringBuilder();
        int checked = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String ours = byLine.get(i + 1);
            int hash = line.lastIndexOf('#');
            if (ours != null) {
                assertThat(hash).as("line %d has no '#' expectation: %s", i + 1, line).isPositive();
                String expected = line.substring(hash + 1).strip();
                if (!Golden.blessing()) {
                    assertThat(ours).as("line %d: %s", i + 1, line.substring(0, hash).strip()).isEqualTo(expected);
                }
                line = line.substring(0, hash + 1) + " " + ours;
                checked++;
            }
            blessed.append(line).append(i + 1 < lines.length ? "\n" : "");
        }
        if (Golden.blessing()) Files.writeString(FILE, blessed.toString());
        assertThat(checked).isGreaterThan(200);
    }
}
