package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.StructInfo;

/**
 * Our struct layout (docs/language.md §3) against the C compiler's: random structs of every scalar,
 * pointers, slices (as a two-word struct), arrays, nested structs and {@code align} attributes are
 * declared in KD and in C; sizes, alignments and every field offset must match what gcc computes for
 * the System V AMD64 ABI (whose aggregate rules AAPCS64 shares for these types). One gcc run checks all.
 */
class StructLayoutDifferentialTest {

    private static final String[][] SCALARS = {{"u8", "unsigned char"}, {"u16", "unsigned short"},
            {"u32", "unsigned int"}, {"u64", "unsigned long long"}, {"i8", "signed char"}, {"i16", "short"},
            {"i32", "int"}, {"i64", "long long"}, {"bool", "_Bool"}, {"usize", "unsigned long"},
            {"*u8", "unsigned char *"}, {"?*u32", "unsigned int *"}, {"[]u8", "struct slice"}};

    @Test
    void layoutsMatchGcc(@TempDir Path dir) throws IOException, InterruptedException {
        Path gcc = ExternalTool.require("gcc");
        Random random = new Random(20261126);
        StringBuilder kd = new StringBuilder("fn main() -> i32 { return 0; }\n");
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\nstruct slice { void *p; unsigned long n; };\n");
        StringBuilder print = new StringBuilder("int main(void) {\n");
        List<String> names = new ArrayList<>();
        int count = 200;
        for (int s = 0; s < count; s++) {
            String name = "S" + s;
            int fields = 1 + random.nextInt(6);
            String structAlign = random.nextInt(6) == 0 ? String.valueOf(1 << (3 + random.nextInt(4))) : null;
            kd.append(structAlign == null ? "" : "#[align(" + structAlign + ")] ").append("struct ").append(name).append(" {");
            c.append("struct ").append(structAlign == null ? "" : "__attribute__((aligned(" + structAlign + "))) ")
                    .append(name).append(" {");
            print.append("  printf(\"").append(name).append(" %zu %zu\", sizeof(struct ").append(name)
                    .append("), _Alignof(struct ").append(name).append("));\n");
            for (int f = 0; f < fields; f++) {
                String field = "f" + f;
                String[] t = random.nextInt(5) == 0 && s > 0
                        ? new String[] {"S" + random.nextInt(s), "struct S" + random.nextInt(s)}
                        : SCALARS[random.nextInt(SCALARS.length)];
                if (t[0].startsWith("S")) t[1] = "struct " + t[0];
                String fieldAlign = random.nextInt(8) == 0 ? String.valueOf(1 << random.nextInt(5)) : null;
                int array = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 0;
                String kdType = array > 0 ? "[" + array + "]" + t[0] : t[0];
                kd.append(fieldAlign == null ? " " : " #[align(" + fieldAlign + ")] ").append(field).append(": ").append(kdType).append(",");
                c.append(" ").append(t[1]).append(" ").append(field).append(array > 0 ? "[" + array + "]" : "")
                        .append(fieldAlign == null ? "" : " __attribute__((aligned(" + fieldAlign + ")))").append(";");
                print.append("  printf(\" %zu\", offsetof(struct ").append(name).append(", ").append(field).append("));\n");
            }
            kd.append(" }\n");
            c.append(" };\n");
            print.append("  printf(\"\\n\");\n");
            names.add(name);
        }
        print.append("  return 0;\n}\n");
        Files.writeString(dir.resolve("layouts.c"), c.toString() + print);
        Files.writeString(dir.resolve("layouts.kd"), kd.toString());

        Process compile = new ProcessBuilder(gcc.toString(), "-std=c11", "-o", dir.resolve("layouts").toString(),
                dir.resolve("layouts.c").toString()).redirectErrorStream(true).start();
        String compileOutput = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compile.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(compile.exitValue()).as(compileOutput).isZero();
        Process run = new ProcessBuilder(dir.resolve("layouts").toString()).start();
        List<String> reference = List.of(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        run.waitFor(60, TimeUnit.SECONDS);

        Diagnostics d = new Diagnostics();
        Semantics sem = KdFrontEnd.check(List.of(dir), dir.resolve("layouts.kd"), Target.X86_64, d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        List<String> ours = new ArrayList<>();
        for (String name : names) {
            StructInfo info = (StructInfo) sem.program().main().members().get(name);
            StringBuilder line = new StringBuilder(name + " " + info.size() + " " + info.align());
            for (StructInfo.Field f : info.fields()) line.append(' ').append(f.offset());
            ours.add(line.toString());
        }
        assertThat(ours).hasSize(count).containsExactlyElementsOf(reference);
    }
}
