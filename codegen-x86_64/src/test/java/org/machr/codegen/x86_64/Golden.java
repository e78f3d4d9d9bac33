package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files: compared, or rewritten when the system property {@code bless} is {@code true}. */
final class Golden {

    private Golden() {}

    static boolean blessing() {
        return Boolean.getBoolean("bless");
    }

    /** Asserts {@code actual} equals the content of {@code file}, or writes it there when blessing. */
    static void check(Path file, String actual) throws IOException {
        if (blessing()) {
            Files.writeString(file, actual);
            return;
        }
        assertThat(Files.exists(file)).as("golden file %s is missing; run with -Dbless=true", file).isTrue();
        assertThat(actual).as("golden file %s (re-run with -Dbless=true after reviewing)", file).isEqualTo(Files.readString(file));
    }
}
