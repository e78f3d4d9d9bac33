package org.machr.codegen.aarch64;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference assemblers driven in batches: one process for thousands of lines. */
final class References {

    private References() {}

    private static final Pattern ENCODING = Pattern.compile("encoding: \\[(0x[0-9a-f]{2}),(0x[0-9a-f]{2}),(0x[0-9a-f]{2}),(0x[0-9a-f]{2})\\]");

    /** The instruction word llvm-mc assembles for each line (which must each hold one instruction). */
    static List<Integer> llvmMc(List<String> lines) {
        Path mc = ExternalTool.require("llvm-mc");
        ExternalTool.Result r = ExternalTool.run(List.of(mc.toString(), "-triple=aarch64", "-show-encoding"),
                String.join("\n", lines) + "\n");
        assertThat(r.stderr()).as("llvm-mc errors").isEmpty();
        List<Integer> words = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            Matcher m = ENCODING.matcher(line);
            if (m.find()) {
                int w = 0;
                for (int b = 4; b >= 1; b--) w = (w << 8) | Integer.decode(m.group(b));
                words.add(w);
            }
        }
        assertThat(words).as("one encoding per line").hasSize(lines.size());
        return words;
    }

    /** The words GNU as assembles for the lines (no PC-relative immediates: gas reads them as addresses). */
    static List<Integer> gnuAs(List<String> lines) {
        Path as = ExternalTool.require("aarch64-linux-gnu-as");
        Path objcopy = ExternalTool.require("aarch64-linux-gnu-objcopy");
        try {
            Path dir = Files.createTempDirectory("machr-gas");
            Path src = dir.resolve("in.s");
            Files.writeString(src, String.join("\n", lines) + "\n");
            Path obj = dir.resolve("in.o");
            ExternalTool.Result r = ExternalTool.run(List.of(as.toString(), "-o", obj.toString(), src.toString()), "");
            assertThat(r.stderr()).as("GNU as errors").isEmpty();
            Path bin = dir.resolve("in.bin");
            ExternalTool.Result c = ExternalTool.run(List.of(objcopy.toString(), "-O", "binary", "-j", ".text",
                    obj.toString(), bin.toString()), "");
            assertThat(c.exitCode()).isZero();
            byte[] bytes = Files.readAllBytes(bin);
            assertThat(bytes.length).isEqualTo(4 * lines.size());
            List<Integer> words = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += 4) {
                words.add((bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16 | (bytes[i + 3] & 0xff) << 24);
            }
            return words;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
