package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.machr.diag.Diagnostics;

/**
 * Every GNU Mach {@code .defs} file × the variants the corpus is built with (none, {@code -DKERNEL_SERVER},
 * {@code -DKERNEL_USER}, {@code -DSEQNOS}):
 * our output fed to the reference's {@code migcom} gives byte-identical files, the same exit status and
 * the same messages as GNU cpp's output (the wrapper's pipeline; checked against the wrapper itself on
 * samples), and it has the same tokens as GNU cpp's, each placed in the same file and line.
 * File names in migcom's messages are compared after resolving symbolic links, because GNU cpp
 * canonicalises the names of system headers ({@code mach/machine} → {@code mach/x86_64}) and we do not.
 */
class CorpusDifferentialTest {

    static final String INCLUDE = "/usr/include/x86_64-linux-gnu";
    static final String MIGCOM = "/usr/lib/mig/x86_64-gnu-migcom";
    static final List<String> VARIANTS = List.of("", "-DKERNEL_SERVER", "-DKERNEL_USER", "-DSEQNOS");

    static Stream<Arguments> corpus() throws IOException {
        Path root = Path.of(INCLUDE);
        if (!Files.isDirectory(root.resolve("mach"))) return Stream.of(Arguments.of("(corpus missing)", ""));
        List<Arguments> all = new ArrayList<>();
        for (String defs : corpusFiles(root)) {
            for (String v : VARIANTS) all.add(Arguments.of(defs, v));
        }
        return all.stream();
    }

    /**
     * The 25 {@code .defs} files under {@code mach}, {@code device} and {@code mach_debug} (with
     * {@code mach/x86_64}; the {@code mach/machine} link to it is not followed), relative to the root.
     */
    static List<String> corpusFiles(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("mach", "device", "mach_debug")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".defs") && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .map(p -> root.relativize(p).toString()).sorted().forEach(names::add);
            }
        }
        return names;
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("corpus")
    void ourOutputMakesMigcomProduceTheReferenceStubs(String defs, String variant) throws Exception {
        ExternalTool.requireDirectory(INCLUDE + "/mach");
        Path gcc = ExternalTool.require("gcc");
        Path migcom = ExternalTool.require(MIGCOM);
        Path file = Path.of(INCLUDE, defs);
        Path ref = Files.createDirectories(work.resolve("reference"));
        Path ours = Files.createDirectories(work.resolve("ours"));

        // the reference pipeline is the wrapper's: $cpp $cppflags FILE | migcom (see wrapperIsCppThenMigcom)
        List<String> cpp = new ArrayList<>(List.of(gcc.toString(), "-E", "-x", "c", "-undef", "-ansi",
                "-D__x86_64__", "-I" + INCLUDE));
        if (!variant.isEmpty()) cpp.add(variant);
        cpp.add(file.toString());
        String gnuText = run(cpp, work, null).stdout();
        Run refRun = run(List.of(migcom.toString()), ref, gnuText);

        String ourText = preprocess(file, variant);
        Run ourRun = run(List.of(migcom.toString()), ours, ourText);

        assertThat(ourRun.status()).as("migcom exit status").isEqualTo(refRun.status());
        assertThat(messages(ourRun.output())).as("migcom messages").isEqualTo(messages(refRun.output()));
        assertThat(contents(ours)).as("generated files").isEqualTo(contents(ref));
        assertThat(GnuCppDifferentialTest.placed(ourText)).as("tokens and their file:line")
                .isEqualTo(GnuCppDifferentialTest.placed(gnuText));
    }

    @org.junit.jupiter.api.Test
    void corpusHasTheTwentyFiveFiles() throws IOException {
        ExternalTool.requireDirectory(INCLUDE + "/mach");
        assertThat(corpusFiles(Path.of(INCLUDE))).hasSize(25).contains("mach/x86_64/mach_i386.defs", "device/device.defs");
    }

    /** The shortcut above is faithful: the installed wrapper's stubs equal those of our text piped to migcom. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrapperSamples")
    void wrapperIsCppThenMigcom(String defs, String variant) throws Exception {
        ExternalTool.requireDirectory(INCLUDE + "/mach");
        Path wrapper = ExternalTool.require("x86_64-gnu-mig");
        Path migcom = ExternalTool.require(MIGCOM);
        Path file = Path.of(INCLUDE, defs);
        Path viaWrapper = Files.createDirectories(work.resolve("wrapper"));
        Path viaOurs = Files.createDirectories(work.resolve("ours"));
        run(List.of(wrapper.toString(), "-D__x86_64__", "-I" + INCLUDE, variant, file.toString()), viaWrapper, null);
        run(List.of(migcom.toString()), viaOurs, preprocess(file, variant));
        assertThat(contents(viaWrapper)).isNotEmpty().isEqualTo(contents(viaOurs));
    }

    static Stream<Arguments> wrapperSamples() {
        return Stream.of(Arguments.of("mach/mach_port.defs", "-DKERNEL_SERVER"), Arguments.of("device/device.defs", "-DSEQNOS"),
                Arguments.of("mach/mach.defs", "-DKERNEL_USER"), Arguments.of("mach_debug/mach_debug.defs", "-DKERNEL_USER"));
    }

    static String preprocess(Path file, String variant) {
        List<String> macros = new ArrayList<>(List.of("-D__x86_64__"));
        if (!variant.isEmpty()) macros.add(variant);
        Diagnostics diagnostics = new Diagnostics();
        return new Preprocessor(new PreprocessorOptions(List.of(Path.of(INCLUDE)), macros), diagnostics)
                .process(file).orElseThrow(() -> new AssertionError(diagnostics.renderAll())).text();
    }

    record Run(int status, String stdout, String output) {}

    static Run run(List<String> command, Path dir, String stdin) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir.getParent() == null ? dir : dir.getParent(), "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        if (stdin == null) pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // migcom may stop reading after a fatal error; its status says so
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        String messages = Files.readString(err);
        Files.delete(err);
        return new Run(status, out, out + messages);
    }

    private static final Pattern QUOTED_PATH = Pattern.compile("\"(/[^\"]+)\"");

    /** Messages with file names resolved and the shell's report of a crash dropped. */
    static List<String> messages(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.contains("Floating point exception")) continue;
            Matcher m = QUOTED_PATH.matcher(line);
            StringBuilder s = new StringBuilder();
            while (m.find()) {
                Path p = Path.of(m.group(1));
                String real;
                try {
                    real = Files.exists(p) ? p.toRealPath().toString() : p.toString();
                } catch (IOException e) {
                    real = p.toString();
                }
                m.appendReplacement(s, Matcher.quoteReplacement("\"" + real + "\""));
            }
            m.appendTail(s);
            lines.add(s.toString());
        }
        return lines;
    }

    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        return files;
    }
}
