package org.machr.codegen.aarch64.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.junit.jupiter.api.Test;

/** Bad input never escapes as an exception: mutated sources give diagnostics with a place, or assemble. */
class RobustnessTest {

    private static final String[] LINES = AsmFiles.read("encodings.s").split("\n");
    private static final String JUNK = "#[]!,:+-*/()xw0123456789 .\"'\\@%lsl sp zr =;{}";

    @Property(tries = 400)
    void mutatedSourcesNeverThrow(@ForAll long seed) {
        Random rnd = new Random(seed);
        StringBuilder src = new StringBuilder();
        for (int n = 0; n < 20; n++) {
            StringBuilder line = new StringBuilder(LINES[rnd.nextInt(LINES.length)]);
            for (int m = rnd.nextInt(4); m > 0 && line.length() > 0; m--) {
                int at = rnd.nextInt(line.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, JUNK.charAt(rnd.nextInt(JUNK.length())));
                    default -> line.setCharAt(at, JUNK.charAt(rnd.nextInt(JUNK.length())));
                }
            }
            src.append(line).append('\n');
        }
        SourceFile file = new SourceFile("fuzz.s", src.toString());
        Diagnostics diags = new Diagnostics();
        var obj = A64Assembler.assemble(file, diags);
        assertThat(obj.isPresent()).isEqualTo(!diags.hasErrors());
        for (Diagnostic d : diags.all()) {
            assertThat(d.render()).startsWith(d.span() == null ? "error[" : "fuzz.s:");
        }
    }

    @Test
    void diagnosticRendersWithCaretUnderTheOperand() {
        Diagnostics diags = new Diagnostics();
        A64Assembler.assemble(new SourceFile("boot.s", "_start:\n\tadd x0, x1, #5000\n"), diags);
        assertThat(diags.renderAll()).isEqualTo("""
                boot.s:2:14: error[A64A0004]: immediate 5000 is not a 12-bit value optionally shifted by 12
                 2 | \tadd x0, x1, #5000
                   | \t            ^~~~~
                1 error
                """);
    }

    @Test
    void diagnosticCodesAreDistinct() {
        List<String> ids = Arrays.stream(A64AsmCode.values()).map(A64AsmCode::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("A64A\\d{4}"));
    }
}
