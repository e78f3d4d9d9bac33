package org.machr.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.machr.kd.KdCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code machr check}: the kernel-language checks without code generation. */
@Command(name = "check",
        description = {
            "Check .kd programs (parse, resolve, types, null safety, unsafe rules) without generating code.",
            "machr check [--target jvm|aarch64|x86_64] [--root DIR]... [--unsafe-report] FILE...",
            "`machr check --help` for details."
        })
public final class CheckCommand implements Callable<Integer> {

    private final Console console;

    public CheckCommand(Console console) {
        this.console = console;
    }

    @Parameters(paramLabel = "ARG", description = "Options and program files.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(args);
        if (!all.contains("-h") && !all.contains("--help")) {
            all.add(0, ProjectRoot.find().resolve("runtime").toString());
            all.add(0, "--root");
        }
        return KdCheck.run(all.toArray(String[]::new), console.out(), console.err());
    }
}
