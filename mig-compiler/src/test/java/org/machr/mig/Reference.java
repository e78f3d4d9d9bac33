package org.machr.mig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The reference GNU MIG and its inputs: the GNU Mach corpus, preprocessed once per variant exactly as
 * the {@code x86_64-gnu-mig} wrapper does, and migcom outputs cached in one temporary directory per
 * test run.
 */
public final class Reference {

    public static final Path INCLUDE = Path.of("/usr/include/x86_64-linux-gnu");
    public static final String MIGCOM = "/usr/lib/mig/x86_64-gnu-migcom";
    public static final List<String> VARIANTS = List.of("", "-DKERNEL_SERVER", "-DKERNEL_USER", "-DSEQNOS");

    private static final Map<String, String> PREPROCESSED = new ConcurrentHashMap<>();
    private static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();
    private static Path work;

    private Reference() {}

    /** A corpus file in one variant. */
    public record Case(Path file, String variant) {
        public String id() {
            String name = file.startsWith(INCLUDE) ? INCLUDE.relativize(file).toString() : file.getFileName().toString();
            return name + (variant.isEmpty() ? "" : " " + variant);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** What migcom did: exit status, stderr, and the files it wrote in its directory. */
    public record Result(int exitCode, String stderr, Path dir) {
        public String file(String name) {
            try {
                Path p = dir.resolve(name);
                return Files.exists(p) ? Files.readString(p) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static List<Path> corpus() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("mach", "device", "mach_debug")) {
            try (Stream<Path> s = Files.walk(INCLUDE.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".defs")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return files;
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String v : VARIANTS) for (Path f : corpus()) cases.add(new Case(f, v));
        return cases;
    }

    /** Our own file of constructs the corpus lacks, compiled like a corpus file (default variant). */
    public static Case features() {
        Path root = Path.of(System.getProperty("machr.root", "."));
        Path f = root.resolve("mig-compiler/src/test/resources/features/features.defs");
        if (!Files.exists(f)) f = Path.of("src/test/resources/features/features.defs").toAbsolutePath();
        return new Case(f, "");
    }

    public static synchronized Path work() {
        if (work == null) {
            try {
                work = Files.createTempDirectory("mig-ref");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return work;
    }

    /** cpp output for a case, as the wrapper produces it ({@code gcc -E -x c -undef -ansi}). */
    public static String preprocess(Case c) {
        return PREPROCESSED.computeIfAbsent(c.id(), k -> {
            List<String> cmd = new ArrayList<>(List.of(ExternalTool.require("gcc").toString(), "-E", "-x", "c",
                    "-undef", "-ansi", "-D__x86_64__", "-I" + INCLUDE));
            if (!c.variant().isEmpty()) cmd.add(c.variant());
            cmd.add(c.file().toString());
            return run(cmd, null, work()).stdout();
        });
    }

    /** migcom on a case's preprocessed text with the given flags, run in its own directory. */
    public static Result migcom(Case c, String key, List<String> flags) {
        return migcom(c.id() + "|" + key, preprocess(c), flags);
    }

    public static Result migcom(String key, String input, List<String> flags) {
        return RESULTS.computeIfAbsent(key + "|" + flags, k -> {
            try {
                Path dir = Files.createTempDirectory(work(), "m");
                List<String> cmd = new ArrayList<>();
                cmd.add(ExternalTool.require(MIGCOM).toString());
                cmd.addAll(flags);
                Run r = run(cmd, input, dir);
                return new Result(r.exitCode(), r.stderr(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public record Run(int exitCode, String stdout, String stderr) {}

    public static Run run(List<String> cmd, String input, Path dir) {
        try {
            Path out = Files.createTempFile(work(), "out", ".txt"), err = Files.createTempFile(work(), "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input == null) pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process p = pb.start();
            if (input != null) {
                try (var in = p.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the tool may exit before reading everything
                }
            }
            int code = p.waitFor();
            Run r = new Run(code, Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
