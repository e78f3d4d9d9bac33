package org.machr.mig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.mig.cpp.PreprocessedSource;
import org.machr.mig.cpp.Preprocessor;
import org.machr.mig.cpp.PreprocessorOptions;
import org.machr.mig.emit.Outputs;
import org.machr.mig.layout.Abi;
import org.machr.mig.model.Interface;

/**
 * {@code machr mig}: GNU MIG's command line over the built-in preprocessor, the front end and the C
 * back end. Several input files are compiled in one run. Exit status: 0 success, 1 errors in the input,
 * 64 bad command line, 70 internal error (never a stack trace).
 */
public final class MigCli {

    public static final String VERSION = "machr mig 0.1.0 (GNU MIG 1.8 compatible)";

    private MigCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir) {
        try {
            return runChecked(args, out, err, workingDir);
        } catch (RuntimeException | Error e) {
            err.println("machr mig: error[" + MigCode.INTERNAL_ERROR.id() + "]: internal error: " + e
                    + " (please report it with the input that caused it)");
            return 70;
        }
    }

    private static int runChecked(String[] args, PrintStream out, PrintStream err, Path workingDir) {
        MigOptions options;
        try {
            options = MigOptions.parse(args);
        } catch (MigOptions.UsageException e) {
            err.println("machr mig: error[" + MigCode.BAD_OPTION.id() + "]: " + e.getMessage());
            err.print(MigOptions.USAGE);
            return 64;
        }
        if (options.help()) {
            out.print(MigOptions.USAGE);
            return 0;
        }
        if (options.version()) {
            out.println(VERSION);
            return 0;
        }
        if (options.files().isEmpty()) {
            err.println("machr mig: error[" + MigCode.BAD_OPTION.id() + "]: no input file");
            err.print(MigOptions.USAGE);
            return 64;
        }
        int status = 0;
        for (String file : options.files()) {
            status = Math.max(status, compileOne(file, options, out, err, workingDir));
        }
        return status;
    }

    private static int compileOne(String file, MigOptions options, PrintStream out, PrintStream err, Path workingDir) {
        Diagnostics diagnostics = new Diagnostics();
        List<Path> includes = new ArrayList<>();
        for (String dir : options.includeDirs()) includes.add(resolve(workingDir, dir));
        Preprocessor cpp = new Preprocessor(new PreprocessorOptions(includes, options.macros()), diagnostics);
        if (options.verbose()) err.println("machr mig: compiling " + file);
        Optional<PreprocessedSource> source = cpp.process(resolve(workingDir, file));
        if (source.isEmpty() || diagnostics.hasErrors()) return report(diagnostics, options, err);
        if (options.preprocessOnly()) {
            out.print(source.get().text());
            return report(diagnostics, options, err);
        }
        Optional<Interface> iface = MigFrontEnd.analyse(source.get().text(), resolve(workingDir, file).toString(),
                source.get().files(), diagnostics);
        if (iface.isEmpty() || diagnostics.hasErrors()) return report(diagnostics, options, err);
        Outputs outputs = new Outputs(options.user(), options.server(), options.header(), options.serverHeader(),
                options.internalHeader(), options.list(), options.noDefaults(), options.prefix(), options.subrPrefix(),
                options.symbolTable(), options.perRoutinePrefix());
        Map<String, String> files = outputs.render(iface.get(), Abi.GNU_MACH_X86_64);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = resolve(workingDir, f.getKey());
            try {
                Files.writeString(target, f.getValue());
                if (options.verbose()) err.println("machr mig: wrote " + f.getKey());
            } catch (IOException e) {
                err.println("machr mig: error[" + MigCode.INPUT_ERROR.id() + "]: cannot write " + f.getKey() + ": "
                        + e.getMessage());
                return Math.max(1, report(diagnostics, options, err));
            }
        }
        return report(diagnostics, options, err);
    }

    private static int report(Diagnostics diagnostics, MigOptions options, PrintStream err) {
        for (Diagnostic d : diagnostics.sorted()) {
            if (!d.isError() && options.quiet()) continue;
            err.print(d.render());
        }
        if (diagnostics.hasErrors()) {
            int n = diagnostics.errorCount();
            err.println(n + (n == 1 ? " error" : " errors"));
            return 1;
        }
        return 0;
    }

    private static Path resolve(Path workingDir, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute() || workingDir == null) return p;
        Path cwd = Path.of("").toAbsolutePath();
        return workingDir.toAbsolutePath().equals(cwd) ? p : workingDir.resolve(p);
    }
}
