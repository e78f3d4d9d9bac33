package org.machr.mig.cpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostics;

/** Runs the preprocessor over files written into a temporary folder. */
final class CppTesting {

    final Path dir;
    final Diagnostics diagnostics = new Diagnostics();
    final List<Path> includePath = new ArrayList<>();
    final List<String> macros = new ArrayList<>();

    CppTesting(Path dir) {
        this.dir = dir;
    }

    CppTesting file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CppTesting include(String folder) {
        includePath.add(dir.resolve(folder));
        return this;
    }

    CppTesting define(String option) {
        macros.add(option);
        return this;
    }

    Optional<PreprocessedSource> run(String main) {
        return new Preprocessor(new PreprocessorOptions(includePath, macros), diagnostics).process(dir.resolve(main));
    }

    /** The output without line markers and blank lines, runs of spaces made one: the token text only. */
    String tokens(String main) {
        PreprocessedSource out = run(main).orElseThrow(() -> new AssertionError(diagnostics.renderAll()));
        return strip(out.text());
    }

    static String strip(String text) {
        StringBuilder s = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("# ") || line.isBlank()) continue;
            s.append(line.strip().replaceAll("[ \\t]+", " ")).append('\n');
        }
        return s.toString();
    }

    /** Rendered headlines of all diagnostics with the temporary folder removed from paths. */
    String headlines() {
        StringBuilder s = new StringBuilder();
        diagnostics.all().forEach(d -> s.append(d.headline().replace(dir.toString() + "/", "")).append('\n'));
        return s.toString();
    }

    static Map.Entry<String, String> pair(String a, String b) {
        return Map.entry(a, b);
    }
}
