package org.machr.mig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** gcc as an oracle: does a generated file compile cleanly, and which prototypes does a header declare. */
final class Gcc {

    private Gcc() {}

    static Path shim() {
        Path root = Path.of(System.getProperty("machr.root", "."));
        Path shim = root.resolve("mig-compiler/src/test/resources/shim");
        return Files.isDirectory(shim) ? shim : Path.of("src/test/resources/shim").toAbsolutePath();
    }

    /** Where {@code features.defs} finds its C types. */
    static Path features() {
        return Reference.features().file().getParent();
    }

    /** {@code gcc -std=gnu11 -Wall -fsyntax-only}: exit code and everything it printed. */
    static Reference.Run compile(Path dir, String file) {
        return Reference.run(List.of(ExternalTool.require("gcc").toString(), "-std=gnu11", "-Wall", "-fsyntax-only",
                "-DMIG_EOPNOTSUPP=0x100", "-I" + shim(), "-I" + dir, "-I" + features(), file), null, dir);
    }

    /** The prototypes {@code header} declares, normalised by {@code gcc -aux-info} and sorted; null if it fails. */
    static List<String> prototypes(Path dir, String header) {
        try {
            Path tu = dir.resolve("aux-" + header + ".c"), aux = dir.resolve("aux-" + header + ".aux");
            Files.writeString(tu, "#include \"" + header + "\"\n");
            Reference.Run r = Reference.run(List.of(ExternalTool.require("gcc").toString(), "-std=gnu11",
                    "-fsyntax-only", "-I" + shim(), "-I" + dir, "-I" + features(), "-aux-info", aux.toString(), tu.toString()), null, dir);
            if (r.exitCode() != 0 || !Files.exists(aux)) return null;
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(aux)) {
                if (!line.contains("/" + header + ":")) continue;
                out.add(line.replaceFirst("^/\\* [^*]*\\*/ ", ""));
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
