package org.machr.codegen.aarch64.asm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the test's .s files in the source tree (so -Dbless=true can rewrite them). */
final class AsmFiles {

    private AsmFiles() {}

    static Path resource(String name) {
        String root = System.getProperty("machr.root");
        Path base = root != null && Files.isDirectory(Path.of(root, "codegen-aarch64"))
                ? Path.of(root, "codegen-aarch64") : Path.of("").toAbsolutePath();
        return base.resolve("src/test/resources/asm").resolve(name);
    }

    static String read(String name) {
        try {
            return Files.readString(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String name, String text) {
        try {
            Files.writeString(resource(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean bless() {
        return Boolean.getBoolean("bless");
    }
}
