package org.machr.kd;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.UnsafeSite;

/**
 * {@code machr check}: checks {@code .kd} programs without generating code.
 *
 * <pre>
 * machr check [--target jvm|aarch64|x86_64] [--root DIR]... [--unsafe-report] [--lib] [--dump=ir] FILE...
 * </pre>
 * Each FILE is a program's main module ({@code --lib}: a library module, which needs no {@code main}). Source roots are the given {@code --root}s, then
 * {@code runtime/} of the working directory when it exists, then each file's own directory.
 * {@code --dump=ir} prints the program's IR as lowered (before optimisation) on standard output.
 * {@code --unsafe-report} prints every unsafe site (docs/language.md §8.3) on standard output.
 * Exit status: 0 when every program is correct, 1 when an error was reported, 2 for bad usage.
 */
public final class KdCheck {

    private KdCheck() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Target target = Target.JVM;
        boolean unsafeReport = false;
        boolean library = false;
        boolean dumpIr = false;
        List<Path> roots = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--unsafe-report" -> unsafeReport = true;
                case "--lib" -> library = true;
                case "--dump=ir" -> dumpIr = true;
                case "--target", "--root", "-I" -> {
                    if (i + 1 >= args.length) return usage(err, a + " needs a value");
                    String v = args[++i];
                    if (a.equals("--target")) {
                        Optional<Target> t = Target.byName(v);
                        if (t.isEmpty()) return usage(err, "unknown target '" + v + "'; expected jvm, aarch64 or x86_64");
                        target = t.get();
                    } else {
                        roots.add(Path.of(v));
                    }
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) return usage(err, "unknown option '" + a + "'");
                    files.add(Path.of(a));
                }
            }
        }
        if (files.isEmpty()) return usage(err, "no input file");
        Path runtime = Path.of("runtime");
        if (Files.isDirectory(runtime) && roots.stream().noneMatch(r -> r.normalize().equals(runtime))) roots.add(runtime);
        int status = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("error: no file '" + file + "'");
                status = 1;
                continue;
            }
            List<Path> programRoots = new ArrayList<>(roots);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) programRoots.add(parent);
            Diagnostics d = new Diagnostics();
            Optional<Semantics> sem;
            try {
                sem = KdFrontEnd.analyse(programRoots, file, target, d, !library);
            } catch (RuntimeException e) {
                // A compiler bug, not the user's: say so in one line rather than with a stack trace.
                err.print(d.renderAll());
                err.println("error: internal compiler error while checking " + file + ": " + e);
                status = 1;
                continue;
            }
            if (dumpIr && sem.isPresent() && !d.hasErrors()) {
                Optional<org.machr.kd.ir.IrProgram> ir = org.machr.kd.lower.Lowering.lower(sem.get(), d);
                ir.ifPresent(p -> out.print(org.machr.kd.ir.IrPrinter.print(p)));
            }
            err.print(d.renderAll());
            if (d.hasErrors()) status = 1;
            if (unsafeReport && sem.isPresent()) report(sem.get(), out);
        }
        return status;
    }

    /** Every unsafe site, sorted by file and position, then a count line. */
    static void report(Semantics sem, PrintStream out) {
        List<UnsafeSite> sites = new ArrayList<>(sem.unsafeSites());
        sites.sort(Comparator.comparing((UnsafeSite s) -> s.span().file().path()).thenComparingInt(s -> s.span().start()));
        for (UnsafeSite s : sites) out.println(s.line());
        out.println(sites.size() + (sites.size() == 1 ? " unsafe site" : " unsafe sites"));
    }

    private static int usage(PrintStream to, String problem) {
        if (problem != null) to.println("error: " + problem);
        to.println("usage: machr check [--target jvm|aarch64|x86_64] [--root DIR]... [--unsafe-report] [--lib] [--dump=ir] FILE...");
        return problem == null ? 0 : 2;
    }
}
