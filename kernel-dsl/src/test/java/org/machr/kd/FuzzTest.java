package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrVerifier;

/**
 * Mutates valid programs (the lowering test programs and the conformance suite) — deleting,
 * duplicating and swapping pieces, inserting tokens — and checks that the compiler never throws: it
 * either reports diagnostics that render with a code and a location, or produces IR that verifies.
 */
class FuzzTest {

    private static final String[] TOKENS = {";", "{", "}", "(", ")", "[", "]", "fn", "let", "var", "*", "&", "?*",
            "as u8", "null", "0x", "'", "\"", "@panic(", "@volatile_load32(", "unsafe", "match", "=>", "..", "-", "<<",
            "u64", "struct", "enum", ".", ",", "if let", "defer", "return", "break", "0", "18446744073709551616", "$",
            "/*", "_", "#[align(3)]", "use rt;", "x", "main", "@jvm.putc(", "[]u8", "[0]u8", "system s {", "trap"};

    /** Replacements for a whole word: keeps the program parseable more often, so the checker gets exercised. */
    private static final String[] WORDS = {"u8", "i64", "bool", "usize", "null", "true", "0", "255", "-1", "x", "main",
            "rt", "p", "s", "len", "ptr", "Right", "Send", "i", "a", "b", "unsafe", "0xffff_ffff_ffff_ffff"};
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b|\\b\\d+\\b");

    private static final List<String> SAMPLES = samples();

    private static List<String> samples() {
        List<String> out = new ArrayList<>();
        List<Path> dirs = List.of(Path.of("src/test/resources/lowering/programs"), Path.of("../tests/conformance"),
                Path.of("src/test/resources/check/src"), Path.of("src/test/resources/diagnostics"));
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".kd")).sorted().toList()) out.add(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Property(tries = 250)
    void mutatedProgramsNeverCrashTheCompiler(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int seed)
            throws IOException {
        assertThat(SAMPLES).isNotEmpty();
        Random random = new Random(seed);
        String text = mutate(SAMPLES.get(random.nextInt(SAMPLES.size())), random);
        Path dir = Files.createTempDirectory("kdfuzz");
        try {
            Path main = dir.resolve("main.kd");
            Files.writeString(main, text);
            Diagnostics d = new Diagnostics();
            Optional<IrProgram> ir = KdCompiler.compile(List.of(dir, Path.of("src/test/resources/lowering/runtime")), main,
                    Target.JVM, d);
            if (ir.isPresent()) {
                assertThat(IrVerifier.verify(ir.get())).as(text).isEmpty();
            } else {
                assertThat(d.hasErrors()).as(text).isTrue();
                for (Diagnostic diag : d.all()) {
                    assertThat(diag.render()).contains("[" + diag.code().id() + "]");
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void replaceWord(StringBuilder s, Random random) {
        java.util.regex.Matcher m = WORD.matcher(s);
        List<int[]> words = new ArrayList<>();
        while (m.find()) words.add(new int[] {m.start(), m.end()});
        if (words.isEmpty()) return;
        int[] w = words.get(random.nextInt(words.size()));
        s.replace(w[0], w[1], WORDS[random.nextInt(WORDS.length)]);
    }

    static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        if (random.nextBoolean()) {
            // Word replacements only: mostly still parseable, so they reach the checker and lowering.
            for (int i = 1 + random.nextInt(2); i > 0; i--) replaceWord(s, random);
            return s.toString();
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            int len = Math.min(s.length() - at, 1 + random.nextInt(12));
            if (random.nextInt(3) == 0) {
                replaceWord(s, random);
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> s.delete(at, at + len);
                case 1 -> s.insert(at, " " + TOKENS[random.nextInt(TOKENS.length)] + " ");
                case 2 -> s.insert(random.nextInt(s.length()), s.substring(at, at + len));
                default -> {
                    String piece = s.substring(at, at + len);
                    s.delete(at, at + len);
                    s.insert(random.nextInt(s.length() + 1), piece);
                }
            }
        }
        return s.toString();
    }
}
