package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machr.diag.SourceFile;

/**
 * The MIG parser maps a position in our output back to file:line:col by the line markers and the
 * column: every token read straight from a file must sit in the output at its original column.
 */
class ColumnsTest {

    private static final Pattern DEFINE = Pattern.compile("^[ \\t]*#[ \\t]*define[ \\t]+(\\w+)", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    @Test
    void everyCorpusTokenSitsAtItsOriginalLineAndColumn() throws IOException {
        ExternalTool.requireDirectory(CorpusDifferentialTest.INCLUDE + "/mach");
        Path root = Path.of(CorpusDifferentialTest.INCLUDE);
        int checked = 0;
        List<String> misplaced = new ArrayList<>();
        for (String defs : CorpusDifferentialTest.corpusFiles(root)) {
            PreprocessedSource out = new Preprocessor(new PreprocessorOptions(List.of(root), List.of("-D__x86_64__")),
                    new org.machr.diag.Diagnostics()).process(root.resolve(defs)).orElseThrow();
            Set<String> macros = new HashSet<>();
            for (SourceFile f : out.files().values()) {
                Matcher m = DEFINE.matcher(f.text());
                while (m.find()) macros.add(m.group(1));
            }
            for (LineMarkers.Placed t : LineMarkers.tokens(out.text(), false)) {
                String line = out.files().get(t.file()).line(t.line());
                checked++;
                if (line.startsWith(t.text(), t.outputColumn() - 1)) continue;
                // a macro's replacement sits where the macro's name was
                Matcher name = IDENTIFIER.matcher(line).region(t.outputColumn() - 1, line.length());
                if (name.lookingAt() && macros.contains(name.group())) continue;
                misplaced.add(t.file() + ":" + t.line() + ":" + t.outputColumn() + " " + t.text());
            }
        }
        assertThat(misplaced).isEmpty();
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void tokensAfterCommentsTabsAndContinuationsKeepTheirColumns() throws Exception {
        Path layout = GnuCppDifferentialTest.casesDir().resolve("layout.defs");
        PreprocessedSource out = new Preprocessor(new PreprocessorOptions(List.of(), List.of()), new org.machr.diag.Diagnostics())
                .process(layout).orElseThrow();
        List<String> lines = Files.readAllLines(layout);
        List<LineMarkers.Placed> tokens = LineMarkers.tokens(out.text(), false);
        assertThat(tokens).hasSize(22);
        for (LineMarkers.Placed t : tokens) {
            if (t.text().equals("expands_to_this")) {
                assertThat(t.line() + ":" + t.outputColumn()).isEqualTo("22:1"); // where LONG_MACRO is
            } else {
                assertThat(lines.get(t.line() - 1).substring(t.outputColumn() - 1)).as(t.toString()).startsWith(t.text());
            }
        }
    }
}
