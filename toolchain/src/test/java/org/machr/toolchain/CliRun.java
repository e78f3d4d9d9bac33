package org.machr.toolchain;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** One in-process run of the {@code machr} command line, with what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun machr(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Machr.execute(args, new Console(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8)));
        return new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
    }
}
