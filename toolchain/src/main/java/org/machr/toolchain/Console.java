package org.machr.toolchain;

import java.io.PrintStream;

/** Where a command writes: its standard output and error, replaced in tests. */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }
}
