package org.machr.codegen.aarch64.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.ObjectFile;
import org.junit.jupiter.api.Test;

/**
 * Go-style assembler tests: {@code encodings.s} carries the expected word of every instruction line;
 * {@code errors.s} carries, for every line that must be rejected, the exact diagnostic
 * ({@code // col: error[CODE]: message}). Both are rewritten from our output with {@code -Dbless=true}.
 */
class EncodingFileTest {

    private static final Pattern EXPECTED_WORD = Pattern.compile("^(.*?)//\\s*([0-9a-f]{8})\\s*$");

    private static ObjectFile assemble(String name, String text) {
        Diagnostics diags = new Diagnostics();
        var obj = A64Assembler.assemble(new SourceFile(name, text), diags);
        assertThat(diags.renderAll()).isEmpty();
        return obj.orElseThrow();
    }

    private static List<Integer> words(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 3 < b.length; i += 4) {
            out.add((b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24);
        }
        return out;
    }

    @Test
    void everyInstructionLineAssemblesToItsExpectedWord() {
        String text = AsmFiles.read("encodings.s");
        byte[] code = assemble("encodings.s", text).section(".text").orElseThrow().bytes();
        List<Integer> ours = words(code);
        String[] lines = text.split("\n", -1);
        List<String> mismatches = new ArrayList<>();
        StringBuilder blessed = new StringBuilder();
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECTED_WORD.matcher(lines[i]);
            if (!m.matches()) {
                blessed.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
                continue;
            }
            int expected = (int) Long.parseLong(m.group(2), 16);
            int actual = n < ours.size() ? ours.get(n) : -1;
            if (actual != expected) {
                mismatches.add(String.format("line %d: %s expected %08x, got %08x", i + 1, m.group(1).trim(), expected, actual));
            }
            blessed.append(m.group(1)).append(String.format("// %08x", actual)).append("\n");
            n++;
        }
        if (AsmFiles.bless()) {
            AsmFiles.write("encodings.s", blessed.toString());
            return;
        }
        assertThat(mismatches).isEmpty();
        assertThat(ours).as("one word per annotated line").hasSize(n);
        assertThat(n).isGreaterThan(240);
    }

    /** The expected words are llvm-mc's: the file is also assembled by llvm-mc, in one process. */
    @Test
    void llvmMcAgreesWithTheFile() throws Exception {
        Path mc = org.machr.codegen.aarch64.ExternalToolAccess.require("llvm-mc");
        Path objcopy = org.machr.codegen.aarch64.ExternalToolAccess.require("aarch64-linux-gnu-objcopy");
        Path dir = Files.createTempDirectory("machr-enc");
        Path obj = dir.resolve("e.o");
        Path bin = dir.resolve("e.bin");
        var r = org.machr.codegen.aarch64.ExternalToolAccess.run(List.of(mc.toString(), "-triple=aarch64", "-filetype=obj",
                "-o", obj.toString(), AsmFiles.resource("encodings.s").toString()));
        assertThat(r).isEmpty();
        org.machr.codegen.aarch64.ExternalToolAccess.run(List.of(objcopy.toString(), "-O", "binary", "-j", ".text", obj.toString(), bin.toString()));
        byte[] theirs = Files.readAllBytes(bin);
        byte[] ours = assemble("encodings.s", AsmFiles.read("encodings.s")).section(".text").orElseThrow().bytes();
        assertThat(words(ours)).isEqualTo(words(theirs));
    }

    @Test
    void everyRejectedLineGivesItsExactDiagnostic() {
        String text = AsmFiles.read("errors.s");
        String[] lines = text.split("\n", -1);
        StringBuilder source = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int c = lines[i].indexOf("// ");
            String code = c < 0 ? lines[i] : lines[i].substring(0, c);
            source.append(code.stripTrailing()).append(i + 1 < lines.length ? "\n" : "");
            if (c >= 0 && !lines[i].startsWith("//")) expected.add("errors.s:" + (i + 1) + ":" + lines[i].substring(c + 3).trim());
        }
        Diagnostics diags = new Diagnostics();
        var obj = A64Assembler.assemble(new SourceFile("errors.s", source.toString()), diags);
        assertThat(obj).isEmpty();
        List<String> actual = diags.sorted().stream().map(Diagnostic::headline).toList();
        if (AsmFiles.bless()) {
            blessErrors(lines, actual);
            return;
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static void blessErrors(String[] lines, List<String> actual) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int c = lines[i].indexOf("// ");
            String code = (c < 0 || lines[i].startsWith("//") ? lines[i] : lines[i].substring(0, c)).stripTrailing();
            String prefix = "errors.s:" + (i + 1) + ":";
            List<String> here = actual.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
            if (lines[i].startsWith("//") || here.isEmpty()) {
                out.append(code);
            } else {
                out.append(String.format("%-40s// %s", code, here.get(0)));
            }
            if (i + 1 < lines.length) out.append('\n');
        }
        AsmFiles.write("errors.s", out.toString());
    }
}
