package org.machr.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.machr.mig.MigCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code machr mig}: GNU MIG's command line, handed unchanged to the MIG compiler. */
@Command(name = "mig",
        description = {
            "Compile MIG .defs interfaces to C stubs byte-compatible with GNU MIG (GNU MIG's flags:",
            "-user -server -header -sheader -iheader -list -prefix -subrprefix -n -s -S -q -Q -v -V -E,",
            "-D/-U/-I for the built-in preprocessor; several files in one run). `machr mig --help` for all."
        })
public final class MigCommand implements Callable<Integer> {

    private final Console console;

    public MigCommand(Console console) {
        this.console = console;
    }

    @Parameters(paramLabel = "ARG", description = "GNU MIG arguments and .defs files.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return MigCli.run(args.toArray(String[]::new), console.out(), console.err(), Path.of("").toAbsolutePath());
    }
}
